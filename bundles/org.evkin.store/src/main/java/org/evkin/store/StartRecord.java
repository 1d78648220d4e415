package org.evkin.store;

import java.time.Instant;

/** One start of the server, as written to the database when the store came up. */
public record StartRecord(long id, Instant startedAt, String version, String host) {
}
