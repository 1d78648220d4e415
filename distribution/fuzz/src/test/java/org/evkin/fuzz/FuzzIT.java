package org.evkin.fuzz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The fuzz run of issue 6 (point 4; the short version of point 5 in mvn verify): a copy of the assembled distribution
 * with real mail (GreenMail), set up through the real API, then every valid seed once and -Dfuzz.requests random and
 * mutated requests (2 000 by default; run.sh 10000 for the full run). The run's seed is printed; -Dfuzz.seed=S replays
 * it, -Dfuzz.case=n[,m…] replays single cases; -Dfuzz.generate=K only makes the cases of K random seeds (no request sent)
 * and fails on the first case the generator cannot make. Results: target/fuzz/fuzz-summary.json and fuzz-report.md.
 */
class FuzzIT {

    @Test
    void randomAndMutatedRequestsBreakNothing() throws Exception {
        long seed = property("fuzz.seed").isEmpty() ? System.nanoTime() : Long.parseLong(property("fuzz.seed"));
        int requests = Integer.parseInt(property("fuzz.requests").isEmpty() ? "2000" : property("fuzz.requests"));
        List<Integer> only = property("fuzz.case").isEmpty() ? null
                : Arrays.stream(property("fuzz.case").split(",")).map(String::strip).map(Integer::valueOf).toList();
        Path dir = Path.of(System.getProperty("fuzz.dir", "target/fuzz")).toAbsolutePath();
        Distribution.deleteTree(dir);
        Files.createDirectories(dir);
        System.out.println("[fuzz] seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + (only == null ? requests + " requests"
                : "cases " + only));

        int smtpPort = Distribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        long t0 = System.nanoTime();
        Fuzzer fuzzer;
        int port;
        try (Distribution server = Distribution.copyWhenComplete(Path.of(System.getProperty("evkin.distribution", "../assembly/target/evkin")), dir.resolve("evkin"))) {
            port = server.port;
            server.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                    + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\nbatch.size=200\n");
            server.writeConfig("org.evkin.invitations.cfg", "base.url=http://127.0.0.1:" + server.port + "\n");
            // reminders only when asked (cycle 2); every unfinished rater counts as late
            server.writeConfig("org.evkin.monitoring.cfg", "reminder.after.hours=0\nreminder.check.seconds=0\nescalate.after.reminders=1\n");
            // an upload waits at most 10 s for its outcome
            server.writeConfig("org.evkin.admin.cfg", "deploy.dir=\ndeploy.wait.seconds=10\nupload.max.bytes=10000000\n");
            server.env("EVKIN_ADMIN_EMAIL", World.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", World.ADMIN_PASSWORD);
            server.start().awaitReady(Duration.ofMinutes(4));
            Wire wire = new Wire(server.port);
            World world = new World(wire, smtp, server);
            world.setUp();
            long setUp = System.nanoTime();
            System.out.printf("[fuzz] server started and set up in %.1f s%n", (setUp - t0) / 1e9);
            List<Seeds.Seed> seeds = Seeds.all(world);
            Mutator mutator = new Mutator(world, seeds);
            if (!property("fuzz.generate").isEmpty()) {
                // the generator alone, no request sent: K random seeds × the run's cases, each case made once
                checkGenerator(mutator, Integer.parseInt(property("fuzz.generate")), requests);
                return;
            }
            try (Database db = new Database(server.jdbcUrl("evkin"))) {
                fuzzer = new Fuzzer(world, db, server, seed, dir);
                fuzzer.begin();
                // tampered requests on forms nobody opened: each must be refused, and (judged like every case) change nothing
                List<Seeds.Seed> tampered = Seeds.tampered(world);
                for (int i = 0; i < tampered.size(); i++) {
                    Seeds.Seed t = tampered.get(i);
                    fuzzer.run(new Mutator.Case(-1000 - i, t.name(), List.of("tampered"), t.req(), java.util.Set.of()));
                    if (fuzzer.lastStatus < 400) {
                        fuzzer.findings.add(new Fuzzer.Finding(Fuzzer.Verdict.DATABASE, new Mutator.Case(-1000 - i, t.name(), List.of("tampered"),
                                t.req(), java.util.Set.of()), null, "a tampered request was accepted with " + fuzzer.lastStatus, ""));
                    }
                }
                // every seed once, as it is: each must be accepted, or the mutations start from nothing valid
                List<String> invalidSeeds = new ArrayList<>();
                for (int i = 0; i < seeds.size(); i++) {
                    if (seeds.get(i).name().startsWith("probe-")) {
                        continue;
                    }
                    Mutator.Case c = new Mutator.Case(-1 - i, seeds.get(i).name(), List.of(), Scope.guard(seeds.get(i).req(), world), java.util.Set.of());
                    fuzzer.run(c);
                    int status = fuzzer.lastStatus;
                    if (status >= 400 || status == 0) {
                        invalidSeeds.add(seeds.get(i).name() + " → " + status);
                    }
                }
                assertTrue(invalidSeeds.isEmpty(), "seeds the server does not accept as they are: " + invalidSeeds);
                long fuzzStart = System.nanoTime();
                IntStream cases = only == null ? IntStream.range(0, requests) : only.stream().mapToInt(Integer::intValue);
                int done = 0;
                for (int n : cases.toArray()) {
                    Mutator.Case c = make(mutator, seed, n);
                    if (!fuzzer.run(c)) {
                        break;
                    }
                    if (++done % 500 == 0) {
                        System.out.printf("[fuzz] %d requests, %d failures, %.0f s%n", done, fuzzer.findings.size(), (System.nanoTime() - fuzzStart) / 1e9);
                    }
                    if (done % 250 == 0 && wire.send(Seeds.json("GET", "/api/health", null, null)).status() != 200) {
                        System.out.println("[fuzz] health check after case " + n + " failed");
                    }
                }
                fuzzer.finish();
                long end = System.nanoTime();
                ObjectNode summary = fuzzer.summary((end - fuzzStart) / 1_000_000, only == null ? requests : only.size());
                summary.put("setupSeconds", Math.round((setUp - t0) / 1e8) / 10.0);
                summary.put("seeds", seeds.size());
                Files.writeString(dir.resolve("fuzz-summary.json"), summary.toPrettyString());
                Files.writeString(dir.resolve("fuzz-cases.tsv"), fuzzer.cases);
                StringBuilder md = new StringBuilder("# Fuzz run, seed " + seed + "\n\n```\n" + summary.toPrettyString() + "\n```\n"
                        + "\n## Distinct causes\n\n" + fuzzer.causes());
                for (Fuzzer.Verdict v : Fuzzer.Verdict.values()) {
                    md.append("\n## ").append(v.text).append("\n\n```\n").append(fuzzer.report(v, port, 500, 3000)).append("```\n");
                }
                Files.writeString(dir.resolve("fuzz-report.md"), md.toString());
                System.out.println("[fuzz] " + summary.toPrettyString());
            }
        } finally {
            smtp.stop();
        }
        Fuzzer f = fuzzer;
        int p = port;
        List<Executable> checks = new ArrayList<>();
        for (Fuzzer.Verdict v : Fuzzer.Verdict.values()) {
            checks.add(() -> assertTrue(f.of(v).isEmpty(), () -> f.report(v, p)));
        }
        assertAll("fuzz run with seed " + seed + " (replay: -Dfuzz.seed=" + seed + ")", checks);
    }

    /** Case n of the run's seed; a generator that fails says which case of which seed, so the failure can be replayed. */
    private static Mutator.Case make(Mutator mutator, long seed, int n) {
        try {
            return mutator.make(seed, n);
        } catch (RuntimeException e) {
            throw new AssertionError("the fuzzer's generator failed on case " + n + " of seed " + seed + " (replay: -Dfuzz.seed=" + seed
                    + " -Dfuzz.case=" + n + ")", e);
        }
    }

    /** -Dfuzz.generate=K: makes every case of K random seeds without sending any, and fails on the first generator failure. */
    private static void checkGenerator(Mutator mutator, int seeds, int cases) {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        long t0 = System.nanoTime();
        for (int k = 0; k < seeds; k++) {
            long seed = random.nextLong();
            for (int n = 0; n < cases; n++) {
                make(mutator, seed, n);
            }
        }
        System.out.printf("[fuzz] generator: %d seeds × %d cases made in %.1f s, none failed%n", seeds, cases, (System.nanoTime() - t0) / 1e9);
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        return v == null ? "" : v.strip();
    }
}
