package org.evkin.security.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evkin.security.Tokens;

/**
 * Failed attempts per key in a sliding window: a key with {@code maxFailures} failures within {@code windowMillis}
 * is locked for {@code lockMillis} from the failure that reached the limit. All methods hold the instance's lock.
 *
 * <p>Memory is bounded: at most {@code maxKeys} keys, each with at most {@code maxFailures} times; keys longer than
 * {@link #MAX_KEY_LENGTH} are kept as their hash. When the bound is reached, keys with neither recent failures nor a
 * lock are dropped first, then the least recently used. Flooding the throttle with new keys can thus make it forget
 * an old lock; keep {@code maxKeys} well above the number of logins in one window.
 */
final class SlidingWindowThrottle {

    static final int MAX_KEY_LENGTH = 200;
    private static final long PURGE_INTERVAL_MILLIS = 1000;

    private final int maxFailures;
    private final long windowMillis;
    private final long lockMillis;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long lastPurge;

    /** The failures of one key, oldest first, and until when it is locked. */
    private static final class Entry {
        final ArrayDeque<Long> failures = new ArrayDeque<>();
        long lockedUntil;
    }

    SlidingWindowThrottle(int maxFailures, long windowMillis, long lockMillis, int maxKeys, Clock clock) {
        if (maxFailures < 1 || windowMillis < 1 || lockMillis < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.lockMillis = lockMillis;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    synchronized long lockedForSeconds(String key) {
        Entry e = entries.get(canonical(key));
        return e == null ? 0 : remainingSeconds(e, clock.millis());
    }

    synchronized long recordFailure(String key) {
        long now = clock.millis();
        String k = canonical(key);
        Entry e = entries.get(k);
        if (e == null) {
            makeRoom(now);
            e = new Entry();
            entries.put(k, e);
        }
        long remaining = remainingSeconds(e, now);
        if (remaining > 0) {
            return remaining;
        }
        dropExpired(e, now);
        e.failures.addLast(now);
        if (e.failures.size() > maxFailures) {
            e.failures.removeFirst();
        }
        if (e.failures.size() >= maxFailures) {
            e.lockedUntil = now + lockMillis;
        }
        return remainingSeconds(e, now);
    }

    synchronized void recordSuccess(String key) {
        entries.remove(canonical(key));
    }

    /** Number of keys remembered. */
    synchronized int size() {
        return entries.size();
    }

    private static long remainingSeconds(Entry e, long now) {
        long millis = e.lockedUntil - now;
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private void dropExpired(Entry e, long now) {
        while (!e.failures.isEmpty() && e.failures.peekFirst() <= now - windowMillis) {
            e.failures.removeFirst();
        }
    }

    private boolean isStale(Entry e, long now) {
        dropExpired(e, now);
        return e.failures.isEmpty() && e.lockedUntil <= now;
    }

    /** Makes room for one more key: drops stale keys (at most once a second), then the least recently used. */
    private void makeRoom(long now) {
        if (entries.size() < maxKeys) {
            return;
        }
        if (now - lastPurge >= PURGE_INTERVAL_MILLIS || now < lastPurge) {
            lastPurge = now;
            entries.values().removeIf(e -> isStale(e, now));
        }
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() >= maxKeys && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private static String canonical(String key) {
        String k = key == null ? "" : key;
        return k.length() > MAX_KEY_LENGTH ? "#" + Tokens.hash(k) : k;
    }
}
