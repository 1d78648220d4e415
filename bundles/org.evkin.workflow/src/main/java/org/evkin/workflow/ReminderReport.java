package org.evkin.workflow;

/** What a reminder run did: raters reminded (with a fresh link), escalations sent, late raters without e-mail. */
public record ReminderReport(int reminded, int escalated, int withoutEmail) {
}
