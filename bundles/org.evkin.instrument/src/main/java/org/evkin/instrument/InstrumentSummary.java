package org.evkin.instrument;

import java.time.LocalDate;
import java.util.List;

/**
 * What the registry knows of one program: the version served for new forms (if deployed), whether a bundle serves
 * it now, the admin's status and period, and every version ever deployed (oldest first).
 */
public record InstrumentSummary(String code, String currentVersion, String title, TargetKind targetKind, boolean deployed,
        InstrumentStatus status, LocalDate periodStart, LocalDate periodEnd, String sourceBundle, List<String> versions) {

    public InstrumentSummary {
        versions = List.copyOf(versions);
    }
}
