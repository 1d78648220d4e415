package org.evkin.store;

import java.time.Instant;

/** A stored evaluation cycle, e.g. "EvKin 2025". */
public record CycleRecord(long id, String name, Instant createdAt, String createdBy) {
}
