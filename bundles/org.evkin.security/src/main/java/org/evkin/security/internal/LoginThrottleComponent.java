package org.evkin.security.internal;

import java.time.Clock;
import org.evkin.security.LoginThrottle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The login throttle with the configured limits, kept in memory. */
@Component(name = "org.evkin.security.throttle", configurationPid = "org.evkin.security", service = LoginThrottle.class)
public class LoginThrottleComponent implements LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleComponent.class);

    private final SlidingWindowThrottle throttle;

    @Activate
    public LoginThrottleComponent(SecurityConfig config) {
        this(config, Clock.systemUTC());
    }

    LoginThrottleComponent(SecurityConfig config, Clock clock) {
        int failures = Settings.inRange("login.max.failures", config.login_max_failures(), 1, 100);
        int windowMinutes = Settings.inRange("login.window.minutes", config.login_window_minutes(), 1, 1440);
        int lockSeconds = Settings.inRange("login.lock.seconds", config.login_lock_seconds(), 1, 86400);
        int maxKeys = Settings.inRange("login.max.keys", config.login_max_keys(), 100, 1_000_000);
        this.throttle = new SlidingWindowThrottle(failures, windowMinutes * 60_000L, lockSeconds * 1000L, maxKeys, clock);
        LOG.info("Login throttle: {} failures within {} min lock for {} s; at most {} keys remembered",
                failures, windowMinutes, lockSeconds, maxKeys);
    }

    @Override
    public long lockedForSeconds(String key) {
        return throttle.lockedForSeconds(key);
    }

    @Override
    public long recordFailure(String key) {
        long before = throttle.lockedForSeconds(key);
        long locked = throttle.recordFailure(key);
        if (before == 0 && locked > 0) {
            LOG.warn("Login locked for {} s after repeated failures: {}", locked, masked(key));
        }
        return locked;
    }

    @Override
    public void recordSuccess(String key) {
        throttle.recordSuccess(key);
    }

    /** Number of keys remembered (for tests). */
    int size() {
        return throttle.size();
    }

    /** The key for a log line: the e-mail's local part shortened, e.g. {@code bu***@kemnaker.go.id|10.0.0.7}. */
    static String masked(String key) {
        if (key == null) {
            return "";
        }
        String k = key.length() > 120 ? key.substring(0, 120) + "…" : key;
        int at = k.indexOf('@');
        if (at < 0) {
            return k;
        }
        return k.substring(0, Math.min(2, at)) + "***" + k.substring(at);
    }
}

