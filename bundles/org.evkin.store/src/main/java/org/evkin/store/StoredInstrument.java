package org.evkin.store;

import java.time.Instant;

/** A stored instrument version: the descriptor as deployed (JSON), its checksum and where it came from. */
public record StoredInstrument(String code, String version, long versionOrder, String title, String definition,
        String checksum, String sourceBundle, Instant firstSeenAt) {
}
