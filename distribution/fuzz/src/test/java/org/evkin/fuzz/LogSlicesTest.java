package org.evkin.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer reads the server's log after each case; another thread may still be writing a stack trace then, so an
 * entry can be split between two cases' lines. It is judged whole, for the case it belongs to, and the cases table
 * marks that case, not the next one.
 */
class LogSlicesTest {

    private static Mutator.Case kase(int n) {
        return new Mutator.Case(n, "random", List.of(), new Wire.Req("GET", "/api/x" + n, List.of(), null, null), Set.of());
    }

    private static Wire.Resp ok() {
        return new Wire.Resp(200, List.of(), new byte[0], 1_000_000, null);
    }

    @Test
    void anEntrySplitBetweenTwoCasesIsOneFindingOfTheFirst(@TempDir Path dir) throws Exception {
        Fuzzer f = new Fuzzer(null, null, null, 1, dir);
        Mutator.Case first = kase(1);
        Mutator.Case second = kase(2);
        Mutator.Case third = kase(3);
        f.judgeLog(first, ok(), """
                2026-11-29 22:10:00.000 [INFO] org.evkin.Some - fine
                2026-11-29 22:10:00.001 [ERROR] org.evkin.Some - it broke
                java.lang.IllegalStateException: broken
                \tat org.evkin.Some.a(Some.java:1)
                """);
        f.row(first, ok(), false);
        f.judgeLog(second, ok(), """
                \tat org.evkin.Some.b(Some.java:2)
                Caused by: java.io.IOException: gone
                \t... 3 more
                2026-11-29 22:10:00.002 [INFO] org.evkin.Some - fine again
                """);
        f.row(second, ok(), false);
        f.judgeLog(third, ok(), "");
        f.row(third, ok(), false);
        f.writeRow();

        assertEquals(1, f.findings.size(), () -> "one finding, not a second for the frames in case 2's lines: " + f.findings);
        Fuzzer.Finding only = f.findings.get(0);
        assertEquals(first, only.c());
        assertEquals(true, only.log().contains("Some.b") && only.log().contains("Caused by: java.io.IOException"), only.log());
        List<String> rows = f.cases.toString().lines().skip(1).toList();
        assertEquals(3, rows.size(), f.cases::toString);
        assertEquals(List.of("FAIL", "", ""), rows.stream().map(r -> r.split("\t", -1)[5]).toList(), f.cases::toString);
    }

    @Test
    /** Joining slices joins only frames to a kept-back entry: a trace without a level, with nothing kept back, fails. */
    void aHeadlessTraceStillFails(@TempDir Path dir) throws Exception {
        Fuzzer f = new Fuzzer(null, null, null, 1, dir);
        Mutator.Case first = kase(1);
        f.judgeLog(first, ok(), """
                java.lang.NullPointerException: nothing
                \tat org.evkin.Some.a(Some.java:1)
                2026-11-29 22:10:00.002 [INFO] org.evkin.Some - fine again
                """);
        f.row(first, ok(), false);
        f.writeRow();
        assertEquals(1, f.findings.size(), () -> f.findings.toString());
        assertEquals("FAIL", f.cases.toString().lines().skip(1).findFirst().orElseThrow().split("\t", -1)[5]);
    }

    /** The table's FAIL is the verdict's: an allowed 5xx (Jetty's 505 to a malformed request line) is not marked. */
    @Test
    void anAllowedStatusIsNotMarked(@TempDir Path dir) throws Exception {
        Fuzzer f = new Fuzzer(null, null, null, 1, dir);
        f.row(kase(1), new Wire.Resp(505, List.of(), new byte[0], 1_000_000, null), false);
        f.writeRow();
        assertEquals("505", f.cases.toString().lines().skip(1).findFirst().orElseThrow().split("\t", -1)[2]);
        assertEquals("", f.cases.toString().lines().skip(1).findFirst().orElseThrow().split("\t", -1)[5]);
    }

    /** A trace after an INFO entry may be that entry's or another thread's: not a failure, but not out of sight. */
    @Test
    void aTraceAfterAnInfoEntryIsAnObservation(@TempDir Path dir) throws Exception {
        Fuzzer f = new Fuzzer(null, null, null, 1, dir);
        f.judgeLog(kase(1), ok(), """
                2026-11-29 22:10:00.000 [INFO] org.evkin.Some - fine
                java.lang.NullPointerException: nothing
                \tat org.evkin.Some.a(Some.java:1)
                2026-11-29 22:10:00.002 [INFO] org.evkin.Some - fine again
                """);
        assertEquals(List.of(), f.findings);
        assertEquals(1, f.warnings.size(), f.warnings::toString);
        assertEquals(true, f.warnings.get(0).contains("a stack trace after an entry at INFO") && f.warnings.get(0).contains("NullPointerException"),
                f.warnings::toString);
    }
}
