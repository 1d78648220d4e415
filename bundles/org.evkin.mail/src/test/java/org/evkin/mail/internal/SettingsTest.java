package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of config/org.evkin.mail.cfg: defaults, and a one-line message naming each bad setting. */
class SettingsTest {

    private static Settings read(String... keyValues) {
        Map<String, Object> p = TestConfigs.properties(keyValues);
        return Settings.from(TestConfigs.config(p), p);
    }

    private static String problem(String... keyValues) {
        String message = assertThrows(IllegalArgumentException.class, () -> read(keyValues)).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void defaultsNeedOnlyTheSender() {
        Settings s = read("from.address", "evkin@kemnaker.go.id");
        assertEquals("127.0.0.1:25", s.server());
        assertEquals("EvKin Kemnaker", s.fromName());
        assertEquals("kemnaker.go.id", s.fromDomain());
        assertEquals(Duration.ofSeconds(5), s.poll());
        assertEquals(20, s.batchSize());
        assertEquals(120, s.leaseSeconds());
        assertEquals(Duration.ofSeconds(30), s.retryInitial());
        assertEquals(Duration.ofSeconds(3600), s.retryMax());
        assertEquals(12, s.maxAttempts());
        assertEquals(10000, s.timeoutMs());
        assertFalse(s.starttls() || s.ssl());
    }

    @Test
    void readsEverySettingAsAFileGivesIt() {
        Settings s = read("smtp.host", "smtp.kemnaker.go.id", "smtp.port", "587", "smtp.user", "evkin",
                "smtp.password", "rahasia", "smtp.starttls", "true", "from.address", "evkin@kemnaker.go.id",
                "from.name", "EvKin — Kementerian Ketenagakerjaan", "poll.seconds", "2", "batch.size", "50",
                "lease.seconds", "300", "retry.initial.seconds", "10", "retry.max.seconds", "600", "max.attempts", "5",
                "connect.timeout.ms", "5000");
        assertEquals("smtp.kemnaker.go.id:587", s.server());
        assertEquals("evkin", s.user());
        assertEquals("rahasia", s.password());
        assertTrue(s.starttls());
        assertEquals("EvKin — Kementerian Ketenagakerjaan", s.fromName());
        assertEquals(Duration.ofSeconds(2), s.poll());
        assertEquals(50, s.batchSize());
        assertEquals(300, s.leaseSeconds());
        assertEquals(5, s.maxAttempts());
        assertEquals(5000, s.timeoutMs());
        assertFalse(s.toString().contains("rahasia"));
    }

    @Test
    void portZeroIsNamedWithItsFile() {
        assertEquals("setting 'smtp.port' in config/org.evkin.mail.cfg must be between 1 and 65535, not 0",
                problem("from.address", "evkin@kemnaker.go.id", "smtp.port", "0"));
    }

    @Test
    void aPortThatIsNoNumberIsNamed() {
        assertEquals("setting 'smtp.port' in config/org.evkin.mail.cfg must be a whole number between 1 and 65535,"
                + " not '25a'", problem("from.address", "evkin@kemnaker.go.id", "smtp.port", "25a"));
    }

    @Test
    void anEmptySenderIsNamed() {
        assertEquals("setting 'from.address' in config/org.evkin.mail.cfg is required: the sender address of every"
                + " mail, e.g. evkin@kemnaker.go.id", problem("from.address", "  "));
        assertEquals(problem("from.address", "  "), problem());
    }

    @Test
    void anInvalidSenderIsNamed() {
        assertTrue(problem("from.address", "evkin at kemnaker").startsWith(
                "setting 'from.address' in config/org.evkin.mail.cfg is not a valid e-mail address"));
        assertTrue(problem("from.address", "EvKin <evkin@kemnaker.go.id>").contains("the name goes in from.name"));
    }

    @Test
    void tlsSettingsMustNotContradict() {
        assertTrue(problem("from.address", "evkin@kemnaker.go.id", "smtp.ssl", "true", "smtp.starttls", "true")
                .startsWith("setting 'smtp.ssl' in config/org.evkin.mail.cfg and 'smtp.starttls' cannot both be true"));
        assertEquals("setting 'smtp.starttls' in config/org.evkin.mail.cfg must be true or false, not 'yes'",
                problem("from.address", "evkin@kemnaker.go.id", "smtp.starttls", "yes"));
    }

    @Test
    void hostMustBeOneName() {
        assertEquals("setting 'smtp.host' in config/org.evkin.mail.cfg must be a host name or IP address, not ''",
                problem("from.address", "evkin@kemnaker.go.id", "smtp.host", " "));
    }

    @Test
    void rangesOfTheOtherNumbers() {
        String from = "evkin@kemnaker.go.id";
        assertTrue(problem("from.address", from, "poll.seconds", "0").startsWith("setting 'poll.seconds'"));
        assertTrue(problem("from.address", from, "batch.size", "0").startsWith("setting 'batch.size'"));
        assertTrue(problem("from.address", from, "max.attempts", "0").startsWith("setting 'max.attempts'"));
        assertTrue(problem("from.address", from, "connect.timeout.ms", "10").startsWith("setting 'connect.timeout.ms'"));
        assertEquals("setting 'retry.max.seconds' in config/org.evkin.mail.cfg must be between 30 and 604800, not 10",
                problem("from.address", from, "retry.max.seconds", "10"));
        assertEquals("setting 'lease.seconds' in config/org.evkin.mail.cfg must be at least 4 times connect.timeout.ms"
                + " (10000 ms), so that a mail is sent well within its lease, not 30",
                problem("from.address", from, "lease.seconds", "30"));
    }

    @Test
    void backoffDoublesAndIsCapped() {
        Settings s = read("from.address", "evkin@kemnaker.go.id", "retry.initial.seconds", "30",
                "retry.max.seconds", "3600");
        long[] expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(Duration.ofSeconds(expected[attempt - 1]), s.retryDelay(attempt), "attempt " + attempt);
        }
        assertEquals(Duration.ofSeconds(3600), s.retryDelay(1000));
        assertEquals(Duration.ofSeconds(30), s.retryDelay(0));
    }
}
