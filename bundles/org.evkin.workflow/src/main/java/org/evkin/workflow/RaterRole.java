package org.evkin.workflow;

/** The four rater sources of a participant (report Bab II.C): self, supervisor, peer, service user. */
public enum RaterRole {
    DIRI, ATASAN, REKAN, PENGGUNA;

    /** Whether this source fills Part 1 (task mapping) for a Pengantar Kerja. */
    public boolean mapsTasks() {
        return this != PENGGUNA;
    }
}
