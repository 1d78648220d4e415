package org.evkin.exchange;

import java.util.Locale;
import java.util.Optional;

/** The participant category (kategori) of an import row: Pengantar Kerja or Petugas Antar Kerja. */
public enum Category {
    /** Pengantar Kerja: civil servants in one of the four levels. */
    PK,
    /** Petugas Antar Kerja: appointed officers, no levels. */
    PAK;

    /** Reads "PK" or "PAK", case and surrounding spaces ignored. */
    public static Optional<Category> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (Category c : values()) {
            if (c.name().equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
