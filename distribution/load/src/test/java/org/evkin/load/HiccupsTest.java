package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HiccupsTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aLateWakeUpMarksItsSecondOfTheWindow() {
        long origin = 1_000 * S;
        Hiccups h = new Hiccups(origin);
        h.record(origin + 3 * S + 1, 2 * MS); // before the window
        h.record(origin + 12 * S + 5, 10_023 * MS); // a ten-second stall that ended in second 12
        h.record(origin + 14 * S, 40 * MS); // late, but below the bar
        h.record(origin + 15 * S + 7, 51 * MS);
        long from = origin + 10 * S;
        long to = origin + 20 * S;
        assertEquals(List.of("2:10023ms", "5:51ms"), h.stalledSeconds(from, to));
        assertEquals(10_023, h.maxMillis(from, to));
        assertEquals(2, h.maxMillis(origin, origin + 5 * S));
        assertEquals(List.of(), h.stalledSeconds(origin, origin + 5 * S));
    }

    @Test
    void aRunningOneWakesAboutEveryTenMillisecondsUntilClosed() throws Exception {
        long origin = System.nanoTime();
        Hiccups h = Hiccups.start(origin);
        Thread.sleep(400);
        h.join();
        assertFalse(h.alive(), "the thread ends when closed");
        long n = h.wakeUps();
        // 40 periods in 400 ms; a busy machine wakes it less often, never much more often
        assertTrue(n >= 5 && n <= 60, n + " wake-ups in 400 ms");
        Thread.sleep(50);
        assertEquals(n, h.wakeUps(), "no wake-up after close");
    }
}
