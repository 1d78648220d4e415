package org.evkin.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw limit: plain JDBC (MariaDB Connector/J, the store's driver, URL and driver options) doing exactly the writes the store does
 * for the raters' requests, in the same transactions, into the same MariaDB. The server runs each rater request in one
 * transaction (Transactions.inOne), so per form: opening it (SELECT by key; as it is not there yet the enrolment's
 * instrument version pinned — UPDATE enrolment by id while it has none, as FormStore.pinInstrumentVersion does on a
 * program's first form —, INSERT IGNORE form + SELECT by key; COMMIT), each draft (SELECT by key; SELECT ... FOR
 * UPDATE; DELETE answer; one multi-row INSERT answer; UPDATE form; COMMIT) and the submit (the same with
 * markSubmitted) — READ COMMITTED, autocommit off, like the store's pool. The load test's raters fill each
 * participant's own forms, so every form is its enrolment's first and every open pins; so do the limit's. The server
 * finds the form by key with its read of the link (with its participant, cycle, enrolment and battery; one
 * statement); here the find is the plain SELECT by key: this is the ceiling of the writes.
 *
 * <p>The rows go into a scratch schema (evkin_load_limit) with copies of form, answer, task_tick and enrolment (with
 * their keys and foreign keys) and of the cycle and participant they refer to, so the product's tables stay untouched.
 */
public final class JdbcLimit {

    public static final String SCHEMA = "evkin_load_limit";

    public record Result(int threads, int connections, double seconds, long forms, long transactions, double formsPerSecond,
            double transactionsPerSecond, double p50FormMillis, double p99FormMillis) {
    }

    private final String url;
    private final long cycleId;
    private final Map<String, Integer> itemsPerProgram;
    /** The programs in a fixed order: the n-th form of a run is participant n / programs, program n % programs. */
    private final List<String> programs;
    private final int drafts;

    /** url: the store's JDBC URL without a database (user root); cycleId: the load test's cycle. */
    public JdbcLimit(String url, long cycleId, Map<String, Integer> itemsPerProgram, int drafts) {
        this.url = url;
        this.cycleId = cycleId;
        this.itemsPerProgram = itemsPerProgram;
        this.programs = itemsPerProgram.keySet().stream().sorted().toList();
        this.drafts = drafts;
    }

    /** With the driver options the store adds to its URL (DatabaseComponent.withDriverDefaults): server-side prepared statements. */
    private Connection connect() throws Exception {
        Connection c = DriverManager.getConnection(url.replace("/evkin?", "/" + SCHEMA + "?") + "&useServerPrepStmts=true");
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** (Re)creates the scratch schema: the form tables as in the product, with participants to write forms for. */
    public void prepare(int participants) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String table : List.of("cycle", "participant", "enrolment", "form", "answer", "task_tick")) {
                String ddl;
                try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE evkin." + table)) {
                    rs.next();
                    ddl = rs.getString(2);
                }
                s.execute("USE " + SCHEMA);
                s.execute(ddl);
                s.execute("USE evkin");
            }
            s.execute("INSERT INTO " + SCHEMA + ".cycle SELECT * FROM evkin.cycle WHERE id = " + cycleId);
            // as many participants as needed: the unique key of a form is (cycle, participant, role, part, program)
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= participants; i++) {
                values.append(values.length() == 0 ? "" : ",").append("(").append(i).append(",'limit:").append(i)
                        .append("','limit").append(i).append("@example.go.id','Batas ").append(i)
                        .append("','PK','AHLI_MUDA','DIY',CURRENT_TIMESTAMP(3),CURRENT_TIMESTAMP(3))");
                if (i % 1000 == 0 || i == participants) {
                    s.execute("INSERT INTO " + SCHEMA + ".participant (id, identity_key, email, name, kind, level, province, created_at,"
                            + " updated_at) VALUES " + values);
                    values.setLength(0);
                }
            }
            // each participant enrolled in every program, no version pinned yet (as imported): see enrolmentId
            for (int i = 1; i <= participants; i++) {
                for (String program : programs) {
                    values.append(values.length() == 0 ? "" : ",").append("(").append(enrolmentId(i, program)).append(",")
                            .append(cycleId).append(",").append(i).append(",'").append(program).append("',80.00,1,CURRENT_TIMESTAMP(3))");
                }
                if (i % 200 == 0 || i == participants) {
                    s.execute("INSERT INTO " + SCHEMA + ".enrolment (id, cycle_id, participant_id, program_code, training_score, eligible,"
                            + " imported_at) VALUES " + values);
                    values.setLength(0);
                }
            }
        }
    }

    /** The scratch enrolment of (participant, program): ids follow participants and programs in order. */
    private long enrolmentId(long participant, String program) {
        return (participant - 1) * programs.size() + programs.indexOf(program) + 1;
    }

    public void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    /**
     * threads workers sharing `connections` connections for `seconds`, as fast as they go; each worker writes whole forms.
     * With withReads, each request's transaction finds its form with the read the server does instead (the link with its
     * participant, cycle, enrolment, battery and the form, one statement): the same database work as the server's,
     * without HTTP, JSON and the server's own code — it separates the database's share from the rest.
     */
    public Result run(int threads, int connections, double seconds, int participants, boolean withReads) throws Exception {
        return run(threads, connections, seconds, participants, withReads, 0);
    }

    /**
     * Paced (formsPerSecond &gt; 0): the workers together write that many forms per second, each sending its transactions
     * on a fixed schedule as the paced raters do (a worker that falls behind sends at once). The same work at the raters'
     * rate instead of as fast as it goes: what it costs MariaDB and the client per form when the machine is not saturated.
     */
    public Result run(int threads, int connections, double seconds, int participants, boolean withReads, double formsPerSecond)
            throws Exception {
        return run(threads, connections, seconds, participants, withReads, formsPerSecond, () -> { });
    }

    /** connected: run once the connections are open, just before the workers start (a profiler then sees their threads). */
    public Result run(int threads, int connections, double seconds, int participants, boolean withReads, double formsPerSecond,
            Runnable connected) throws Exception {
        // each worker's transactions, one after another on its schedule; its first one at a random point of the interval
        long interval = formsPerSecond > 0 ? (long) (1e9 * threads / (formsPerSecond * (drafts + 2))) : 0;
        if (withReads) {
            pickReadTarget();
        }
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections, true);
        for (int i = 0; i < connections; i++) {
            pool.add(connect());
        }
        connected.run();
        AtomicInteger nextForm = new AtomicInteger();
        AtomicLong forms = new AtomicLong();
        AtomicLong transactions = new AtomicLong();
        Stats.LongList formNanos = new Stats.LongList();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                Schedule due = interval == 0 ? null : new Schedule(interval, interval);
                try {
                    while (System.nanoTime() < end) {
                        int n = nextForm.getAndIncrement();
                        long participant = 1 + n / programs.size();
                        if (participant > participants) {
                            return;
                        }
                        String program = programs.get(n % programs.size());
                        long f0 = System.nanoTime();
                        transactions.addAndGet(writeForm(pool, participant, program, withReads, due));
                        if (System.nanoTime() < end) {
                            forms.incrementAndGet();
                            formNanos.add(System.nanoTime() - f0);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "jdbc-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
        for (Connection c : pool) {
            c.close();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the JDBC limit run failed: " + errors.get(0), errors.get(0));
        }
        long[] lat = formNanos.toArray();
        java.util.Arrays.sort(lat);
        return new Result(threads, connections, elapsed, forms.get(), transactions.get(), forms.get() / elapsed,
                transactions.get() / elapsed, lat.length == 0 ? 0 : lat[lat.length / 2] / 1e6,
                lat.length == 0 ? 0 : lat[(int) (lat.length * 0.99)] / 1e6);
    }

    /** One rater's form: open, drafts, submit, each request one transaction; returns the number of transactions. */
    private int writeForm(BlockingQueue<Connection> pool, long participant, String program, boolean withReads, Schedule due)
            throws Exception {
        int items = itemsPerProgram.get(program);
        pace(due);
        request(pool, participant, program, -1, false, withReads);
        for (int d = 1; d <= drafts; d++) {
            pace(due);
            request(pool, participant, program, items * d / (drafts + 1), false, withReads);
        }
        pace(due);
        request(pool, participant, program, items, true, withReads);
        return drafts + 2;
    }

    /** Paced: waits until this worker's next transaction is due (none when not paced), on the raters' schedule. */
    private static void pace(Schedule due) {
        if (due != null) {
            due.await(() -> false);
        }
    }

    /**
     * One request's transaction as the store runs it: find the form by key (inserting it when it is not there yet), then
     * for a draft or submit (answers &gt;= 0) lock it and replace its answers.
     */
    private long request(BlockingQueue<Connection> pool, long participant, String program, int answers, boolean submit,
            boolean withReads) throws Exception {
        Connection c = pool.take();
        try {
            long id = withReads ? readContext(c, participant, program) : formByKey(c, participant, program);
            if (id < 0) {
                // the program's first form pins the enrolment's version (in the store: before the form is inserted)
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE enrolment SET instrument_version = ? WHERE id = ? AND instrument_version IS NULL")) {
                    ps.setString(1, "1.0.0");
                    ps.setLong(2, enrolmentId(participant, program));
                    ps.executeUpdate();
                }
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO form (cycle_id, participant_id, rater_role, part,"
                        + " program_code, instrument_version, status, revision, source, started_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ?)")) {
                    bindKey(ps, participant, program);
                    ps.setString(6, "1.0.0");
                    ps.setString(7, "WEB");
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    ps.executeUpdate();
                }
                id = formByKey(c, participant, program);
            }
            if (answers >= 0) {
                replaceOn(c, id, answers, submit);
            }
            c.commit();
            return id;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
        }
    }

    private long formByKey(Connection c, long participant, String program) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM form WHERE cycle_id = ? AND participant_id = ? AND rater_role = ?"
                + " AND part = ? AND program_code = ?")) {
            bindKey(ps, participant, program);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong("id") : -1;
            }
        }
    }

    /** Parameters 1-5: a form's key (cycle, participant, the rater DIRI, Part 2, program). */
    private void bindKey(PreparedStatement ps, long participant, String program) throws SQLException {
        ps.setLong(1, cycleId);
        ps.setLong(2, participant);
        ps.setString(3, "DIRI");
        ps.setInt(4, 2);
        ps.setString(5, program);
    }

    private String readTokenHash;

    /** A real link of the load test's cycle, for the server's reads in the with-reads run. */
    private void pickReadTarget() throws Exception {
        if (readTokenHash != null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token_hash FROM evkin.access_link WHERE cycle_id = " + cycleId + " LIMIT 1")) {
            rs.next();
            readTokenHash = rs.getString(1);
        }
    }

    /**
     * The read every rater request of the server starts with: a copy of LinkStoreComponent's context query with the form
     * joined (store-internal, so not reachable from here), the schema named, and the form looked up in the scratch schema
     * by this run's key instead of the link's; keep the two in step when the store's query changes.
     */
    private static final String CONTEXT = """
            SELECT l.token_hash, l.short_code, l.cycle_id, l.participant_id, l.role, l.created_at, l.expires_at, l.revoked_at,
                   p.identity_key, p.nip, p.email, p.name, p.phone, p.kind, p.level, p.institution, p.province, p.district,
                   p.work_location, p.identity_confirmed_at,
                   c.name AS cycle_name, c.created_at AS cycle_created_at, c.created_by AS cycle_created_by,
                   e.id AS enrolment_id, e.training_score, e.eligible, e.ineligible_reason, e.instrument_version,
                   b.status, b.period_start, b.period_end, b.extended_until,
                   f.id AS f_id, f.cycle_id AS f_cycle_id, f.participant_id AS f_participant_id, f.rater_role AS f_rater_role,
                   f.part AS f_part, f.program_code AS f_program_code, f.instrument_version AS f_instrument_version,
                   f.status AS f_status, f.revision AS f_revision, f.scope AS f_scope, f.source AS f_source,
                   f.started_at AS f_started_at, f.updated_at AS f_updated_at, f.submitted_at AS f_submitted_at
            FROM evkin.access_link l
            JOIN evkin.participant p ON p.id = l.participant_id
            JOIN evkin.cycle c ON c.id = l.cycle_id
            LEFT JOIN evkin.enrolment e ON e.cycle_id = l.cycle_id AND e.participant_id = l.participant_id AND e.program_code = ?
            LEFT JOIN evkin.battery b ON b.cycle_id = l.cycle_id AND b.program_code = ?
            LEFT JOIN form f ON f.cycle_id = ? AND f.participant_id = ? AND f.rater_role = ? AND f.part = ? AND f.program_code = ?
            WHERE l.token_hash = ?""";

    /** The server's read; returns the form's id as formByKey does (-1 when there is none yet). */
    private long readContext(Connection c, long participant, String program) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONTEXT)) {
            ps.setString(1, program);
            ps.setString(2, program);
            ps.setLong(3, cycleId);
            ps.setLong(4, participant);
            ps.setString(5, "DIRI");
            ps.setInt(6, 2);
            ps.setString(7, program);
            ps.setString(8, readTokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the link read by the with-reads run is gone");
                }
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    rs.getObject(i);
                }
                long id = rs.getLong("f_id");
                return rs.wasNull() ? -1 : id;
            }
        }
    }

    /** The statements of saveDraft / submit: lock, delete, insert, update (not committed here). */
    private static void replaceOn(Connection c, long formId, int answers, boolean submit) throws Exception {
        {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM form WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, formId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM answer WHERE form_id = ?")) {
                ps.setLong(1, formId);
                ps.executeUpdate();
            }
            if (answers > 0) {
                StringBuilder sql = new StringBuilder("INSERT INTO answer (form_id, item_code, value) VALUES ");
                for (int i = 0; i < answers; i++) {
                    sql.append(i == 0 ? "(?, ?, ?)" : ",(?, ?, ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    for (int i = 0; i < answers; i++) {
                        ps.setLong(3 * i + 1, formId);
                        ps.setString(3 * i + 2, String.format("ITEM-AMU-%02d-%02d", i / 3, i % 3 + 1));
                        ps.setInt(3 * i + 3, 1 + r.nextInt(4));
                    }
                    ps.executeUpdate();
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            String update = submit
                    ? "UPDATE form SET status = 'SUBMITTED', revision = revision + 1, scope = ?, updated_at = ?, submitted_at = ?"
                            + " WHERE id = ? AND status = 'DRAFT'"
                    : "UPDATE form SET revision = revision + 1, scope = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'";
            try (PreparedStatement ps = c.prepareStatement(update)) {
                int i = 1;
                ps.setString(i++, null);
                ps.setTimestamp(i++, now);
                if (submit) {
                    ps.setTimestamp(i++, now);
                }
                ps.setLong(i, formId);
                ps.executeUpdate();
            }
        }
    }
}
