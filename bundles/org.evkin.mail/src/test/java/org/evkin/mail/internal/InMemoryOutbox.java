package org.evkin.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.evkin.store.MailOutbox;
import org.evkin.store.OutboxMail;
import org.evkin.store.StoreUnavailableException;

/**
 * The store's outbox in memory, with the semantics of its SQL (MailOutboxMapper.xml): a claim takes PENDING mails due
 * at now and SENDING mails whose lease ran out, in next-attempt order, leases them and counts an attempt; a failure
 * keeps the next attempt when given up. Synchronized like the row locks, so concurrent mailers never claim the same
 * mail. It can be switched unavailable, to act like a database that is down.
 */
final class InMemoryOutbox implements MailOutbox {

    /** One markFailed call, for the tests of backoff. */
    record Failed(long id, String error, Instant nextAttemptAt) {
    }

    private static final class Row {
        final long id;
        final String key, to, subject, text, html;
        final Instant createdAt;
        String status = "PENDING";
        int attempts;
        Instant nextAttemptAt, leaseUntil, sentAt;
        String lastError;

        Row(long id, NewMail m, Instant now) {
            this.id = id;
            this.key = m.dedupeKey();
            this.to = m.to();
            this.subject = m.subject();
            this.text = m.bodyText();
            this.html = m.bodyHtml();
            this.createdAt = now;
            this.nextAttemptAt = now;
        }

        OutboxMail snapshot() {
            return new OutboxMail(id, key, to, subject, text, html, status, attempts, nextAttemptAt, lastError, createdAt,
                    sentAt);
        }
    }

    private final Map<Long, Row> rows = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Failed> failures = new ArrayList<>();
    private final List<Long> sent = new ArrayList<>();
    private volatile boolean available = true;
    private volatile boolean markSentAvailable = true;
    private volatile java.util.function.LongConsumer afterMarkSent = id -> { };
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    /** The clock of enqueue (the mailer passes its own now to claims). */
    synchronized void setNow(Instant now) {
        this.now = now;
    }

    void setAvailable(boolean available) {
        this.available = available;
    }

    /** Something to do after each markSent, to act in the middle of a batch. */
    void afterMarkSent(java.util.function.LongConsumer action) {
        this.afterMarkSent = action;
    }

    /** Only markSent failing, as when the database goes away between sending and recording. */
    void setMarkSentAvailable(boolean available) {
        this.markSentAvailable = available;
    }

    private void check() {
        if (!available) {
            throw new StoreUnavailableException("The database cannot be reached: Connection refused", null);
        }
    }

    @Override
    public synchronized boolean enqueue(NewMail mail) {
        check();
        if (rows.values().stream().anyMatch(r -> r.key.equals(mail.dedupeKey()))) {
            return false;
        }
        long id = ids.incrementAndGet();
        rows.put(id, new Row(id, mail, now));
        return true;
    }

    /** Enqueues and returns the new mail's id. */
    synchronized long add(String key, String to, String subject, String text, String html) {
        enqueue(new NewMail(key, to, subject, text, html));
        return rows.values().stream().filter(r -> r.key.equals(key)).findFirst().orElseThrow().id;
    }

    /** Sets a mail's attempts, as if it had been tried before. */
    synchronized void setAttempts(long id, int attempts) {
        rows.get(id).attempts = attempts;
    }

    @Override
    public synchronized List<OutboxMail> claimDue(Instant at, int limit, int leaseSeconds) {
        check();
        List<Row> due = rows.values().stream()
                .filter(r -> ("PENDING".equals(r.status) && !r.nextAttemptAt.isAfter(at))
                        || ("SENDING".equals(r.status) && r.leaseUntil.isBefore(at)))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparing(r -> r.id))
                .limit(limit).toList();
        List<OutboxMail> out = new ArrayList<>();
        for (Row r : due) {
            r.status = "SENDING";
            r.leaseUntil = at.plusSeconds(leaseSeconds);
            r.attempts++;
            out.add(r.snapshot());
        }
        return out;
    }

    @Override
    public synchronized void markSent(long id, Instant at) {
        check();
        if (!markSentAvailable) {
            throw new StoreUnavailableException("The database cannot be reached: Connection reset", null);
        }
        Row r = rows.get(id);
        r.status = "SENT";
        r.sentAt = at;
        r.leaseUntil = null;
        r.lastError = null;
        sent.add(id);
        afterMarkSent.accept(id);
    }

    @Override
    public synchronized void markFailed(long id, String error, Instant nextAttemptAt) {
        check();
        Row r = rows.get(id);
        r.status = nextAttemptAt != null ? "PENDING" : "FAILED";
        if (nextAttemptAt != null) {
            r.nextAttemptAt = nextAttemptAt;
        }
        r.leaseUntil = null;
        String e = error == null ? "" : error;
        r.lastError = e.length() > 1000 ? e.substring(0, 1000) : e;
        failures.add(new Failed(id, r.lastError, nextAttemptAt));
    }

    @Override
    public synchronized Optional<OutboxMail> find(long id) {
        check();
        return Optional.ofNullable(rows.get(id)).map(Row::snapshot);
    }

    @Override
    public synchronized Map<String, Long> countByStatus() {
        check();
        Map<String, Long> out = new TreeMap<>();
        for (Row r : rows.values()) {
            out.merge(r.status, 1L, Long::sum);
        }
        return out;
    }

    synchronized OutboxMail get(long id) {
        return rows.get(id).snapshot();
    }

    synchronized List<Failed> failures(long id) {
        return failures.stream().filter(f -> f.id() == id).toList();
    }

    /** How many times markSent was called for each id (the outbox's view of "sent once"). */
    synchronized Map<Long, Long> sentCounts() {
        Map<Long, Long> out = new TreeMap<>();
        sent.forEach(id -> out.merge(id, 1L, Long::sum));
        return out;
    }
}
