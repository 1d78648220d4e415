package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.evkin.mail.MailReport;
import org.evkin.mail.MailReport.SmtpState;
import org.evkin.store.OutboxMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery of the outbox through a real SMTP server (GreenMail), with the server and the store going away. */
class DeliveryTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MutableClock clock = new MutableClock(START);

    private OutboxDelivery delivery(Settings settings, Clock clock) {
        return new OutboxDelivery(settings, outbox, new SmtpClient(settings), clock);
    }

    private static int port() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    /** Received messages by Message-ID: how many times each arrived. */
    static Map<String, Integer> byMessageId(MimeMessage[] received) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (MimeMessage m : received) {
            out.merge(m.getMessageID(), 1, Integer::sum);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aQueuedMailIsDeliveredOnceWithItsHeadersAndUtf8Body() throws Exception {
        String subject = "Undangan penilaian 360° — Program “Kinerja Pengantar Kerja” 2025";
        String text = "Yth. Ibu Siti Nurhaliza,\n\nAnda diundang menilai rekan kerja. Batas waktu: 31 Desember 2025.\n"
                + "Terima kasih — Kementerian Ketenagakerjaan ✓";
        String html = "<p>Yth. Ibu <b>Siti Nurhaliza</b>,</p><p>Anda diundang menilai rekan kerja.</p>";
        long id = outbox.add("invite:cycle-1:participant-7", "siti.nurhaliza@example.go.id", subject, text, html);
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);

        delivery.runOnce();

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(Messages.messageId("invite:cycle-1:participant-7", "kemnaker.go.id"), m.getMessageID());
        assertEquals(new InternetAddress("evkin@kemnaker.go.id", "EvKin Kemnaker", "UTF-8"), m.getFrom()[0]);
        assertEquals("siti.nurhaliza@example.go.id", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals(subject, m.getSubject());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(text, ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        assertEquals(html, ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));

        OutboxMail stored = outbox.get(id);
        assertEquals("SENT", stored.status());
        assertEquals(1, stored.attempts());
        assertEquals(START, stored.sentAt());

        delivery.runOnce();
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length, "nothing is sent twice");
        MailReport report = delivery.report();
        assertEquals(SmtpState.UP, report.smtp());
        assertEquals(START, report.lastSentAt());
        assertEquals(Map.of("SENT", 1L), report.queue());
        assertNull(report.problem());
    }

    @Test
    void whileSmtpIsDownMailsWaitAndAreEachDeliveredOnceWhenItIsBack() throws Exception {
        int port = freePort();
        OutboxDelivery delivery = delivery(TestConfigs.settings(port), clock);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(outbox.add("reminder-" + i, "peserta" + i + "@example.go.id", "Pengingat " + i, "Isi formulir.", null));
        }
        GreenMail server = null;
        try (LogCapture log = new LogCapture()) {
            delivery.runOnce();
            for (long id : ids) {
                OutboxMail mail = outbox.get(id);
                assertEquals("PENDING", mail.status(), "nothing is lost");
                assertEquals(1, mail.attempts());
                assertEquals(START.plusMillis(200), mail.nextAttemptAt(), "first backoff");
                assertTrue(mail.lastError().startsWith("SMTP server 127.0.0.1:" + port + " unreachable: "), mail.lastError());
            }
            MailReport down = delivery.report();
            assertEquals(SmtpState.DOWN, down.smtp());
            assertEquals(3, down.waiting());
            assertTrue(down.problem().contains("unreachable"), down.problem());

            // Further polls while it is down only look at the server: no attempt is spent.
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                delivery.runOnce();
            }
            long late = outbox.add("reminder-4", "peserta4@example.go.id", "Pengingat 4", "Isi formulir.", null);
            ids.add(late);
            clock.advance(Duration.ofSeconds(1));
            delivery.runOnce();
            for (long id : ids) {
                assertEquals(id == late ? 0 : 1, outbox.get(id).attempts());
            }

            server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            server.start();
            clock.advance(Duration.ofSeconds(1));
            delivery.runOnce();
            delivery.runOnce();

            assertEquals(1, log.lines("unreachable").size(), log.text());
            assertTrue(log.lines("unreachable").get(0).contains("SMTP server 127.0.0.1:" + port
                    + " unreachable: Connection refused; 3 mails wait, retrying every 50 ms"), log.text());
            assertEquals(1, log.lines("usable again").size(), log.text());
            assertTrue(log.lines("usable again").get(0).contains("4 mails wait"), log.text());
            Map<String, Integer> received = byMessageId(server.getReceivedMessages());
            assertEquals(4, received.size());
            for (int i = 1; i <= 4; i++) {
                assertEquals(1, received.get(Messages.messageId("reminder-" + i, "kemnaker.go.id")), "reminder-" + i);
            }
            for (long id : ids) {
                assertEquals("SENT", outbox.get(id).status());
                assertEquals(1L, outbox.sentCounts().get(id));
            }
            assertEquals(SmtpState.UP, delivery.report().smtp());
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void theConfiguredLoginIsUsedAndARefusedOneKeepsMailsWaiting() throws Exception {
        GREEN_MAIL.setUser("evkin@kemnaker.go.id", "evkin", "rahasia");
        long id = outbox.add("k", "a@example.go.id", "s", "t", null);
        Settings settings = TestConfigs.settings(port());
        OutboxDelivery wrong = delivery(TestConfigs.withUser(settings, "evkin", "salah"), clock);
        wrong.runOnce();
        OutboxMail waiting = outbox.get(id);
        assertEquals("PENDING", waiting.status());
        assertTrue(waiting.lastError().contains("refused the login (settings 'smtp.user' and 'smtp.password'"),
                waiting.lastError());
        assertEquals(SmtpState.DOWN, wrong.report().smtp());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);

        clock.advance(Duration.ofMinutes(1));
        delivery(TestConfigs.withUser(settings, "evkin", "rahasia"), clock).runOnce();
        assertEquals("SENT", outbox.get(id).status());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerNeverMakesAMailGiveUp() throws Exception {
        Settings settings = TestConfigs.settings(freePort()); // max.attempts 4, retry 200 ms .. 2 s
        long id = outbox.add("k", "a@example.go.id", "s", "t", null);
        outbox.setAttempts(id, 9);
        delivery(settings, clock).runOnce();
        OutboxMail mail = outbox.get(id);
        assertEquals("PENDING", mail.status());
        assertEquals(10, mail.attempts());
        assertEquals(START.plusSeconds(2), mail.nextAttemptAt(), "backoff capped at retry.max");
    }

    @Test
    void anInvalidAddressFailsAtOnceAndIsNeverRetried() throws Exception {
        long bad = outbox.add("bad", "bukan alamat surel", "Undangan", "Isi.", null);
        long good = outbox.add("good", "budi@example.go.id", "Undangan", "Isi.", null);
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);
        delivery.runOnce();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            delivery.runOnce();
        }
        OutboxMail failed = outbox.get(bad);
        assertEquals("FAILED", failed.status());
        assertEquals(1, failed.attempts());
        assertTrue(failed.lastError().startsWith("invalid recipient address: "), failed.lastError());
        assertEquals(1, outbox.failures(bad).size());
        assertNull(outbox.failures(bad).get(0).nextAttemptAt());
        assertEquals("SENT", outbox.get(good).status());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        MailReport report = delivery.report();
        assertEquals(1, report.failed());
        assertEquals(failed.lastError(), report.lastError());
    }

    @Test
    void aMailSentWhileTheStoreWentAwayIsRecordedLaterNotSentAgain() throws Exception {
        long id = outbox.add("result-1", "a@example.go.id", "Hasil", "Hasil Anda.", null);
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);
        outbox.setMarkSentAvailable(false);
        try (LogCapture log = new LogCapture()) {
            delivery.runOnce();
            assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
            assertEquals("SENDING", outbox.get(id).status());
            assertTrue(delivery.report().problem().contains("mail outbox unavailable"), delivery.report().problem());

            clock.advance(Duration.ofSeconds(121)); // the lease ran out meanwhile
            delivery.runOnce();
            outbox.setMarkSentAvailable(true);
            clock.advance(Duration.ofSeconds(1));
            delivery.runOnce();
            assertEquals(1, log.lines("Mail outbox unavailable").size(), log.text());
            assertEquals(1, log.lines("Mail outbox available again").size(), log.text());
        }
        assertEquals("SENT", outbox.get(id).status());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length, "recorded, not sent again");
        assertNull(delivery.report().problem());
    }

    @Test
    void anUnavailableStoreIsLoggedOnceAndTheMailsGoOutWhenItIsBack() throws Exception {
        long id = outbox.add("k1", "a@example.go.id", "s", "t", null);
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);
        outbox.setAvailable(false);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                delivery.runOnce();
            }
            MailReport report = delivery.report();
            assertEquals(Map.of(), report.queue());
            assertTrue(report.problem().startsWith("mail outbox unavailable: "), report.problem());
            outbox.setAvailable(true);
            delivery.runOnce();
            assertEquals(1, log.lines("Mail outbox unavailable").size(), log.text());
            assertEquals(1, log.lines("available again").size(), log.text());
        }
        assertEquals("SENT", outbox.get(id).status());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void stoppingMidBatchGivesTheRestBackDueAtOnce() throws Exception {
        for (int i = 1; i <= 4; i++) {
            outbox.add("k" + i, "p" + i + "@example.go.id", "s", "t", null);
        }
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);
        outbox.afterMarkSent(id -> delivery.stop());
        delivery.runOnce();
        assertEquals("SENT", outbox.get(1).status());
        for (long id = 2; id <= 4; id++) {
            OutboxMail mail = outbox.get(id);
            assertEquals("PENDING", mail.status());
            assertEquals(START, mail.nextAttemptAt(), "due at once, for the next mailer");
            assertEquals("not sent yet: the mailer stopped", mail.lastError());
        }
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void mailsLeftWhenTheLeaseNearlyRanOutAreSentOnceAfterIt() throws Exception {
        for (int i = 1; i <= 3; i++) {
            outbox.add("k" + i, "p" + i + "@example.go.id", "s", "t", null);
        }
        // lease 120 s, timeout 2 s: no mail is started later than 114 s after the claim.
        outbox.afterMarkSent(id -> clock.advance(Duration.ofSeconds(id == 1 ? 115 : 0)));
        OutboxDelivery delivery = delivery(TestConfigs.settings(port()), clock);
        delivery.runOnce();
        assertEquals("SENT", outbox.get(1).status());
        assertEquals("SENDING", outbox.get(2).status(), "left alone, still leased");
        clock.advance(Duration.ofSeconds(1));
        delivery.runOnce();
        assertEquals("SENDING", outbox.get(3).status(), "not taken again before the lease ends");
        clock.advance(Duration.ofSeconds(5));
        delivery.runOnce();
        assertEquals(Map.of("SENT", 3L), outbox.countByStatus());
        byMessageId(GREEN_MAIL.getReceivedMessages()).forEach((id, times) -> assertEquals(1, times, id));
        assertEquals(3, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void twoMailersOnOneOutboxNeverSendTheSameMailTwice() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            outbox.add("bulk-" + i, "peserta" + i + "@example.go.id", "Undangan " + i, "Isi formulir " + i + ".", null);
        }
        Settings settings = TestConfigs.withBatch(TestConfigs.settings(port()), 5);
        List<OutboxDelivery> mailers = List.of(delivery(settings, Clock.systemUTC()), delivery(settings, Clock.systemUTC()));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (OutboxDelivery mailer : mailers) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (outbox.countByStatus().getOrDefault("SENT", 0L) < count && System.nanoTime() < until) {
                        mailer.runOnce();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(40_000);
        }
        assertEquals(Map.of("SENT", (long) count), outbox.countByStatus());
        Map<String, Integer> received = byMessageId(GREEN_MAIL.getReceivedMessages());
        assertEquals(count, received.size());
        received.forEach((messageId, times) -> assertEquals(1, times, messageId));
        outbox.sentCounts().forEach((id, times) -> assertEquals(1L, times, "mail " + id));
        assertNotNull(mailers.get(0).report().lastSentAt());
        assertNotNull(mailers.get(1).report().lastSentAt(), "both mailers took part");
    }
}
