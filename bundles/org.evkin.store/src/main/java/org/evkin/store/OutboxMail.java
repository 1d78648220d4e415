package org.evkin.store;

import java.time.Instant;

/** One e-mail of the outbox: to whom, what, and where it is in its delivery (PENDING, SENDING, SENT, FAILED). */
public record OutboxMail(long id, String dedupeKey, String to, String subject, String bodyText, String bodyHtml,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
