package org.evkin.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evkin.mail.MailReport;
import org.evkin.mail.MailReport.SmtpState;
import org.evkin.store.MailOutbox;
import org.evkin.store.OutboxMail;
import org.evkin.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailer's work on the outbox: claims due mails, sends each, records the outcome, and logs one line when the SMTP
 * server or the store changes state. {@link #runOnce()} is called by one thread at a time (the mailer's scheduler);
 * the state it keeps for {@link #report} is read by any thread.
 *
 * <p>A mail is claimed with a lease, so no other mailer takes it meanwhile; it is marked sent once the server has
 * accepted it. Should recording that fail (the store is down), it is remembered here and recorded before anything
 * else (a poll claims nothing before), without sending it again. While the server is unreachable nothing is claimed:
 * each poll only checks whether it answers again, so waiting mails spend no attempts and go out at the first poll after
 * it is back. While it refuses the login or the sender, mails are retried with backoff. Neither ever gives a mail up;
 * only a refusal of the mail itself does (at once for 5xx, after max.attempts for 4xx).
 */
final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final Settings settings;
    private final MailOutbox outbox;
    private final SmtpClient smtp;
    private final Clock clock;
    /** Mails the server accepted whose markSent the store did not take yet: id → when sent. */
    private final Map<Long, Instant> unconfirmed = new LinkedHashMap<>();

    private volatile boolean stopping;
    private volatile SmtpState smtpState = SmtpState.UNKNOWN;
    private volatile Failure serverFailure;
    private volatile String storeProblem;
    private volatile Instant lastSentAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    OutboxDelivery(Settings settings, MailOutbox outbox, SmtpClient smtp, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** One poll: records pending confirmations, then delivers due mails batch by batch until none is due. */
    void runOnce() {
        if (!confirmPending()) {
            return;
        }
        Failure down = serverFailure;
        if (smtpState == SmtpState.DOWN && down != null && down.kind() == Failure.Kind.UNREACHABLE && !probe()) {
            return;
        }
        while (!stopping) {
            Instant claimedAt = clock.instant();
            List<OutboxMail> batch = claim(claimedAt);
            if (batch == null || batch.isEmpty() || !deliver(batch, claimedAt) || batch.size() < settings.batchSize()) {
                return;
            }
        }
    }

    /** Asks runOnce to finish after the mail it is sending and to give the rest of its batch back. */
    void stop() {
        stopping = true;
    }

    MailReport report() {
        Map<String, Long> queue = Map.of();
        String queueProblem = null;
        try {
            queue = outbox.countByStatus();
        } catch (RuntimeException e) {
            queueProblem = "mail outbox unavailable: " + Failure.rootMessage(e);
        }
        Failure down = smtpState == SmtpState.DOWN ? serverFailure : null;
        String problem = join(down == null ? null : down.reason(), storeProblem != null ? "mail outbox unavailable: "
                + storeProblem : queueProblem);
        return new MailReport(smtpState, settings.server(), lastSentAt, lastError, lastErrorAt, queue, problem);
    }

    /** Sends the claimed mails in order; false when the rest of this poll should be skipped. */
    private boolean deliver(List<OutboxMail> batch, Instant claimedAt) {
        // Stop well before the lease ends: past it, another mailer may take the mails not sent yet.
        Instant sendBefore = claimedAt.plusSeconds(settings.leaseSeconds()).minusMillis(3L * settings.timeoutMs());
        Transport transport = null;
        try {
            for (int i = 0; i < batch.size(); i++) {
                OutboxMail mail = batch.get(i);
                if (stopping) {
                    release(batch.subList(i, batch.size()));
                    return false;
                }
                if (clock.instant().isAfter(sendBefore)) {
                    LOG.debug("Lease of the batch nearly over; {} mails left for the next claim", batch.size() - i);
                    return false;
                }
                MimeMessage message;
                try {
                    message = smtp.message(mail, clock.instant());
                } catch (MessagingException | RuntimeException e) {
                    if (!failed(mail, Failure.ofMessage(e))) {
                        return false;
                    }
                    continue;
                }
                if (transport == null) {
                    try {
                        transport = smtp.connect();
                    } catch (MessagingException | RuntimeException e) {
                        serverDown(Failure.ofConnect(e, settings.server()), batch.subList(i, batch.size()));
                        return false;
                    }
                }
                try {
                    smtp.send(transport, message);
                } catch (MessagingException | RuntimeException e) {
                    // A refused mail may leave the connection in any state: start the next one on a fresh connection.
                    smtp.close(transport);
                    transport = null;
                    Failure failure = Failure.ofSend(e, settings.server());
                    if (failure.serverWide()) {
                        serverDown(failure, batch.subList(i, batch.size()));
                        return false;
                    }
                    if (!failed(mail, failure)) {
                        return false;
                    }
                    continue;
                }
                serverUp();
                if (!sent(mail)) {
                    return false;
                }
            }
            return true;
        } finally {
            smtp.close(transport);
        }
    }

    private List<OutboxMail> claim(Instant now) {
        try {
            List<OutboxMail> batch = outbox.claimDue(now, settings.batchSize(), settings.leaseSeconds());
            storeUp();
            return batch;
        } catch (RuntimeException e) {
            storeDown(e);
            return null;
        }
    }

    private boolean probe() {
        try {
            smtp.probe();
        } catch (MessagingException | RuntimeException e) {
            serverFailed(Failure.ofConnect(e, settings.server()));
            return false;
        }
        serverUp();
        return true;
    }

    private boolean sent(OutboxMail mail) {
        Instant at = clock.instant();
        lastSentAt = at;
        LOG.debug("Mail {} ({}) sent", mail.id(), mail.dedupeKey());
        unconfirmed.put(mail.id(), at);
        return confirmPending();
    }

    /** Records the sent mails not recorded yet; false when the store does not take them (they stay remembered). */
    private boolean confirmPending() {
        for (Iterator<Map.Entry<Long, Instant>> it = unconfirmed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Long, Instant> sent = it.next();
            try {
                outbox.markSent(sent.getKey(), sent.getValue());
            } catch (RuntimeException e) {
                storeDown(e);
                return false;
            }
            it.remove();
            storeUp();
        }
        return true;
    }

    /** A failure of this mail alone: retry later, or give up; false when the store did not take the outcome. */
    private boolean failed(OutboxMail mail, Failure failure) {
        Instant now = clock.instant();
        boolean giveUp = failure.kind() == Failure.Kind.PERMANENT
                || (failure.kind() == Failure.Kind.TRANSIENT && mail.attempts() >= settings.maxAttempts());
        String error = failure.kind() == Failure.Kind.TRANSIENT && giveUp
                ? failure.reason() + " (given up after " + mail.attempts() + (mail.attempts() == 1 ? " attempt)" : " attempts)")
                : failure.reason();
        noteError(error);
        if (!record(mail, error, giveUp ? null : now.plus(settings.retryDelay(mail.attempts())))) {
            return false;
        }
        if (giveUp) {
            LOG.warn("Mail {} ({}) not delivered: {}", mail.id(), mail.dedupeKey(), error);
        } else {
            LOG.debug("Mail {} ({}) to be retried: {}", mail.id(), mail.dedupeKey(), error);
        }
        return true;
    }

    /** The server is unusable: the untried mails of the batch wait (backoff, never given up). */
    private void serverDown(Failure failure, List<OutboxMail> untried) {
        Instant now = clock.instant();
        for (OutboxMail mail : untried) {
            if (!record(mail, failure.reason(), now.plus(settings.retryDelay(mail.attempts())))) {
                break;
            }
        }
        serverFailed(failure);
    }

    /** Notes the server's failure; one log line when it goes down or fails in a new way, none while it stays so. */
    private void serverFailed(Failure failure) {
        noteError(failure.reason());
        Failure before = serverFailure;
        serverFailure = failure;
        boolean changed = smtpState != SmtpState.DOWN || before == null || before.kind() != failure.kind();
        smtpState = SmtpState.DOWN;
        if (changed) {
            String retry = failure.kind() == Failure.Kind.UNREACHABLE
                    ? "retrying every " + seconds(settings.poll()) : "each retried with backoff";
            LOG.warn("{}; {}, {}", failure.reason(), waiting(), retry);
        }
    }

    private void serverUp() {
        if (smtpState == SmtpState.DOWN) {
            smtpState = SmtpState.UP;
            LOG.info("SMTP server {} usable again; {}, sending", settings.server(), waiting());
        }
        smtpState = SmtpState.UP;
        serverFailure = null;
    }

    /** Gives the mails back for the next poll (of this or another mailer), keeping their last error. */
    private void release(List<OutboxMail> mails) {
        Instant now = clock.instant();
        for (OutboxMail mail : mails) {
            String error = mail.lastError() == null || mail.lastError().isEmpty()
                    ? "not sent yet: the mailer stopped" : mail.lastError();
            if (!record(mail, error, now)) {
                return;
            }
        }
    }

    private boolean record(OutboxMail mail, String error, Instant nextAttempt) {
        try {
            outbox.markFailed(mail.id(), error, nextAttempt);
            storeUp();
            return true;
        } catch (RuntimeException e) {
            storeDown(e);
            return false;
        }
    }

    private void storeDown(RuntimeException e) {
        String reason = Failure.rootMessage(e);
        if (storeProblem == null) {
            if (e instanceof StoreUnavailableException) {
                LOG.warn("Mail outbox unavailable: {}; retrying every {}", reason, seconds(settings.poll()));
            } else {
                LOG.warn("Mail outbox failed: {}; retrying every {}", reason, seconds(settings.poll()), e);
            }
        }
        storeProblem = reason;
    }

    private void storeUp() {
        if (storeProblem != null) {
            storeProblem = null;
            LOG.info("Mail outbox available again");
        }
    }

    private void noteError(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }

    /** "3 mails wait", from the store's counts; vaguer when the store cannot say. */
    private String waiting() {
        try {
            Map<String, Long> counts = outbox.countByStatus();
            long n = counts.getOrDefault("PENDING", 0L) + counts.getOrDefault("SENDING", 0L);
            return n == 1 ? "1 mail waits" : n + " mails wait";
        } catch (RuntimeException e) {
            return "mails wait";
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
