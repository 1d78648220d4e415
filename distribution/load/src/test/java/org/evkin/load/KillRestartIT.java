package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fault (a): kill -9 of the server while raters save drafts and submit, then a restart. Verdict: every submission that
 * got a 2xx is in the database with its content, no form is stored twice, and every draft holds the last acknowledged
 * content (or a later one that was in flight when the server died). The raters retry what failed, as a browser does.
 * While the server is down or starting, every answer a rater gets is EvKin's 503 with Retry-After (or none at all).
 *
 * <p>Short: 32 raters, 6 s of load, kill, restart, 6 s more. Long (-Dload.full=true): 256 raters, 30 s, three kills.
 */
class KillRestartIT {

    @Test
    void everyAcknowledgedSubmissionSurvivesKillMinus9() throws Exception {
        int raters = UnderLoad.FULL ? 256 : 32;
        int kills = UnderLoad.FULL ? 3 : 1;
        double phase = UnderLoad.FULL ? 30 : 6;
        try (UnderLoad u = UnderLoad.start("kill-restart", UnderLoad.FULL ? 3000 : 300)) {
            u.raters(raters);
            long before = 0;
            for (int k = 1; k <= kills; k++) {
                before = u.runUntilSubmissionsBeyond(phase, before);
                assertTrue(before > 0, "no submission before the kill: " + u.stats.failures());
                long t0 = System.nanoTime();
                u.evkin.kill();
                UnderLoad.log("kill -9 #%d of the server after %d acknowledged submissions", k, before);
                UnderLoad.sleepSeconds(1);
                u.evkin.start().awaitReady(Duration.ofSeconds(180));
                UnderLoad.log("restarted and ready %d ms after the kill", (System.nanoTime() - t0) / 1_000_000);
            }
            u.runUntilSubmissionsBeyond(phase, before);
            u.load.stop();
            long after = u.stats.submissions();
            assertTrue(after > before, "no submission after the restart: " + u.stats.failures() + "\n" + u.evkin.log());

            Ledger.Verdict verdict = u.ledger.verify(u.evkin.jdbcUrl("evkin"), u.cohort.cycleId);
            UnderLoad.log("kill -9 under load (%d raters, %d kills): %s; failed requests while down: %s", raters, kills, verdict,
                    u.stats.failures());
            assertTrue(verdict.passed(), verdict.toString());
            assertFalse(u.evkin.log().contains("Unexpected failure"), "a 500 after the restart:\n" + u.evkin.log());
            // while down or starting a rater gets no answer (refused, reset) or EvKin's 503 with Retry-After: never Jetty's
            // bare 404 (before the starting page is registered) nor its bare 500 (a servlet unregistered under a request)
            java.util.List<String> other = u.stats.failures().keySet().stream()
                    .filter(k -> !k.contains(" 503 Retry-After ") && !k.contains(" no answer: ")).toList();
            assertTrue(other.isEmpty(), "answers other than 503 + Retry-After while restarting: " + other + "\n" + u.stats.failures());
        }
    }
}
