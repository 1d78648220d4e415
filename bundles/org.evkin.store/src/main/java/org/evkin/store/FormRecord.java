package org.evkin.store;

import java.time.Instant;

/**
 * A stored form: Part 1 (programCode "") or Part 2 of one rater role for one participant; status DRAFT or SUBMITTED;
 * revision counts saved drafts; scope lists the subkompetensi a Part-1 rater chose (comma-separated numbers).
 */
public record FormRecord(long id, long cycleId, long participantId, String raterRole, int part, String programCode,
        String instrumentVersion, String status, int revision, String scope, String source, Instant startedAt,
        Instant updatedAt, Instant submittedAt) {

    public boolean submitted() {
        return "SUBMITTED".equals(status);
    }
}
