package org.evkin.store;

/** A rater of a participant in a cycle: role DIRI, ATASAN, REKAN or PENGGUNA; e-mail may be null (then a short code). */
public record RaterRecord(long id, long cycleId, long participantId, String role, String name, String email, String phone) {
}
