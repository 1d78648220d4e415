package org.evkin.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One paced worker's schedule: a request (or a transaction) due every interval, the first at a random point of the
 * first spread nanoseconds. The paced raters ({@link LoadRun}) and the JDBC limit paced at their rate ({@link JdbcLimit})
 * keep the same schedule, so what each costs per form is compared at the same rhythm. Not thread-safe: one per worker.
 */
final class Schedule {

    private final long interval;
    private final long spread;
    /** When the next one is due (nanoTime); 0 until the first {@link #await}. */
    private long next;

    /** interval: nanoseconds between two; spread: the first one is due within this many nanoseconds of the first wait. */
    Schedule(long interval, long spread) {
        if (interval <= 0 || spread <= 0) {
            throw new IllegalArgumentException("a schedule needs an interval and a spread > 0, not " + interval + " and " + spread);
        }
        this.interval = interval;
        this.spread = spread;
    }

    /**
     * Waits until the next one is due, in one park (256 workers waking every 50 ms to look cost more CPU than their
     * requests); returns how late that is (0 when on time), which a rater counts in its latency. A worker that has
     * fallen behind does not wait and does not skip: it sends at once, and the one after is due an interval after this
     * one was. stop: asked after each wake-up (whoever stops the run unparks the workers); true ends the wait early,
     * and -1 is returned.
     */
    long await(BooleanSupplier stop) {
        long now = System.nanoTime();
        if (next == 0) {
            next = now + ThreadLocalRandom.current().nextLong(spread);
        }
        long at = next;
        next = at + interval;
        while ((now = System.nanoTime()) - at < 0) {
            if (stop.getAsBoolean()) {
                return -1;
            }
            LockSupport.parkNanos(at - now);
        }
        return stop.getAsBoolean() ? -1 : now - at;
    }
}
