package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.evkin.web.internal.AdminFlowUploads.Kind;
import org.evkin.web.internal.AdminFlowUploads.State;
import org.evkin.web.internal.AdminFlowUploads.Upload;
import org.junit.jupiter.api.Test;

/** The server-side keeping of uploaded files between preview and commit. */
class AdminFlowUploadsTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2025-11-03T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();
    private final AdminFlowUploads uploads = new AdminFlowUploads(clock);

    @Test
    void aPreviewIsFoundOnlyByItsAccountCycleAndKindWithAnUnguessableId() {
        Upload u = uploads.previewed(1, 7, Kind.PARTICIPANTS, "a.csv", new byte[] {1, 2, 3}, "laporan");
        assertTrue(AdminFlowUploads.validId(u.id));
        assertEquals(u, uploads.find(u.id, 1, 7, Kind.PARTICIPANTS).orElseThrow());
        assertTrue(uploads.find(u.id, 2, 7, Kind.PARTICIPANTS).isEmpty(), "another admin");
        assertTrue(uploads.find(u.id, 1, 8, Kind.PARTICIPANTS).isEmpty(), "another cycle");
        assertTrue(uploads.find(u.id, 1, 7, Kind.RESPONSES).isEmpty(), "another import");
        assertTrue(uploads.find("../../etc/passwd", 1, 7, Kind.PARTICIPANTS).isEmpty());
        assertTrue(uploads.find(null, 1, 7, Kind.PARTICIPANTS).isEmpty());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(uploads.previewed(100 + i, 7, Kind.PARTICIPANTS, "x", new byte[1], null).id);
        }
        assertEquals(200, ids.size());
    }

    @Test
    void aPreviewExpiresAfterFifteenMinutes() {
        Upload u = uploads.previewed(1, 7, Kind.PARTICIPANTS, "a.csv", new byte[10], null);
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertTrue(uploads.find(u.id, 1, 7, Kind.PARTICIPANTS).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertTrue(uploads.find(u.id, 1, 7, Kind.PARTICIPANTS).isEmpty());
        assertEquals(0, uploads.size());
    }

    @Test
    void theFileIsHandedOutForOneCommitOnlyAndLetGoAfterwards() {
        byte[] file = {1, 2, 3};
        Upload u = uploads.previewed(1, 7, Kind.PARTICIPANTS, "a.csv", file, "pratinjau");
        assertArrayEquals(file, u.claim());
        assertEquals(State.COMMITTING, u.state());
        assertNull(u.claim(), "a second commit while the first runs");
        u.committed("hasil", clock.instant());
        assertEquals(State.COMMITTED, u.state());
        assertEquals("hasil", u.report());
        assertNull(u.claim(), "a second commit afterwards");
        assertEquals(0, uploads.heldBytes(), "the bytes are let go after the commit");
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertTrue(uploads.find(u.id, 1, 7, Kind.PARTICIPANTS).isPresent(), "the outcome stays a while for a repeated commit");
    }

    @Test
    void aFailedCommitMayBeTriedAgain() {
        Upload u = uploads.previewed(1, 7, Kind.RESPONSES, "a.csv", new byte[] {9}, null);
        u.claim();
        u.release();
        assertEquals(State.PREVIEWED, u.state());
        assertArrayEquals(new byte[] {9}, u.claim());
    }

    @Test
    void concurrentCommitsGetTheFileOnce() throws Exception {
        Upload u = uploads.previewed(1, 7, Kind.PARTICIPANTS, "a.csv", new byte[] {1}, null);
        AtomicInteger winners = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                all.add(pool.submit(() -> {
                    if (u.claim() != null) {
                        winners.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, winners.get());
    }

    @Test
    void theMemoryHeldIsCapped() {
        assertThrows(IllegalArgumentException.class,
                () -> uploads.previewed(1, 7, Kind.PARTICIPANTS, "x", new byte[AdminFlowUploads.MAX_FILE_BYTES + 1], null));
        Upload first = uploads.previewed(1, 7, Kind.PARTICIPANTS, "1", new byte[1], null);
        for (int i = 0; i < AdminFlowUploads.MAX_PER_ACCOUNT; i++) {
            uploads.previewed(1, 7, Kind.PARTICIPANTS, "n", new byte[1], null);
        }
        assertTrue(uploads.find(first.id, 1, 7, Kind.PARTICIPANTS).isEmpty(), "an admin's oldest upload goes first");
        assertEquals(AdminFlowUploads.MAX_PER_ACCOUNT, uploads.size());

        AdminFlowUploads big = new AdminFlowUploads(clock);
        int n = (int) (AdminFlowUploads.MAX_TOTAL_BYTES / AdminFlowUploads.MAX_FILE_BYTES) + 2;
        Upload oldest = null;
        for (int i = 0; i < n; i++) {
            Upload u = big.previewed(10 + i, 7, Kind.PARTICIPANTS, "besar", new byte[AdminFlowUploads.MAX_FILE_BYTES], null);
            oldest = oldest == null ? u : oldest;
        }
        assertTrue(big.heldBytes() <= AdminFlowUploads.MAX_TOTAL_BYTES, "held " + big.heldBytes());
        assertTrue(big.find(oldest.id, 10, 7, Kind.PARTICIPANTS).isEmpty(), "the oldest file is dropped beyond the cap");
    }

    @Test
    void aRejectedFileKeepsItsProblemsButNotTheFile() {
        Upload u = uploads.rejected(1, 7, Kind.PARTICIPANTS, "salah.csv", "2 kesalahan", 400,
                List.of(new AdminFlowUploads.Problem(2, "nip", "a"), new AdminFlowUploads.Problem(3, "email", "b")));
        assertEquals(State.REJECTED, u.state());
        assertEquals(2, u.problems().size());
        assertNull(u.claim());
        assertEquals(0, uploads.heldBytes());
        assertNotEquals(0, uploads.size());
    }
}
