package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evkin.mail.MailReport.SmtpState;
import org.evkin.store.OutboxMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refusals by the SMTP server (from a scripted server, as GreenMail accepts every recipient): what is retried. */
class RejectionTest {

    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MutableClock clock = new MutableClock(START);
    private final ScriptedSmtpServer server = new ScriptedSmtpServer();

    RejectionTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private OutboxDelivery delivery(Settings settings) {
        return new OutboxDelivery(settings, outbox, new SmtpClient(settings), clock);
    }

    @Test
    void aRejectedRecipientFailsWithoutRetriesAndTheOthersGoOut() {
        server.replyToRecipient("tidak.ada@", "550 5.1.1 <tidak.ada@example.go.id>: Recipient address rejected: User unknown");
        long rejected = outbox.add("a", "tidak.ada@example.go.id", "Undangan", "Isi.", null);
        long accepted = outbox.add("b", "ada@example.go.id", "Undangan", "Isi.", null);
        OutboxDelivery delivery = delivery(TestConfigs.settings(server.port()));
        delivery.runOnce();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(2));
            delivery.runOnce();
        }
        OutboxMail mail = outbox.get(rejected);
        assertEquals("FAILED", mail.status());
        assertEquals(1, mail.attempts());
        assertEquals("SMTP server 127.0.0.1:" + server.port() + " rejected the recipient: 550 5.1.1 <tidak.ada@example.go.id>:"
                + " Recipient address rejected: User unknown", mail.lastError());
        assertEquals(2, server.rcptCommands(), "the rejected recipient was asked for once");
        assertEquals("SENT", outbox.get(accepted).status());
        assertEquals(1, server.accepted());
        assertEquals(SmtpState.UP, delivery.report().smtp());
    }

    @Test
    void aDeferredMailBacksOffDoublingUpToTheCapThenGivesUp() {
        server.replyToRecipient("penuh@", "452 4.2.2 Mailbox full");
        Settings settings = TestConfigs.withRetry(TestConfigs.settings(server.port()), Duration.ofSeconds(1),
                Duration.ofSeconds(4), 6);
        long id = outbox.add("k", "penuh@example.go.id", "Pengingat", "Isi.", null);
        OutboxDelivery delivery = delivery(settings);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            Instant before = clock.instant();
            delivery.runOnce();
            OutboxMail mail = outbox.get(id);
            assertEquals(attempt, mail.attempts());
            if (attempt < 6) {
                assertEquals("PENDING", mail.status());
                waits.add(Duration.between(before, mail.nextAttemptAt()));
                clock.advance(Duration.ofMillis(500));
                delivery.runOnce(); // not due yet: nothing happens
                assertEquals(attempt, outbox.get(id).attempts());
                clock.advance(Duration.between(clock.instant(), mail.nextAttemptAt()));
            }
        }
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4),
                Duration.ofSeconds(4)), waits);
        OutboxMail failed = outbox.get(id);
        assertEquals("FAILED", failed.status());
        assertTrue(failed.lastError().endsWith("deferred the recipient: 452 4.2.2 Mailbox full (given up after 6 attempts)"),
                failed.lastError());
        assertNull(outbox.failures(id).get(5).nextAttemptAt());
        assertEquals(0, server.accepted());
    }

    @Test
    void aRefusedSenderKeepsAllMailsWaitingAndIsLoggedOnce() throws Exception {
        server.replyToMailFrom("553 5.7.1 <evkin@kemnaker.go.id>: Sender address rejected: not owned by user");
        Settings settings = TestConfigs.withRetry(TestConfigs.settings(server.port()), Duration.ofSeconds(1),
                Duration.ofSeconds(4), 2);
        long first = outbox.add("a", "a@example.go.id", "s", "t", null);
        long second = outbox.add("b", "b@example.go.id", "s", "t", null);
        OutboxDelivery delivery = delivery(settings);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 4; i++) {
                delivery.runOnce();
                clock.advance(Duration.ofSeconds(5));
            }
            for (long id : List.of(first, second)) {
                assertEquals("PENDING", outbox.get(id).status(), "a refused sender gives no mail up");
            }
            assertEquals(4, outbox.get(first).attempts(), "past max.attempts (2), still waiting");
            assertEquals(4, outbox.get(second).attempts());
            assertEquals(0, server.rcptCommands(), "no recipient is tried while the sender is refused");
            assertEquals(SmtpState.DOWN, delivery.report().smtp());
            assertTrue(delivery.report().problem().contains("refused the sender (setting 'from.address'"));

            server.replyToMailFrom("250 OK");
            delivery.runOnce();
            assertEquals(1, log.lines("refused the sender").size(), log.text());
            assertEquals(1, log.lines("usable again").size(), log.text());
        }
        assertEquals("SENT", outbox.get(first).status());
        assertEquals("SENT", outbox.get(second).status());
        assertEquals(2, server.accepted());
    }
}
