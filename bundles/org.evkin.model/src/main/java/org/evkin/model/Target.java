package org.evkin.model;

import java.util.List;
import java.util.Optional;

/** Whom a blueprint is written for: one of the four Pengantar Kerja levels (jenjang), or the Petugas Antar Kerja. */
public enum Target {
    AHLI_PERTAMA("Ahli Pertama", 1, "AP"),
    AHLI_MUDA("Ahli Muda", 2, "AMU"),
    AHLI_MADYA("Ahli Madya", 3, "AMA"),
    AHLI_UTAMA("Ahli Utama", 4, "AU"),
    PAK("Petugas Antar Kerja", 0, "PAK");

    private final String label;
    private final int rank;
    private final String taskPrefix;

    Target(String label, int rank, String taskPrefix) {
        this.label = label;
        this.rank = rank;
        this.taskPrefix = taskPrefix;
    }

    /** The name as the report and the import files write it, e.g. "Ahli Muda". */
    public String label() {
        return label;
    }

    /** 1 to 4 for the Pengantar Kerja levels, 0 for PAK. */
    public int rank() {
        return rank;
    }

    /** The prefix of the task codes of this level's blueprint, e.g. "AMU" in "AMU-03-02". */
    public String taskPrefix() {
        return taskPrefix;
    }

    /** True for the four Pengantar Kerja levels, false for PAK. */
    public boolean isPkLevel() {
        return this != PAK;
    }

    /** The four Pengantar Kerja levels, lowest first. */
    public static List<Target> pkLevels() {
        return List.of(AHLI_PERTAMA, AHLI_MUDA, AHLI_MADYA, AHLI_UTAMA);
    }

    /** Finds a PK level by its label ("Ahli Madya", case and surrounding spaces ignored) or its code ("AHLI_MADYA"). */
    public static Optional<Target> parseLevel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().replaceAll("\\s+", " ");
        for (Target level : pkLevels()) {
            if (level.label.equalsIgnoreCase(t) || level.name().equalsIgnoreCase(t.replace(' ', '_'))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
