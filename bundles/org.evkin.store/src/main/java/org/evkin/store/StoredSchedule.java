package org.evkin.store;

import java.time.Instant;
import java.time.LocalDate;

/** An admin's decision on a program's battery: status (ACTIVE/INACTIVE) and period; dates may be null. */
public record StoredSchedule(String code, String status, LocalDate periodStart, LocalDate periodEnd, Instant updatedAt,
        String updatedBy) {
}
