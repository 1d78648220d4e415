package org.evkin.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evkin.load.Stats.Kind;
import org.evkin.testing.Distribution;

/**
 * The load test: starts a copy of the assembled distribution on its embedded MariaDB, sets up a cycle with enough
 * participants through the admin API, plays N concurrent raters for the duration after a warm-up, then measures the
 * raw JDBC limit of the same writes on the same database with the same concurrency, and writes the results.
 *
 * <pre>distribution/load/run.sh --raters 256 --duration 60</pre>
 */
public final class Main {

    /** The options, with their defaults. */
    public static final class Options {
        public int raters = 256;
        public int duration = 60;
        /** Seconds before the window; parse makes it 60 for a paced run unless --warmup is given. */
        public int warmup = 30;
        public int drafts = 3;
        public int think = 0;
        public int participants = 0;
        public int jdbcDuration = 0;
        public int jdbcConnections = 0;
        public int jdbcParticipants = 40_000;
        public int poolSize = 0;
        public String serverOpts = "";
        public double rate = 0;
        public double targetPercent = 0;
        public boolean withReads = true;
        /** Paced runs: also the limit's work paced at the raters' rate, for its CPU per form when the machine is not saturated. */
        public boolean jdbcAtRate;
        public boolean jfr;
        /**
         * Samples with Linux perf during the window the server JVM (its CPU by layer: ServerProfile) and MariaDB (by
         * function, then also during the limit after the raters: DatabaseProfile).
         */
        public boolean perf;
        /** An admin downloads the national report (JSON, PDF, XLSX in turn) every this many seconds; 0: none. */
        public double reportsEvery = 0;
        public int reportAdmins = 1;
        public Path distribution = Path.of("distribution/assembly/target/evkin");
        public Path dir = Path.of("distribution/load/target/runs/load");
        public Path results = Path.of("distribution/load/target/load-results.json");

        static Options parse(String[] args) {
            Options o = new Options();
            boolean warmupGiven = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--raters" -> o.raters = Integer.parseInt(args[++i]);
                    case "--duration" -> o.duration = Integer.parseInt(args[++i]);
                    case "--warmup" -> {
                        o.warmup = Integer.parseInt(args[++i]);
                        warmupGiven = true;
                    }
                    case "--drafts" -> o.drafts = Integer.parseInt(args[++i]);
                    case "--think-ms" -> o.think = Integer.parseInt(args[++i]);
                    case "--participants" -> o.participants = Integer.parseInt(args[++i]);
                    case "--jdbc-duration" -> o.jdbcDuration = Integer.parseInt(args[++i]);
                    case "--jdbc-connections" -> o.jdbcConnections = Integer.parseInt(args[++i]);
                    case "--pool-size" -> o.poolSize = Integer.parseInt(args[++i]);
                    case "--server-opts" -> o.serverOpts = args[++i];
                    case "--rate" -> o.rate = Double.parseDouble(args[++i]);
                    case "--target-percent" -> o.targetPercent = Double.parseDouble(args[++i]);
                    case "--jfr" -> o.jfr = true;
                    case "--perf" -> o.perf = true;
                    case "--reports-every" -> o.reportsEvery = Double.parseDouble(args[++i]);
                    case "--report-admins" -> o.reportAdmins = Integer.parseInt(args[++i]);
                    case "--no-with-reads" -> o.withReads = false;
                    case "--jdbc-at-rate" -> o.jdbcAtRate = true;
                    case "--distribution" -> o.distribution = Path.of(args[++i]);
                    case "--dir" -> o.dir = Path.of(args[++i]);
                    case "--results" -> o.results = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println("""
                                run.sh [--raters 256] [--duration 60] [--warmup 30, paced 60] [--drafts 3] [--think-ms 0]
                                       [--rate S (paced: S submissions/s offered by all raters together; default: closed loop)]
                                       [--target-percent P (paced at P % of the JDBC limit, measured first in the same run)]
                                       [--participants auto] [--jdbc-duration min(duration,30)] [--jdbc-connections pool.size]
                                       [--pool-size N (pool.size of the copy's config/org.evkin.store.cfg; default: as shipped)]
                                       [--server-opts "JVM options added to bin/evkin's defaults", e.g. -Devkin.http.threads=200]
                                       [--no-with-reads (skip the JDBC run that adds the server's read to each transaction)]
                                       [--jdbc-at-rate (paced runs: the limit's work also at the raters' rate, for its CPU per form)]
                                       [--reports-every S (an admin downloads the national report, JSON/PDF/XLSX in turn, every S s)]
                                       [--report-admins K (K such admins at the same time; default 1)]
                                       [--perf (Linux perf samples the server, by layer: Jetty, Jersey, EvKin, driver...; and MariaDB by
                                                function, in the window and in the limit after it)]
                                       [--jfr] [--distribution path] [--dir path] [--results file.json]""");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + (v == null ? "" : " " + v));
                }
            }
            if (!warmupGiven && (o.rate > 0 || o.targetPercent > 0)) {
                // paced at 40 % of the limit and above, 30 s left the JIT compiler's backlog in the window (p99 seconds);
                // with 60 s the server keeps the schedule (docs/benchmarks.md, 2026-11-29)
                o.warmup = 60;
            }
            if (o.participants == 0) {
                // each participant's link has six forms: room for 480 submissions/s over warm-up and window (runs reached
                // 350/s and used up the 240/s this allowed before)
                o.participants = Math.max(o.raters * 2, 80 * (o.duration + o.warmup));
            }
            if (o.jdbcDuration == 0) {
                o.jdbcDuration = Math.min(o.duration, 30);
            }
            return o;
        }
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        ObjectNode result = run(o);
        System.out.println(Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.exit(0);
    }

    private static String loadBefore = "";
    /** MachineProbe's hypervisor and loopback round trip, read and measured before the run starts anything. */
    private static Optional<String> hypervisor = Optional.empty();
    private static double loopbackMicros = -1;

    public static ObjectNode run(Options o) throws Exception {
        if (o.perf) {
            if (!ServerProfile.available()) {
                throw new IllegalStateException("--perf needs Linux perf on the PATH (Debian: apt-get install -y linux-perf)");
            }
            o.serverOpts = ServerProfile.withJvmOptions(o.serverOpts);
        }
        loadBefore = loadAverage();
        hypervisor = MachineProbe.hypervisor();
        loopbackMicros = MachineProbe.loopbackRoundTripMicros(5, 4_000);
        System.out.printf("[load] machine: %s, loopback TCP round trip %.1f µs%n",
                hypervisor.map(h -> "hypervisor " + h).orElse("no hypervisor reported"), loopbackMicros);
        System.out.printf("[load] %d raters, %d s after %d s warm-up, %d drafts per form, %d participants%n", o.raters, o.duration,
                o.warmup, o.drafts, o.participants);
        Distribution d = Distribution.copyWhenComplete(o.distribution, o.dir.resolve("evkin"));
        // the peak heap comes from the server's GC log
        d.extraJavaOpts(o.serverOpts).withGcLog();
        try (MailSink sink = new MailSink(); Distribution evkin = d) {
            Cohort.configure(evkin, sink);
            if (o.poolSize > 0) {
                Path cfg = evkin.home.resolve("config/org.evkin.store.cfg");
                Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^pool\\.size=.*$", "pool.size=" + o.poolSize));
            }
            long t0 = System.nanoTime();
            evkin.start().awaitReady(Duration.ofSeconds(180));
            System.out.printf("[load] EvKin ready on port %d in %d ms (JVM %s)%n", evkin.port, (System.nanoTime() - t0) / 1_000_000,
                    (evkin.defaultJavaOpts() + " " + o.serverOpts).strip());
            try (Http http = new Http("http://127.0.0.1:" + evkin.port, o.raters)) {
                Cohort cohort = Cohort.create(http, sink, "Uji beban " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                        o.participants);
                System.out.printf("[load] set up %d participants with six programs each in %d ms%n", cohort.links.size(), cohort.setupMillis);
                Stats stats = new Stats();
                Ledger ledger = new Ledger();
                long dbPid = evkin.databasePid();
                // found in the server's log: read it once, not at each use
                String jdbcUrl = evkin.jdbcUrl("evkin");
                long self = ProcessHandle.current().pid();
                int connections = o.jdbcConnections > 0 ? o.jdbcConnections : evkin.storePoolSize();
                LimitRun first = null;
                if (o.targetPercent > 0) {
                    // the limit first, then the raters at that share of it
                    Map<String, Integer> items = LoadRun.probe(http, cohort.links.get(0));
                    first = limit(o, jdbcUrl, cohort, items, connections, dbPid, self);
                    o.rate = first.result().formsPerSecond() * o.targetPercent / 100;
                    System.out.printf("[load] paced at %.0f %% of the JDBC limit: %.1f submissions/s offered%n", o.targetPercent, o.rate);
                }
                LoadRun load = new LoadRun(http, cohort.links, stats, ledger, o.drafts, o.think, o.rate, o.raters);
                if (o.rate > 0) {
                    System.out.printf("[load] paced: each rater sends a request every %.0f ms (%.1f submissions/s offered)%n",
                            load.intervalMillis(), o.rate);
                }
                // wakes every 10 ms and notes how late: a stall of the machine or of this JVM, told apart from a slow server
                Hiccups hiccups = Hiccups.start(stats.origin());
                load.rampUp(o.warmup / 2.0); // paced raters join over the first half of the warm-up
                load.start(o.raters);
                ReportReader reports = o.reportsEvery > 0
                        ? new ReportReader("http://127.0.0.1:" + evkin.port, cohort.adminToken, cohort.cycleId, o.reportsEvery,
                                o.reportAdmins) : null;
                if (reports != null) {
                    reports.start();
                }
                Thread.sleep(o.warmup * 1000L);
                CpuTime[] cpu0 = {CpuTime.of(evkin.pid()), CpuTime.of(dbPid), CpuTime.of(self)};
                StatementCounts counts0 = StatementCounts.read(jdbcUrl);
                load.openWindow();
                System.out.println("[load] window opens at " + java.time.LocalTime.now().withNano(0));
                if (reports != null) {
                    reports.openWindow();
                }
                if (o.jfr) {
                    jcmd(evkin.pid(), "JFR.start", "name=load", "settings=profile", "filename=" + evkin.home.resolve("load.jfr"));
                }
                ServerProfile profile = o.perf ? ServerProfile.start(evkin.pid(), o.duration, evkin.home.resolve("server.perf")) : null;
                DatabaseProfile dbProfile = o.perf ? DatabaseProfile.start(dbPid, o.duration, evkin.home.resolve("mariadb-raters.perf")) : null;
                long end = System.nanoTime() + o.duration * 1_000_000_000L;
                while (System.nanoTime() < end && !load.exhausted()) {
                    Thread.sleep(200);
                }
                load.closeWindow();
                if (reports != null) {
                    reports.closeWindow();
                }
                // server JVM, MariaDB, this generator: what each used in the window
                CpuTime[] used = {CpuTime.of(evkin.pid()).since(cpu0[0]), CpuTime.of(dbPid).since(cpu0[1]), CpuTime.of(self).since(cpu0[2])};
                StatementCounts counts1 = StatementCounts.read(jdbcUrl);
                if (o.jfr) {
                    jcmd(evkin.pid(), "JFR.stop", "name=load");
                }
                load.stop();
                hiccups.close();
                ServerProfile.Attribution layers = profile == null ? null : profile.finish(evkin.pid());
                Map<String, Long> dbRaters = dbProfile == null ? null : dbProfile.finish();
                if (layers != null) {
                    System.out.printf("[load] the server's CPU by layer (%d samples, %.1f %% in the kernel): %s%n", layers.samples(),
                            layers.kernelPercent(), layers.table());
                }
                Map<String, Object> reportTimes = null;
                if (reports != null) {
                    reports.close();
                    reportTimes = reports.summary();
                    System.out.println("[load] national report downloads in the window: " + reportTimes);
                }
                double seconds = load.windowSeconds();
                ServerMemory memory = ServerMemory.of(evkin);
                String heapInfo = jcmd(evkin.pid(), "GC.heap_info");
                Ledger.Verdict verdict = ledger.verify(jdbcUrl, cohort.cycleId);
                System.out.println("[load] " + verdict);

                LimitRun after = limit(o, jdbcUrl, cohort, load.itemsPerProgram(), connections, dbPid, self, 0,
                        o.perf ? evkin.home.resolve("mariadb-limit.perf") : null);
                // a paced run measured the limit before the raters too (to set their rate); this machine's speed drifts by
                // several per cent within minutes, so the higher of the two counts: the percentage is never flattered
                LimitRun measured = first != null && first.result().formsPerSecond() > after.result().formsPerSecond() ? first : after;
                if (first != null) {
                    System.out.printf("[load] JDBC limit before the raters %.0f, after %.0f forms/s: the higher counts%n",
                            first.result().formsPerSecond(), after.result().formsPerSecond());
                }
                JdbcLimit.Result jdbc = measured.result();
                JdbcLimit limit = measured.limit();
                JdbcLimit.Result withReads = null;
                if (o.withReads) {
                    limit.prepare(o.jdbcParticipants);
                    int s = Math.max(5, o.jdbcDuration / 2);
                    System.out.printf("[load] the same over JDBC plus the server's read per request: %d threads on %d connections for %d s%n",
                            o.raters, connections, s);
                    withReads = limit.run(o.raters, connections, s, o.jdbcParticipants, true);
                    System.out.printf("[load] JDBC with the server's reads: %.0f forms/s (%.0f transactions/s)%n", withReads.formsPerSecond(),
                            withReads.transactionsPerSecond());
                    limit.drop();
                }

                ObjectNode atRate = null;
                if (o.jdbcAtRate && o.rate > 0) {
                    LimitRun paced = limit(o, jdbcUrl, cohort, load.itemsPerProgram(), connections, dbPid, self, o.rate, null);
                    long dbMicros = paced.microsPerForm(paced.database().millis());
                    long clientMicros = paced.microsPerForm(paced.client().millis());
                    atRate = Http.JSON.createObjectNode();
                    atRate.put("offeredFormsPerSecond", Stats.round(o.rate)).put("formsPerSecond", Stats.round(paced.result().formsPerSecond()))
                            .put("mariadbCpuMicrosPerForm", dbMicros).put("clientCpuMicrosPerForm", clientMicros);
                    System.out.printf("[load] the limit's work at %.0f forms/s: MariaDB %d µs, JDBC client %d µs of CPU per form%n",
                            paced.result().formsPerSecond(), dbMicros, clientMicros);
                }

                long dbCpuPerJdbcForm = measured.microsPerForm(measured.database().millis());
                long clientCpuPerJdbcForm = measured.microsPerForm(measured.client().millis());
                ObjectNode r = report(o, evkin, cohort, stats, load, hiccups, seconds, memory, verdict, jdbc);
                if (first != null) {
                    ((ObjectNode) r.path("jdbcLimit")).put("formsPerSecondBefore", Stats.round(first.result().formsPerSecond()))
                            .put("formsPerSecondAfter", Stats.round(after.result().formsPerSecond()));
                }
                ObjectNode cpu = r.putObject("cpuMicrosPerSubmission");
                long subs = Math.max(1, stats.submissions());
                cpu.put("serverJvm", used[0].millis() * 1000 / subs).put("mariadb", used[1].millis() * 1000 / subs)
                        .put("loadGenerator", used[2].millis() * 1000 / subs)
                        .put("serverJvmPerRequest", used[0].millis() * 1000 / Math.max(1, stats.requests()))
                        .put("mariadbPerJdbcLimitForm", dbCpuPerJdbcForm).put("jdbcClientPerJdbcLimitForm", clientCpuPerJdbcForm);
                System.out.println("[load] CPU per submission (µs): " + cpu);
                System.out.println("[load] this generator's own thread woke up to " + r.path("http").path("generatorLateMaxMillis")
                        + " ms late in the window; seconds with a stall of over " + Hiccups.STALL_MILLIS + " ms: "
                        + r.path("http").path("generatorStalledSeconds"));
                // the kernel's part of the same (system time): what a hypervisor that makes system calls and context
                // switches dear adds shows here, for the raters' work and for the limit's
                ObjectNode sys = r.putObject("systemCpuMicrosPerSubmission");
                sys.put("serverJvm", used[0].systemMillis() * 1000 / subs).put("mariadb", used[1].systemMillis() * 1000 / subs)
                        .put("loadGenerator", used[2].systemMillis() * 1000 / subs)
                        .put("mariadbPerJdbcLimitForm", measured.microsPerForm(measured.database().systemMillis()))
                        .put("jdbcClientPerJdbcLimitForm", measured.microsPerForm(measured.client().systemMillis()));
                System.out.println("[load] of which in the kernel (µs): " + sys);
                ObjectNode statements = r.putObject("databaseCountersPerSubmission");
                counts0.perUnit(counts1, subs).forEach(statements::put);
                ObjectNode limitStatements = r.putObject("databaseCountersPerJdbcLimitForm");
                measured.counts0().perUnit(measured.counts1(), jdbc.forms()).forEach(limitStatements::put);
                System.out.println("[load] MariaDB counters per submission: " + statements);
                System.out.println("[load] MariaDB counters per JDBC limit form: " + limitStatements);
                if (withReads != null) {
                    r.set("jdbcWithReads", Http.JSON.valueToTree(withReads));
                    r.put("percentOfJdbcWithReads", Stats.round(100 * stats.submissions() / seconds / withReads.formsPerSecond()));
                }
                if (atRate != null) {
                    r.set("jdbcAtRatersRate", atRate);
                }
                if (layers != null) {
                    r.set("serverProfile", layers.json());
                }
                if (dbRaters != null && after.databaseSamples() != null) {
                    // the profiled limit is the one after the raters, whichever of the two counted for the percentage
                    ObjectNode db = DatabaseProfile.compare(dbRaters, stats.submissions(), after.databaseSamples(), after.result().forms(), 15);
                    r.set("mariadbProfile", db);
                    System.out.println("[load] MariaDB by function (perf), per submission against per limit form: " + db);
                }
                if (reportTimes != null) {
                    r.set("nationalReportDownloads", Http.JSON.valueToTree(reportTimes));
                }
                r.put("heapInfoAtEnd", heapInfo.strip());
                write(o.results, r);
                return r;
            }
        }
    }

    /** A JDBC limit run with the CPU time MariaDB and this process spent on it. */
    private record LimitRun(JdbcLimit limit, JdbcLimit.Result result, CpuTime database, CpuTime client, StatementCounts counts0,
            StatementCounts counts1, Map<String, Long> databaseSamples) {

        /** CPU milliseconds of this run as microseconds per form written (-1 when none was). */
        long microsPerForm(long cpuMillis) {
            return result.forms() == 0 ? -1 : cpuMillis * 1000 / result.forms();
        }
    }

    private static LimitRun limit(Options o, String jdbcUrl, Cohort cohort, Map<String, Integer> items, int connections, long dbPid,
            long self) throws Exception {
        return limit(o, jdbcUrl, cohort, items, connections, dbPid, self, 0, null);
    }

    /**
     * formsPerSecond &gt; 0: the limit's work paced at that rate (JdbcLimit.run) instead of flat out; profile not null:
     * MariaDB sampled by perf into that file while the limit runs (DatabaseProfile).
     */
    private static LimitRun limit(Options o, String jdbcUrl, Cohort cohort, Map<String, Integer> items, int connections, long dbPid,
            long self, double formsPerSecond, Path profile) throws Exception {
        JdbcLimit limit = new JdbcLimit(jdbcUrl, cohort.cycleId, items, o.drafts);
        limit.prepare(o.jdbcParticipants);
        String what = formsPerSecond > 0 ? String.format("JDBC limit's work paced at the raters' %.1f forms/s", formsPerSecond)
                : "JDBC limit";
        System.out.printf("[load] %s: %d threads on %d connections for %d s%n", what, o.raters, connections, o.jdbcDuration);
        CpuTime db0 = CpuTime.of(dbPid);
        CpuTime self0 = CpuTime.of(self);
        StatementCounts counts0 = StatementCounts.read(jdbcUrl);
        DatabaseProfile[] sampling = {null};
        JdbcLimit.Result jdbc = limit.run(o.raters, connections, o.jdbcDuration, o.jdbcParticipants, false, formsPerSecond, () -> {
            if (profile != null) {
                try {
                    sampling[0] = DatabaseProfile.start(dbPid, o.jdbcDuration, profile);
                } catch (IOException e) {
                    System.out.println("[load] perf record on MariaDB did not start: " + e.getMessage());
                }
            }
        });
        Map<String, Long> samples = sampling[0] == null ? null : sampling[0].finish();
        StatementCounts counts1 = StatementCounts.read(jdbcUrl);
        CpuTime db = CpuTime.of(dbPid).since(db0);
        CpuTime client = CpuTime.of(self).since(self0);
        limit.drop();
        System.out.printf("[load] %s: %.0f forms/s (%.0f transactions/s)%n", what, jdbc.formsPerSecond(), jdbc.transactionsPerSecond());
        return new LimitRun(limit, jdbc, db, client, counts0, counts1, samples);
    }

    private static ObjectNode report(Options o, Distribution evkin, Cohort cohort, Stats stats, LoadRun load, Hiccups hiccups, double seconds,
            ServerMemory memory, Ledger.Verdict verdict, JdbcLimit.Result jdbc) throws Exception {
        ObjectNode r = Http.JSON.createObjectNode();
        r.put("date", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        r.set("machine", machine(evkin));
        ObjectNode opts = r.putObject("options");
        opts.put("raters", o.raters).put("durationSeconds", o.duration).put("warmupSeconds", o.warmup).put("draftsPerForm", o.drafts)
                .put("thinkMillis", o.think).put("participants", o.participants).put("serverJvm", (evkin.defaultJavaOpts() + " " + o.serverOpts).strip())
                .put("storePoolSize", evkin.storePoolSize()).put("offeredSubmissionsPerSecond", Stats.round(o.rate))
                .put("targetPercentOfJdbcLimit", o.targetPercent);
        r.put("setupMillis", cohort.setupMillis);
        ObjectNode http = r.putObject("http");
        double subs = stats.submissions() / seconds;
        double reqs = stats.requests() / seconds;
        http.put("windowSeconds", Stats.round(seconds)).put("linksRanOut", load.exhausted());
        http.put("submissions", stats.submissions()).put("submissionsPerSecond", Stats.round(subs));
        http.put("requests", stats.requests()).put("requestsPerSecond", Stats.round(reqs));
        http.set("latencyMillis", stats.latencyJson());
        http.set("slowSeconds", Http.JSON.valueToTree(stats.slowSeconds(load.windowStart(), load.windowEnd())));
        // the generator's own stalls in the same seconds (see Hiccups): a slow second with none is the server's or MariaDB's
        http.put("generatorLateMaxMillis", hiccups.maxMillis(load.windowStart(), load.windowEnd()));
        http.set("generatorStalledSeconds", Http.JSON.valueToTree(hiccups.stalledSeconds(load.windowStart(), load.windowEnd())));
        http.put("failures", stats.failureCount());
        http.set("failuresByKind", Http.JSON.valueToTree(stats.failures()));
        http.set("itemsPerProgram", Http.JSON.valueToTree(load.itemsPerProgram()));
        ObjectNode j = r.putObject("jdbcLimit");
        j.put("threads", jdbc.threads()).put("connections", jdbc.connections()).put("seconds", Stats.round(jdbc.seconds()))
                .put("forms", jdbc.forms()).put("transactions", jdbc.transactions()).put("formsPerSecond", Stats.round(jdbc.formsPerSecond()))
                .put("transactionsPerSecond", Stats.round(jdbc.transactionsPerSecond())).put("formP50Millis", Stats.round(jdbc.p50FormMillis()))
                .put("formP99Millis", Stats.round(jdbc.p99FormMillis()));
        double percent = 100 * subs / jdbc.formsPerSecond();
        r.put("percentOfJdbcLimit", Stats.round(percent));
        ObjectNode m = r.putObject("serverMemory");
        m.put("peakHeapUsedMb", memory.peakUsedMb()).put("peakHeapAfterGcMb", memory.peakAfterGcMb())
                .put("peakHeapCommittedMb", memory.peakCommittedMb()).put("maxHeapMb", memory.maxHeapMb()).put("gcs", memory.gcs())
                .put("peakRssMb", memory.peakRssMb());
        r.put("verify", verdict.toString());
        double p99 = stats.percentiles(null, 0.99)[0];
        ObjectNode goals = r.putObject("goals");
        goals.put("atLeast50PercentOfJdbcLimit", percent >= 50).put("p99Below150ms", p99 < 150)
                .put("heapBelow512MB", memory.peakUsedMb() < 512 && memory.peakUsedMb() > 0).put("noFailures", stats.failureCount() == 0)
                .put("nothingLost", verdict.passed());
        String line = String.format("| %s | %d | %d s | %.0f | %.0f | %s | %.0f | %.0f %% | %d MB (%d MB live) | %d |",
                r.path("date").asText().substring(0, 16), o.raters, o.duration, subs, reqs, latencyLine(stats), jdbc.formsPerSecond(), percent,
                memory.peakUsedMb(), memory.peakAfterGcMb(), stats.failureCount());
        r.put("markdown", line);
        System.out.println("[load] | date | raters | window | submissions/s | requests/s | p50/p95/p99 ms (OPEN; FORM; DRAFT; SUBMIT; all)"
                + " | JDBC forms/s | % of JDBC | server heap peak | failures |");
        System.out.println("[load] " + line);
        return r;
    }

    private static String latencyLine(Stats stats) {
        List<String> parts = new ArrayList<>();
        for (Kind k : Kind.values()) {
            parts.add(k + " " + ms(stats.percentiles(k, 0.5, 0.95, 0.99)));
        }
        parts.add("all " + ms(stats.percentiles(null, 0.5, 0.95, 0.99)));
        return String.join("; ", parts);
    }

    private static String ms(double[] p) {
        return Double.isNaN(p[0]) ? "none in the window" : String.format("%.0f/%.0f/%.0f", p[0], p[1], p[2]);
    }

    static ObjectNode machine(Distribution evkin) {
        ObjectNode m = Http.JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        // the machine is shared: how busy it was (1, 5, 15 min load averages) when the run started and ended
        m.put("loadAverageAtStart", loadBefore).put("loadAverageAtEnd", loadAverage());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGiB", Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0);
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).strip());
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        hypervisor.ifPresent(h -> m.put("hypervisor", h));
        m.put("kernel", MachineProbe.line("/proc/sys/kernel/osrelease"));
        m.put("idleDriver", MachineProbe.line("/sys/devices/system/cpu/cpuidle/current_driver"));
        if (loopbackMicros > 0) {
            m.put("loopbackRoundTripMicros", Stats.round(loopbackMicros));
        }
        String java = evkin.running() ? ProcessHandle.of(evkin.pid()).flatMap(p -> p.info().command()).orElse("java") : "java";
        String version = run(java, "-version");
        m.put("javaVersion", version.lines().findFirst().orElse("?") + " / " + version.lines().skip(2).findFirst().orElse(""));
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        cmd.addAll(List.of(command));
        return run(cmd.toArray(String[]::new));
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "(" + String.join(" ", cmd) + " failed: " + e.getMessage() + ")";
        }
    }

    static void write(Path results, ObjectNode r) throws IOException {
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r), StandardCharsets.UTF_8);
        Path md = results.resolveSibling(results.getFileName().toString().replaceAll("\\.json$", "") + ".md");
        if (!Files.exists(md)) {
            Files.writeString(md, "| date | raters | window | submissions/s | requests/s | p50/p95/p99 ms (OPEN; FORM; DRAFT; SUBMIT; all)"
                    + " | JDBC forms/s | % of JDBC | server heap peak | failures |\n|---|---|---|---|---|---|---|---|---|---|\n");
        }
        Files.writeString(md, r.path("markdown").asText() + "\n", StandardOpenOption.APPEND);
        System.out.println("[load] results in " + results.toAbsolutePath() + " and " + md.toAbsolutePath());
    }
}
