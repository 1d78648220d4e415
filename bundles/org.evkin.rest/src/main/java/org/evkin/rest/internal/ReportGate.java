package org.evkin.rest.internal;

import java.io.Closeable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many whole-cycle reports (the national report in any format, the ZIP of individual reports) are built at once.
 * One such report of a large cycle takes about a second of CPU and a hundred MB of heap: on a two-core server each one
 * more at the same time takes a core from the raters, and a few together can exhaust the heap. A request beyond the
 * running ones waits its turn (first come, first served) while fewer than {@code queue} others wait, at most
 * {@code waitMillis}; otherwise it is answered 503 with Retry-After at once, so waiting admins never hold more than
 * {@code queue} of the web server's threads.
 */
final class ReportGate {

    /** Too many whole-cycle reports at once: answered 503 with Retry-After. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int retryAfterSeconds;

        Busy(int retryAfterSeconds) {
            super("whole-cycle reports: all running slots and queue places taken");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private final Semaphore running;
    private final int concurrent;
    private final int queue;
    private final long waitMillis;
    private final int retryAfterSeconds;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param concurrent reports built at the same time (at least 1)
     * @param queue requests that may wait for a slot (0: none wait)
     * @param waitMillis how long one waits at most
     */
    ReportGate(int concurrent, int queue, long waitMillis) {
        this.concurrent = Math.max(1, concurrent);
        this.running = new Semaphore(this.concurrent, true);
        this.queue = Math.max(0, queue);
        this.waitMillis = Math.max(0, waitMillis);
        this.retryAfterSeconds = (int) Math.max(5, Math.min(60, TimeUnit.MILLISECONDS.toSeconds(this.waitMillis)));
    }

    /** Whether the other gate has the same limits, as normalised by the constructor (then the running one is kept). */
    boolean sameLimits(ReportGate other) {
        return concurrent == other.concurrent && queue == other.queue && waitMillis == other.waitMillis;
    }

    /**
     * A slot for one report, held until the returned lease is closed (closing twice releases once).
     *
     * @throws Busy when every slot is taken and the queue is full, or the wait ran out
     */
    Closeable enter() {
        try {
            // tryAcquire with a timeout keeps the semaphore fair: a newcomer does not overtake those already waiting
            if (running.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return lease();
            }
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw new Busy(retryAfterSeconds);
            }
            try {
                if (!running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new Busy(retryAfterSeconds);
                }
            } finally {
                waiting.decrementAndGet();
            }
            return lease();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(retryAfterSeconds);
        }
    }

    /** Reports being built now. */
    int running() {
        return concurrent - running.availablePermits();
    }

    /** Requests waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    private Closeable lease() {
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                running.release();
            }
        };
    }
}
