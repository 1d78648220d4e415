package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.evkin.mail.MailReport;
import org.evkin.mail.MailReport.SmtpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DS component as SCR runs it: its configuration, its thread, its nudge, its status and its stop. */
class MailerTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private final InMemoryOutbox outbox = new InMemoryOutbox();

    private Mailer mailer(String... keyValues) {
        Map<String, Object> p = TestConfigs.properties(keyValues);
        return new Mailer(outbox, TestConfigs.config(p), p);
    }

    private static boolean mailerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("evkin-mail") && t.isAlive());
    }

    /**
     * The mailer's thread is gone within 2 s. deactivate() returns once the executor has terminated, and a worker thread
     * counts as ended there a moment before it has returned (CI saw it still alive once).
     */
    private static boolean mailerThreadEnds() throws InterruptedException {
        long until = System.nanoTime() + 2_000_000_000L;
        while (mailerThreadAlive()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void badSettingsGiveOneLineAndAnIdleMailer() throws InterruptedException {
        outbox.add("k", "a@example.go.id", "s", "t", null);
        Mailer mailer;
        try (LogCapture log = new LogCapture()) {
            mailer = mailer("from.address", "evkin@kemnaker.go.id", "smtp.port", "0");
            assertEquals(1, log.lines("Mailer").size(), log.text());
            assertTrue(log.text().contains("Mailer not started: setting 'smtp.port' in config/org.evkin.mail.cfg must be"
                    + " between 1 and 65535, not 0"), log.text());
            assertFalse(log.text().contains("\tat "), "no stack trace");
        }
        MailReport report = mailer.current();
        assertEquals(SmtpState.MISCONFIGURED, report.smtp());
        assertEquals("setting 'smtp.port' in config/org.evkin.mail.cfg must be between 1 and 65535, not 0", report.problem());
        assertEquals(1, report.waiting());
        mailer.wakeUp();
        mailer.deactivate();
        assertTrue(mailerThreadEnds(), "a mailer with bad settings runs no thread (one of an earlier test may still be ending)");

        try (LogCapture log = new LogCapture()) {
            Mailer noSender = mailer("smtp.port", "2525");
            assertEquals(1, log.lines("Mailer not started").size());
            assertTrue(noSender.current().problem().startsWith("setting 'from.address' in config/org.evkin.mail.cfg is required"));
            assertFalse(log.text().contains("\tat "), "no stack trace");
        }
    }

    @Test
    void aNudgeDeliversAtOnceAndDeactivationStopsTheThread() throws Exception {
        Mailer mailer = mailer("smtp.port", Integer.toString(GREEN_MAIL.getSmtp().getPort()), "from.address",
                "evkin@kemnaker.go.id", "poll.seconds", "60", "connect.timeout.ms", "2000");
        try {
            assertTrue(mailerThreadAlive());
            assertEquals(SmtpState.UNKNOWN, mailer.current().smtp());
            long id = outbox.add("welcome-1", "rina@example.go.id", "Selamat datang di EvKin", "Akun Anda sudah aktif.", null);
            mailer.wakeUp();
            assertTrue(GREEN_MAIL.waitForIncomingEmail(5000, 1), "sent long before the 60 s poll");
            long until = System.currentTimeMillis() + 5000;
            while (!"SENT".equals(outbox.get(id).status()) && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertEquals("SENT", outbox.get(id).status());
            MailReport report = mailer.current();
            assertEquals(SmtpState.UP, report.smtp());
            assertEquals("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort(), report.server());
            assertNull(report.problem());
        } finally {
            mailer.deactivate();
        }
        assertTrue(mailerThreadEnds(), "deactivation stops the mailer's thread");
        mailer.wakeUp(); // after deactivation: ignored, no exception
    }

    @Test
    void thePollFindsMailWithoutANudge() throws Exception {
        Mailer mailer = mailer("smtp.port", Integer.toString(GREEN_MAIL.getSmtp().getPort()), "from.address",
                "evkin@kemnaker.go.id", "poll.seconds", "1", "connect.timeout.ms", "2000");
        try {
            outbox.add("reminder-1", "rina@example.go.id", "Pengingat", "Formulir belum diisi.", null);
            assertTrue(GREEN_MAIL.waitForIncomingEmail(5000, 1));
        } finally {
            mailer.deactivate();
        }
    }
}
