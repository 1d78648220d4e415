package org.evkin.store;

import java.time.Instant;

/** A stored admin account; role NATIONAL_ADMIN or REGIONAL_ADMIN (then province, and maybe district, is its scope). */
public record AccountRecord(long id, String email, String name, String passwordHash, String role, String province,
        String district, boolean active, Instant createdAt) {
}
