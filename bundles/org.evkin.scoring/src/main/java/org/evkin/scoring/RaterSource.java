package org.evkin.scoring;

/** The four rater sources of SPEC §2: the participant (DIRI), the supervisor (ATASAN), a peer (REKAN) and a service user (PENGGUNA). */
public enum RaterSource {
    DIRI, ATASAN, REKAN, PENGGUNA
}
