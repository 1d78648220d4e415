package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate in front of whole-cycle reports: slots, a bounded queue served in order, a bounded wait, release once. */
class ReportGateTest {

    @Test
    void aRequestBeyondTheSlotsWaitsForTheFirstToFinish() throws Exception {
        ReportGate gate = new ReportGate(1, 2, 10_000);
        Closeable first = gate.enter();
        assertEquals(1, gate.running());
        CompletableFuture<Closeable> second = CompletableFuture.supplyAsync(gate::enter);
        awaitWaiting(gate, 1);
        assertTrue(!second.isDone(), "no slot is free: the second waits");
        first.close();
        Closeable s = second.get(5, TimeUnit.SECONDS);
        assertNotNull(s);
        assertEquals(1, gate.running());
        assertEquals(0, gate.waiting());
        s.close();
        assertEquals(0, gate.running());
    }

    @Test
    void whenTheQueueIsFullTheNextIsRefusedAtOnceWithRetryAfter() throws Exception {
        ReportGate gate = new ReportGate(1, 1, 10_000);
        Closeable running = gate.enter();
        CompletableFuture<Closeable> queued = CompletableFuture.supplyAsync(gate::enter);
        awaitWaiting(gate, 1);
        long t0 = System.nanoTime();
        ReportGate.Busy busy = assertThrows(ReportGate.Busy.class, gate::enter);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "refused without waiting");
        assertEquals(10, busy.retryAfterSeconds, "Retry-After: the longest wait");
        assertEquals(1, gate.waiting(), "the refused one left no place taken");
        running.close();
        queued.get(5, TimeUnit.SECONDS).close();
        assertEquals(0, gate.running());
    }

    @Test
    void withNoQueueASecondRequestIsRefusedWhileOneRuns() throws Exception {
        ReportGate gate = new ReportGate(1, 0, 10_000);
        Closeable running = gate.enter();
        assertThrows(ReportGate.Busy.class, gate::enter);
        running.close();
        gate.enter().close();
    }

    @Test
    void aWaitThatRunsOutIsRefused() throws Exception {
        ReportGate gate = new ReportGate(1, 4, 200);
        Closeable running = gate.enter();
        long t0 = System.nanoTime();
        ReportGate.Busy busy = assertThrows(ReportGate.Busy.class, gate::enter);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(waited >= 190, "waited " + waited + " ms of its 200");
        assertEquals(5, busy.retryAfterSeconds, "Retry-After is at least 5 s");
        assertEquals(0, gate.waiting());
        running.close();
        assertEquals(0, gate.running());
    }

    @Test
    void closingALeaseTwiceFreesOneSlot() throws Exception {
        ReportGate gate = new ReportGate(2, 0, 1_000);
        Closeable a = gate.enter();
        Closeable b = gate.enter();
        assertThrows(ReportGate.Busy.class, gate::enter, "two slots, both taken");
        a.close();
        a.close();
        assertEquals(1, gate.running(), "the second close of the same lease frees nothing more");
        Closeable c = gate.enter();
        assertThrows(ReportGate.Busy.class, gate::enter);
        b.close();
        c.close();
        assertEquals(0, gate.running());
    }

    @Test
    void waitersAreServedInTheOrderTheyCame() throws Exception {
        ReportGate gate = new ReportGate(1, 3, 10_000);
        Closeable running = gate.enter();
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            waiters.add(CompletableFuture.runAsync(() -> {
                try (Closeable lease = gate.enter()) {
                    order.add(n);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, r -> new Thread(r, "waiter-" + n).start()));
            awaitWaiting(gate, i + 1);
        }
        running.close();
        for (CompletableFuture<Void> w : waiters) {
            w.get(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of(0, 1, 2), order);
        assertEquals(0, gate.running());
    }

    @Test
    void settingsOutOfRangeAreClampedToWorkingValues() throws Exception {
        ReportGate gate = new ReportGate(0, -3, -1);
        Closeable one = gate.enter();
        assertEquals(1, gate.running(), "at least one slot");
        ReportGate.Busy busy = assertThrows(ReportGate.Busy.class, gate::enter, "no queue");
        assertEquals(5, busy.retryAfterSeconds);
        one.close();
    }

    private static void awaitWaiting(ReportGate gate, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gate.waiting() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + n + " waiting, found " + gate.waiting());
            }
            Thread.sleep(5);
        }
        // counted as waiting just before it parks on the semaphore: give it that moment
        Thread.sleep(50);
    }

    @Test
    void sameLimitsComparesTheSettingsAsTheGateNormalisesThem() {
        ReportGate gate = new ReportGate(1, 4, 20_000);
        assertTrue(gate.sameLimits(new ReportGate(1, 4, 20_000)));
        assertTrue(gate.sameLimits(new ReportGate(0, 4, 20_000)), "0 concurrent is taken as 1");
        assertTrue(!gate.sameLimits(new ReportGate(2, 4, 20_000)));
        assertTrue(!gate.sameLimits(new ReportGate(1, 5, 20_000)));
        assertTrue(!gate.sameLimits(new ReportGate(1, 4, 30_000)));
        assertTrue(new ReportGate(1, -3, -1).sameLimits(new ReportGate(1, 0, 0)), "negative queue and wait are taken as 0");
    }
}
