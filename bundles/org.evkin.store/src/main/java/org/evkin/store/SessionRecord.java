package org.evkin.store;

import java.time.Instant;

/** A stored web session or API token of an account: only the SHA-256 of the token. */
public record SessionRecord(String tokenHash, long accountId, String kind, Instant createdAt, Instant expiresAt,
        Instant lastSeenAt) {
}
