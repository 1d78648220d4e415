package org.evkin.security.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;

/** Stand-ins for what DS hands the components: a configuration, a bundle context, and a clock the test moves. */
final class Fakes {

    private Fakes() {
    }

    /** The configuration with these values (keys as in the .cfg file, e.g. "argon2.memory.kib"), defaults elsewhere. */
    static SecurityConfig config(Map<String, Object> values) {
        return (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(), new Class<?>[] {SecurityConfig.class},
                (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                });
    }

    /** A BundleContext that knows framework properties, nothing more. */
    static BundleContext context(Map<String, String> properties) {
        Map<String, String> props = new HashMap<>(properties);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> "getProperty".equals(method.getName()) ? props.get((String) args[0]) : null);
    }

    /** A clock that stands still until the test advances it. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
