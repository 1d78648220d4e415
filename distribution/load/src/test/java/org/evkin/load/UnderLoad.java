package org.evkin.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import org.evkin.testing.Distribution;

/**
 * A fault test's world: a copy of the distribution under target/runs/NAME with mails to a sink, a cohort of
 * participants, and raters playing their forms. Short by default (each test a minute or less); -Dload.full=true runs
 * the long version.
 */
final class UnderLoad implements AutoCloseable {

    static final boolean FULL = Boolean.getBoolean("load.full");

    final Distribution evkin;
    final MailSink sink;
    final Http http;
    final Cohort cohort;
    final Stats stats = new Stats();
    final Ledger ledger = new Ledger();
    final LoadRun load;
    /** The watcher of {@link #diagnoseFirstFailure()}, if started; stopped with the test's world. */
    private Thread diagnosis;

    private UnderLoad(Distribution evkin, MailSink sink, Http http, Cohort cohort, int drafts, double rate, int raters) {
        this.evkin = evkin;
        this.sink = sink;
        this.http = http;
        this.cohort = cohort;
        this.load = new LoadRun(http, cohort.links, stats, ledger, drafts, 0, rate, raters);
    }

    /** Starts a fresh copy named name, sets up `participants` participants; the raters are not started yet. */
    static UnderLoad start(String name, int participants) throws Exception {
        return start(name, participants, 0, 1);
    }

    /**
     * As {@link #start(String, int)}, with raters that together offer {@code rate} submissions per second (paced, see
     * LoadRun) instead of a closed loop; {@code raters} must be the number later passed to {@link #raters(int)}.
     */
    static UnderLoad start(String name, int participants, double rate, int raters) throws Exception {
        Path source = Path.of(System.getProperty("evkin.distribution", "../assembly/target/evkin"));
        Path dir = Path.of(System.getProperty("load.dir", "target/runs")).resolve(name);
        Distribution evkin = Distribution.copyWhenComplete(source, dir.resolve("evkin"));
        MailSink sink = new MailSink();
        Cohort.configure(evkin, sink);
        evkin.start().awaitReady(Duration.ofSeconds(180));
        Http http = new Http("http://127.0.0.1:" + evkin.port, 300);
        Cohort cohort = Cohort.create(http, sink, "Uji gangguan " + name, participants);
        log("%s: EvKin on port %d, %d participants set up in %d ms", name, evkin.port, participants, cohort.setupMillis);
        return new UnderLoad(evkin, sink, http, cohort, 3, rate, raters);
    }

    void raters(int n) {
        load.openWindow();
        load.start(n);
    }

    /**
     * For a test that expects no failed request: when the first one fails, writes what MariaDB and the server were doing
     * (processlist, InnoDB status, the server's threads) to first-failure.txt in the copy's folder and logs where. A
     * failure seen once in CI (all pooled connections busy for over 5 s) could not be explained from the logs alone.
     */
    void diagnoseFirstFailure() {
        diagnosis = new Thread(() -> {
            try {
                while (stats.failureCount() == 0) {
                    Thread.sleep(100);
                }
                Path out = evkin.home.resolve("first-failure.txt");
                Files.writeString(out, "first failures: " + stats.failures() + "\n\n" + database() + "\n== server threads (jcmd Thread.print)\n"
                        + Main.jcmd(evkin.pid(), "Thread.print"));
                log("first failed request %s: what the database and the server were doing is in %s", stats.failures(), out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log("first failed request: diagnostics not written: %s", e);
            }
        }, "diagnose-first-failure");
        diagnosis.setDaemon(true);
        diagnosis.start();
    }

    /** SHOW FULL PROCESSLIST and SHOW ENGINE INNODB STATUS, on a connection of its own (the pool may be exhausted). */
    private String database() {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection(evkin.jdbcUrl("evkin")); Statement s = c.createStatement()) {
            for (String q : new String[] {"SHOW FULL PROCESSLIST", "SHOW ENGINE INNODB STATUS"}) {
                b.append("== ").append(q).append('\n');
                try (ResultSet rs = s.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            b.append(i > 1 ? " | " : "").append(rs.getString(i));
                        }
                        b.append('\n');
                    }
                }
            }
        } catch (Exception e) {
            b.append("(the database could not be asked: ").append(e.getMessage()).append(")\n");
        }
        return b.toString();
    }

    static void log(String format, Object... args) {
        System.out.printf("[load] " + format + "%n", args);
    }

    static void sleepSeconds(double s) throws InterruptedException {
        Thread.sleep((long) (s * 1000));
    }

    /**
     * Lets the load run for at least the phase, then on until the raters have more than {@code beyond} acknowledged
     * submissions (at most two minutes more): on a busy machine the first submissions can take longer than a phase,
     * and a fault injected before any would prove nothing. Returns the submissions counted.
     */
    long runUntilSubmissionsBeyond(double phase, long beyond) throws InterruptedException {
        sleepSeconds(phase);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (stats.submissions() <= beyond && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return stats.submissions();
    }

    @Override
    public void close() throws Exception {
        if (diagnosis != null) {
            diagnosis.interrupt();
        }
        load.stop();
        http.close();
        evkin.close();
        sink.close();
    }
}
