package org.evkin.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.evkin.security.LoginThrottle;
import org.junit.jupiter.api.Test;

/** The login throttle: locks after N failures within the window, unlocks after the lock time, stays bounded and thread-safe. */
class LoginThrottleComponentTest {

    private static final String KEY = LoginThrottle.key(" Budi@Kemnaker.go.id ", "10.0.0.7");

    private final Fakes.ManualClock clock = new Fakes.ManualClock();

    /** 3 failures within 10 minutes lock for 60 seconds. */
    private LoginThrottleComponent throttle() {
        return new LoginThrottleComponent(Fakes.config(Map.of(
                "login.max.failures", 3, "login.window.minutes", 10, "login.lock.seconds", 60)), clock);
    }

    @Test
    void keyIsNormalised() {
        assertEquals("budi@kemnaker.go.id|10.0.0.7", KEY);
        assertEquals("|", LoginThrottle.key(null, null));
        assertEquals("bu***@kemnaker.go.id|10.0.0.7", LoginThrottleComponent.masked(KEY));
    }

    @Test
    void locksAfterTheLimitAndUnlocksAfterTheLockTime() {
        LoginThrottleComponent t = throttle();
        assertEquals(0, t.lockedForSeconds(KEY));
        assertEquals(0, t.recordFailure(KEY));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, t.recordFailure(KEY));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(60, t.recordFailure(KEY), "the third failure locks");
        assertEquals(60, t.lockedForSeconds(KEY));
        clock.advance(Duration.ofMillis(20_500));
        assertEquals(40, t.lockedForSeconds(KEY), "39.5 s left, rounded up");
        assertEquals(40, t.recordFailure(KEY), "failures while locked neither count nor extend the lock");
        assertEquals(0, t.lockedForSeconds(LoginThrottle.key("budi@kemnaker.go.id", "10.0.0.8")), "other keys are free");
        clock.advance(Duration.ofMillis(39_500));
        assertEquals(0, t.lockedForSeconds(KEY), "unlocked after 60 s");
    }

    @Test
    void theWindowSlides() {
        LoginThrottleComponent t = throttle();
        t.recordFailure(KEY);
        clock.advance(Duration.ofMinutes(6));
        t.recordFailure(KEY);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, t.recordFailure(KEY), "the first failure is 11 minutes old: only 2 within 10 minutes");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(60, t.recordFailure(KEY), "3 within the last 10 minutes");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, t.lockedForSeconds(KEY));
        assertEquals(60, t.recordFailure(KEY), "after the lock, recent failures still count: the next failure locks again");
    }

    @Test
    void successForgetsTheFailures() {
        LoginThrottleComponent t = throttle();
        t.recordFailure(KEY);
        t.recordFailure(KEY);
        t.recordSuccess(KEY);
        assertEquals(0, t.recordFailure(KEY));
        assertEquals(0, t.recordFailure(KEY));
        assertEquals(60, t.recordFailure(KEY));
    }

    @Test
    void memoryIsBounded() {
        LoginThrottleComponent t = new LoginThrottleComponent(Fakes.config(Map.of("login.max.keys", 100)), clock);
        for (int i = 0; i < 10_000; i++) {
            t.recordFailure(LoginThrottle.key("user" + i + "@example.id", "10.0.0.1"));
            assertTrue(t.size() <= 100, "size " + t.size());
        }
        String hugeKey = "x".repeat(1_000_000);
        t.recordFailure(hugeKey);
        assertEquals(0, t.lockedForSeconds("y".repeat(1_000_000)), "long keys are hashed, not confused");
    }

    @Test
    void staleKeysGoBeforeLockedOnes() {
        SlidingWindowThrottle t = new SlidingWindowThrottle(2, 60_000, 600_000, 3, clock);
        t.recordFailure("locked");
        t.recordFailure("locked");
        t.recordFailure("old-1");
        t.recordFailure("old-2");
        clock.advance(Duration.ofMinutes(2));
        t.recordFailure("new-1");
        t.recordFailure("new-2");
        assertEquals(3, t.size());
        assertTrue(t.lockedForSeconds("locked") > 0, "the lock survives while the old failures of others are dropped");
    }

    @Test
    void invalidSettingsFailWithTheSettingsName() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("login.max.failures", 0, "login.window.minutes", 0,
                "login.lock.seconds", 100_000, "login.max.keys", 10).entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LoginThrottleComponent(Fakes.config(Map.of(bad.getKey(), bad.getValue())), clock));
            assertTrue(e.getMessage().contains("'" + bad.getKey() + "'"), e.getMessage());
        }
    }

    @Test
    void concurrentFailuresLockExactlyOnceAndCountCorrectly() throws Exception {
        LoginThrottleComponent t = new LoginThrottleComponent(Fakes.config(Map.of(
                "login.max.failures", 50, "login.window.minutes", 10, "login.lock.seconds", 60, "login.max.keys", 1000)), clock);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger firstLocks = new AtomicInteger();
        AtomicInteger allowed = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < 200; j++) {
                        if (t.lockedForSeconds(KEY) == 0) {
                            allowed.incrementAndGet();
                        }
                        long before = t.lockedForSeconds(KEY);
                        if (before == 0 && t.recordFailure(KEY) > 0) {
                            firstLocks.incrementAndGet();
                        }
                        String own = "thread" + n + "-" + (j % 20);
                        t.recordFailure(own);
                        if (j % 7 == 0) {
                            t.recordSuccess(own);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60, t.lockedForSeconds(KEY));
        assertTrue(firstLocks.get() >= 1, "the shared key got locked");
        assertTrue(allowed.get() >= 50 && allowed.get() < 50 + 2 * threads, "about 50 attempts passed, not " + allowed.get());
        assertTrue(t.size() <= 1 + threads * 20);
    }
}
