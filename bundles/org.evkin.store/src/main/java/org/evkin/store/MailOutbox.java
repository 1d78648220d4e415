package org.evkin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox of e-mail. Mails are enqueued by the workflow (in its own transaction, through
 * {@link #enqueue}); the mailer claims due ones for a lease, sends them, and marks them sent or schedules a retry.
 */
public interface MailOutbox {

    /** A new mail: the dedupe key makes a second enqueue of the same mail a no-op (returns false). */
    record NewMail(String dedupeKey, String to, String subject, String bodyText, String bodyHtml) {
    }

    boolean enqueue(NewMail mail);

    /**
     * Claims up to limit mails due at now (PENDING with next attempt ≤ now, or SENDING whose lease ran out because a
     * mailer died) for leaseSeconds; no other mailer gets them meanwhile.
     */
    List<OutboxMail> claimDue(Instant now, int limit, int leaseSeconds);

    void markSent(long id, Instant at);

    /** A failed attempt: retry at nextAttemptAt, or give up (status FAILED) when nextAttemptAt is null. */
    void markFailed(long id, String error, Instant nextAttemptAt);

    Optional<OutboxMail> find(long id);

    /** Counts by status, for health and monitoring. */
    java.util.Map<String, Long> countByStatus();
}
