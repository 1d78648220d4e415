package org.evkin.workflow;

import java.time.LocalDate;
import java.util.List;

/** Evaluation cycles and the period and status of each program's battery (report Bab II.E.1.c). */
public interface CycleService {

    /** @throws WorkflowException FORBIDDEN for regional admins, INVALID for an empty name, CONFLICT for a taken name */
    Cycle create(Account actor, String name);

    List<Cycle> list();

    /** @throws WorkflowException NOT_FOUND */
    Cycle get(long cycleId);

    /**
     * Sets a battery's status and period (and optionally an extension of its end).
     *
     * @throws WorkflowException NOT_FOUND for an unknown cycle or program, INVALID for a period ending before it
     *                           starts or an extension before the end, FORBIDDEN for regional admins
     */
    Battery setBattery(Account actor, long cycleId, String programCode, boolean active, LocalDate periodStart,
            LocalDate periodEnd, LocalDate extendedUntil);
}
