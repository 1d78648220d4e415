package org.evkin.mail.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The mailer's settings, checked: a bad one fails with a one-line message naming the setting and its file.
 * Durations are not whole seconds only so that tests can run fast; the configuration gives seconds.
 */
record Settings(String host, int port, String user, String password, boolean starttls, boolean ssl,
        String fromAddress, String fromName, Duration poll, int batchSize, int leaseSeconds, Duration retryInitial,
        Duration retryMax, int maxAttempts, int timeoutMs) {

    static final String CONFIG_FILE = "config/org.evkin.mail.cfg";

    /** Reads and checks the configuration; raw holds the values as given, for the messages. */
    static Settings from(MailerConfig c, Map<String, ?> raw) {
        String host = text(c::smtp_host);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw bad("smtp.host", "must be a host name or IP address, not '" + host + "'");
        }
        int port = number("smtp.port", c::smtp_port, raw, 1, 65535);
        boolean starttls = flag("smtp.starttls", c::smtp_starttls, raw);
        boolean ssl = flag("smtp.ssl", c::smtp_ssl, raw);
        if (starttls && ssl) {
            throw bad("smtp.ssl", "and 'smtp.starttls' cannot both be true: use smtp.ssl for TLS from the start"
                    + " (port 465), smtp.starttls to upgrade a plain connection (port 25 or 587)");
        }
        String from = text(c::from_address);
        if (from.isEmpty()) {
            throw bad("from.address", "is required: the sender address of every mail, e.g. evkin@kemnaker.go.id");
        }
        checkAddress(from);
        int timeout = number("connect.timeout.ms", c::connect_timeout_ms, raw, 100, 300_000);
        int lease = number("lease.seconds", c::lease_seconds, raw, 10, 86_400);
        if (lease * 1000L < 4L * timeout) {
            throw bad("lease.seconds", "must be at least 4 times connect.timeout.ms (" + timeout + " ms), so that a"
                    + " mail is sent well within its lease, not " + lease);
        }
        int initial = number("retry.initial.seconds", c::retry_initial_seconds, raw, 1, 86_400);
        int max = number("retry.max.seconds", c::retry_max_seconds, raw, initial, 604_800);
        return new Settings(host, port, text(c::smtp_user), c.smtp_password(), starttls, ssl, from,
                text(c::from_name), Duration.ofSeconds(number("poll.seconds", c::poll_seconds, raw, 1, 3600)),
                number("batch.size", c::batch_size, raw, 1, 1000), lease, Duration.ofSeconds(initial),
                Duration.ofSeconds(max), number("max.attempts", c::max_attempts, raw, 1, 1000), timeout);
    }

    /** host:port, for messages. */
    String server() {
        return host + ":" + port;
    }

    /** The domain of the sender address: the right-hand side of the Message-IDs. */
    String fromDomain() {
        return fromAddress.substring(fromAddress.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The wait before the next try after the given attempt (1 = first): doubles each time, capped at retryMax. */
    Duration retryDelay(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        Duration delay = retryInitial;
        for (int i = 0; i < doublings && delay.compareTo(retryMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    private static void checkAddress(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            if (address.getPersonal() != null || !from.equals(address.getAddress())) {
                throw new AddressException("give the address alone; the name goes in from.name");
            }
        } catch (AddressException e) {
            throw bad("from.address", "is not a valid e-mail address (" + e.getMessage() + "): '" + from + "'");
        }
    }

    private static String text(java.util.function.Supplier<String> typed) {
        String value = typed.get();
        return value == null ? "" : value.strip();
    }

    private static int number(String key, IntSupplier typed, Map<String, ?> raw, int min, int max) {
        int value;
        try {
            value = typed.getAsInt();
        } catch (RuntimeException e) {
            throw bad(key, "must be a whole number between " + min + " and " + max + ", not '" + raw.get(key) + "'");
        }
        if (value < min || value > max) {
            throw bad(key, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static boolean flag(String key, BooleanSupplier typed, Map<String, ?> raw) {
        Object given = raw.get(key);
        if (given instanceof String s && !s.strip().equalsIgnoreCase("true") && !s.strip().equalsIgnoreCase("false")) {
            throw bad(key, "must be true or false, not '" + s + "'");
        }
        try {
            return typed.getAsBoolean();
        } catch (RuntimeException e) {
            throw bad(key, "must be true or false, not '" + given + "'");
        }
    }

    private static IllegalArgumentException bad(String key, String what) {
        return new IllegalArgumentException("setting '" + key + "' in " + CONFIG_FILE + " " + what);
    }

    @Override
    public String toString() {
        return "Settings[" + server() + (ssl ? " SSL" : starttls ? " STARTTLS" : "") + ", user '" + user + "', from "
                + fromAddress + "]";
    }
}
