package org.evkin.mail.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Configurations and settings for the tests: a MailerConfig over a map, as SCR makes one, and fast settings. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** The component properties: the given values (as a .cfg file gives them, strings) over no defaults. */
    static Map<String, Object> properties(String... keyValues) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /**
     * A MailerConfig as SCR builds it: each method reads its property (smtp_host → smtp.host), converts a string like
     * SCR does (throwing when it cannot), and falls back to the annotation's default.
     */
    static MailerConfig config(Map<String, Object> properties) {
        return (MailerConfig) Proxy.newProxyInstance(MailerConfig.class.getClassLoader(), new Class<?>[] {MailerConfig.class},
                (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    Object value = properties.get(key);
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    Class<?> type = method.getReturnType();
                    String s = value.toString().strip();
                    if (type == int.class) {
                        return Integer.valueOf(s);
                    }
                    if (type == boolean.class) {
                        return Boolean.valueOf(s);
                    }
                    return s;
                });
    }

    static Settings settings(int port) {
        return new Settings("127.0.0.1", port, "", "", false, false, "evkin@kemnaker.go.id", "EvKin Kemnaker",
                Duration.ofMillis(50), 20, 120, Duration.ofMillis(200), Duration.ofSeconds(2), 4, 2000);
    }

    static Settings withBatch(Settings s, int batchSize) {
        return new Settings(s.host(), s.port(), s.user(), s.password(), s.starttls(), s.ssl(), s.fromAddress(),
                s.fromName(), s.poll(), batchSize, s.leaseSeconds(), s.retryInitial(), s.retryMax(), s.maxAttempts(),
                s.timeoutMs());
    }

    static Settings withRetry(Settings s, Duration initial, Duration max, int maxAttempts) {
        return new Settings(s.host(), s.port(), s.user(), s.password(), s.starttls(), s.ssl(), s.fromAddress(),
                s.fromName(), s.poll(), s.batchSize(), s.leaseSeconds(), initial, max, maxAttempts, s.timeoutMs());
    }

    static Settings withUser(Settings s, String user, String password) {
        return new Settings(s.host(), s.port(), user, password, s.starttls(), s.ssl(), s.fromAddress(), s.fromName(),
                s.poll(), s.batchSize(), s.leaseSeconds(), s.retryInitial(), s.retryMax(), s.maxAttempts(), s.timeoutMs());
    }
}
