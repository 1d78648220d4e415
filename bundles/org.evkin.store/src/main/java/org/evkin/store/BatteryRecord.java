package org.evkin.store;

import java.time.LocalDate;

/** A program's battery in a cycle: status (ACTIVE/INACTIVE), period, and an admin's extension of the period. */
public record BatteryRecord(long cycleId, String programCode, String status, LocalDate periodStart, LocalDate periodEnd,
        LocalDate extendedUntil) {

    /** The last day forms of this battery are open. */
    public LocalDate closesAfter() {
        return extendedUntil != null && extendedUntil.isAfter(periodEnd) ? extendedUntil : periodEnd;
    }
}
