package org.evkin.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.evkin.store.MailOutbox;
import org.evkin.store.OutboxMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mail outbox on a real MariaDB: dedupe, leases, concurrent claims, retries. */
class MailOutboxTest {

    private static TestDatabase db;
    private static DatabaseComponent database;
    private static MailOutboxComponent outbox;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start("outbox");
        database = new DatabaseComponent(DatabaseComponentTest.config(Map.of()),
                DatabaseComponentTest.context(Map.of(DatabaseComponent.EMBEDDED_URL, db.url("outbox"))));
        assertTrue(database.status().up(), String.valueOf(database.status().problem()));
        outbox = new MailOutboxComponent(database);
    }

    @AfterAll
    static void stop() throws Exception {
        database.deactivate();
        db.close();
    }

    @Test
    void aMailIsEnqueuedOncePerDedupeKey() {
        assertTrue(outbox.enqueue(mail("dedupe-1")));
        assertFalse(outbox.enqueue(mail("dedupe-1")), "the same invitation must not be queued twice");
    }

    @Test
    void claimedMailsAreLeasedAndNotClaimedAgainUntilTheLeaseEnds() {
        outbox.enqueue(mail("lease-1"));
        Instant now = Instant.now().plusSeconds(1);
        List<OutboxMail> first = outbox.claimDue(now, 100, 60);
        assertTrue(first.stream().anyMatch(m -> m.dedupeKey().equals("lease-1")));
        OutboxMail m = first.stream().filter(x -> x.dedupeKey().equals("lease-1")).findFirst().orElseThrow();
        assertEquals("SENDING", m.status());
        assertEquals(1, m.attempts());
        assertTrue(outbox.claimDue(now.plusSeconds(30), 100, 60).stream().noneMatch(x -> x.id() == m.id()));
        // the mailer died: after the lease the mail is claimed again
        assertTrue(outbox.claimDue(now.plusSeconds(61), 100, 60).stream().anyMatch(x -> x.id() == m.id()));
        outbox.markSent(m.id(), now);
        assertEquals("SENT", outbox.find(m.id()).orElseThrow().status());
        assertTrue(outbox.claimDue(now.plusSeconds(3600), 100, 60).stream().noneMatch(x -> x.id() == m.id()));
    }

    @Test
    void failedAttemptsAreRetriedLaterOrGivenUp() {
        outbox.enqueue(mail("retry-1"));
        Instant now = Instant.now().plusSeconds(1);
        OutboxMail m = outbox.claimDue(now, 100, 60).stream().filter(x -> x.dedupeKey().equals("retry-1")).findFirst().orElseThrow();
        outbox.markFailed(m.id(), "Connection refused", now.plusSeconds(120));
        OutboxMail after = outbox.find(m.id()).orElseThrow();
        assertEquals("PENDING", after.status());
        assertEquals("Connection refused", after.lastError());
        assertTrue(outbox.claimDue(now.plusSeconds(60), 100, 60).stream().noneMatch(x -> x.id() == m.id()), "not before its time");
        assertTrue(outbox.claimDue(now.plusSeconds(121), 100, 60).stream().anyMatch(x -> x.id() == m.id()));
        outbox.markFailed(m.id(), "550 no such user", null);
        assertEquals("FAILED", outbox.find(m.id()).orElseThrow().status());
        assertTrue(outbox.countByStatus().get("FAILED") >= 1);
    }

    @Test
    void concurrentMailersNeverClaimTheSameMail() throws Exception {
        for (int i = 0; i < 200; i++) {
            outbox.enqueue(mail("concurrent-" + i));
        }
        Instant now = Instant.now().plusSeconds(1);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> mailers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    List<OutboxMail> batch;
                    do {
                        batch = outbox.claimDue(now, 7, 300);
                        batch.forEach(m -> claimed.add(m.id()));
                    } while (!batch.isEmpty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            mailers.add(th);
        }
        go.countDown();
        for (Thread th : mailers) {
            th.join(60_000);
        }
        Set<Long> unique = new HashSet<>(claimed);
        assertEquals(claimed.size(), unique.size(), "a mail was claimed twice");
        assertTrue(unique.size() >= 200);
    }

    private static MailOutbox.NewMail mail(String key) {
        return new MailOutbox.NewMail(key, "peserta@example.go.id", "Undangan EvKin", "Halo", null);
    }
}
