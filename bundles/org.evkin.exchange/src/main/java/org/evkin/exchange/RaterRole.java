package org.evkin.exchange;

import java.util.Locale;
import java.util.Optional;

/** A rater source (rater_role) of the responses import: self, supervisor, peer or service user. */
public enum RaterRole {
    DIRI, ATASAN, REKAN, PENGGUNA;

    /** True for the sources that fill a Part-1 form (DIRI, ATASAN, REKAN). */
    public boolean mapsActivities() {
        return this != PENGGUNA;
    }

    /** Reads a role name, case and surrounding spaces ignored. */
    public static Optional<RaterRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (RaterRole r : values()) {
            if (r.name().equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
