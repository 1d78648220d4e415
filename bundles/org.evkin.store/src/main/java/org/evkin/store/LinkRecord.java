package org.evkin.store;

import java.time.Instant;

/** A personal link: the SHA-256 of its token, an optional short code, whose link it is, and its validity. */
public record LinkRecord(String tokenHash, String shortCode, long cycleId, long participantId, String role, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {
}
