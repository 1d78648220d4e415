package org.evkin.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How late a thread of this generator wakes from a short sleep, per second of the run (as jHiccup measures a JVM's
 * "hiccups"). A stall of the whole machine (the host not running this guest, say) or of this JVM delays it as much as
 * the raters' answers; a slow server does not delay it at all. So a second whose answers are slow while this thread
 * woke on time points at the server or MariaDB; a second where this thread woke late as well points at the machine (or
 * at the generator itself).
 * <p>
 * It wakes every {@link #PERIOD_MILLIS} ms: about 100 wake-ups a second, a few milliseconds of CPU a second on the
 * machines measured here (a timed park cost about 27 µs on the PVM guest), counted in the generator's CPU.
 */
final class Hiccups implements AutoCloseable {

    static final long PERIOD_MILLIS = 10;
    /** Wake-ups later than this count a second as stalled. */
    static final long STALL_MILLIS = 50;
    private static final int SECONDS = 3600;

    private final long origin;
    /** The latest wake-up per second since origin, in ns beyond the sleep asked for. */
    private final long[] worst = new long[SECONDS];
    private final Thread thread;
    private volatile boolean running;
    private long wakeUps;

    /** Seconds counted from {@code origin} (a System.nanoTime value), as {@link Stats} counts them. */
    Hiccups(long origin) {
        this.origin = origin;
        this.thread = new Thread(this::run, "hiccups");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** A running one: wakes until {@link #close()}. */
    static Hiccups start(long origin) {
        Hiccups h = new Hiccups(origin);
        h.running = true;
        h.thread.start();
        return h;
    }

    private void run() {
        long period = PERIOD_MILLIS * 1_000_000L;
        while (running) {
            long asleep = System.nanoTime();
            LockSupport.parkNanos(period);
            long awake = System.nanoTime();
            record(awake, awake - asleep - period);
        }
    }

    /** A wake-up at {@code at} (System.nanoTime) that came {@code lateNanos} after it was due. */
    void record(long at, long lateNanos) {
        int s = second(at);
        synchronized (worst) {
            worst[s] = Math.max(worst[s], lateNanos);
            wakeUps++;
        }
    }

    long wakeUps() {
        synchronized (worst) {
            return wakeUps;
        }
    }

    /** Stops the thread and waits for it (at most a second). */
    void join() throws InterruptedException {
        close();
        thread.join(1000);
    }

    boolean alive() {
        return thread.isAlive();
    }

    private int second(long nanoTime) {
        return (int) Math.max(0, Math.min(SECONDS - 1, (nanoTime - origin) / 1_000_000_000L));
    }

    /** The latest wake-up between {@code from} and {@code to} (System.nanoTime values), in ms. */
    long maxMillis(long from, long to) {
        long max = 0;
        synchronized (worst) {
            for (int s = second(from); s <= second(to); s++) {
                max = Math.max(max, worst[s]);
            }
        }
        return max / 1_000_000;
    }

    /**
     * The seconds between {@code from} and {@code to} with a wake-up more than {@link #STALL_MILLIS} late, as
     * "second:late ms", the second counted from {@code from} as {@link Stats#slowSeconds} counts it.
     */
    List<String> stalledSeconds(long from, long to) {
        List<String> out = new ArrayList<>();
        int first = second(from);
        synchronized (worst) {
            for (int s = first; s <= second(to); s++) {
                if (worst[s] > STALL_MILLIS * 1_000_000L) {
                    out.add((s - first) + ":" + worst[s] / 1_000_000 + "ms");
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
