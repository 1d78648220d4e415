package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void onTimeTheWorkerWaitsOneIntervalBetweenTwo() {
        Schedule s = new Schedule(20 * MS, 20 * MS);
        s.await(() -> false);
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            long late = s.await(() -> false);
            assertTrue(late >= 0 && late < 50 * MS, "late " + late / MS + " ms");
        }
        long took = System.nanoTime() - t0;
        // five more due at 20 ms apart: at least 100 ms after the first (parkNanos never wakes early for good)
        assertTrue(took >= 100 * MS - MS && took < 2_000 * MS, took / MS + " ms");
    }

    @Test
    void behindItSendsAtOnceAndCountsHowLate() {
        Schedule s = new Schedule(100 * MS, 1);
        s.await(() -> false);
        // the answer took 550 ms: the next two were due 100 and 200 ms after the first, and are sent at once
        LockSupport.parkNanos(550 * MS);
        long t0 = System.nanoTime();
        long late1 = s.await(() -> false);
        long late2 = s.await(() -> false);
        assertTrue(System.nanoTime() - t0 < 90 * MS, "did not wait");
        assertTrue(late1 >= 350 * MS, "late " + late1 / MS + " ms");
        // nothing skipped: each one after is due an interval after the one before
        assertTrue(late2 >= late1 - 100 * MS && late2 < late1, late1 / MS + " then " + late2 / MS + " ms");
    }

    @Test
    void theFirstIsSpreadOverTheRampAndNoLaterThanIt() {
        for (int i = 0; i < 20; i++) {
            Schedule s = new Schedule(MS, 30 * MS);
            long t0 = System.nanoTime();
            assertEquals(0, s.await(() -> false), 0.0 + 50 * MS);
            assertTrue(System.nanoTime() - t0 < 30 * MS + 50 * MS);
        }
    }

    @Test
    void stoppingEndsTheWaitWhenTheWorkerIsUnparked() throws Exception {
        // the first one due at once, the next a minute later
        Schedule s = new Schedule(60_000 * MS, 1);
        assertEquals(0, s.await(() -> false), 0.0 + 50 * MS);
        AtomicBoolean stop = new AtomicBoolean();
        long[] got = {0};
        Thread w = new Thread(() -> got[0] = s.await(stop::get));
        w.start();
        Thread.sleep(100);
        assertTrue(w.isAlive(), "waits for its next due time");
        stop.set(true);
        LockSupport.unpark(w);
        w.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(w.isAlive(), "stopped");
        assertEquals(-1, got[0]);
    }

    @Test
    void anIntervalAndASpreadAreNeeded() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(10, 0));
    }
}
