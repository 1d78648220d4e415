package org.evkin.workflow;

/** Admin monitoring of a cycle (report Bab II.E) and reminders of late raters. */
public interface MonitoringService {

    /** @throws WorkflowException NOT_FOUND for the cycle */
    CycleProgress progress(Account actor, long cycleId);

    /**
     * One-click reminders: every late rater with e-mail in the actor's region gets a fresh link (the old one stops
     * working, saved drafts stay); raters reminded often enough are escalated to the participant and the admin.
     */
    ReminderReport remind(Account actor, long cycleId);
}
