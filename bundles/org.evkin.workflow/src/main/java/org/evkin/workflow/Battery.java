package org.evkin.workflow;

import java.time.LocalDate;

/** A program's battery in a cycle: whether it is active and when its forms are open (an extension moves the end). */
public record Battery(String programCode, boolean active, LocalDate periodStart, LocalDate periodEnd, LocalDate extendedUntil) {

    /** The last day forms are open. */
    public LocalDate closesAfter() {
        return extendedUntil != null && extendedUntil.isAfter(periodEnd) ? extendedUntil : periodEnd;
    }

    /** Whether forms of this battery take answers on that day. */
    public boolean openOn(LocalDate day) {
        return active && !day.isBefore(periodStart) && !day.isAfter(closesAfter());
    }
}
