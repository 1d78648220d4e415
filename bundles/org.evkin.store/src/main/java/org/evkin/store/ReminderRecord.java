package org.evkin.store;

import java.time.Instant;

/** Reminders sent to one rater source of a participant: how many, the last one, and when it was escalated. */
public record ReminderRecord(long cycleId, long participantId, String role, int sent, Instant lastAt, Instant escalatedAt) {
}
