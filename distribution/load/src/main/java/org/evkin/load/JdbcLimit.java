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
 * The raw limit: plain JDBC (MariaDB Connector/J, the store's driver and URL) doing exactly the writes the store does
 * for the raters' requests, in the same transactions, into the same MariaDB. The server runs each rater request in one
 * transaction (Transactions.inOne), so per form: opening it (SELECT by key; as it is not there yet INSERT IGNORE form +
 * SELECT by key; COMMIT), each draft (SELECT by key; SELECT ... FOR UPDATE; DELETE answer; one multi-row INSERT answer;
 * UPDATE form; COMMIT) and the submit (the same with markSubmitted) — READ COMMITTED, autocommit off, like the store's
 * pool. None of the reads around them (the link with its participant, cycle, enrolment and battery) are done here:
 * this is the ceiling of the writes.
 *
 * <p>The rows go into a scratch schema (evkin_load_limit) with copies of form, answer and task_tick (with their keys
 * and foreign keys) and of the cycle and participant they refer to, so the product's tables stay untouched.
 */
public final class JdbcLimit {

    public static final String SCHEMA = "evkin_load_limit";

    public record Result(int threads, int connections, double seconds, long forms, long transactions, double formsPerSecond,
            double transactionsPerSecond, double p50FormMillis, double p99FormMillis) {
    }

    private final String url;
    private final long cycleId;
    private final Map<String, Integer> itemsPerProgram;
    private final int drafts;

    /** url: the store's JDBC URL without a database (user root); cycleId: the load test's cycle. */
    public JdbcLimit(String url, long cycleId, Map<String, Integer> itemsPerProgram, int drafts) {
        this.url = url;
        this.cycleId = cycleId;
        this.itemsPerProgram = itemsPerProgram;
        this.drafts = drafts;
    }

    private Connection connect() throws Exception {
        Connection c = DriverManager.getConnection(url.replace("/evkin?", "/" + SCHEMA + "?"));
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** (Re)creates the scratch schema: the form tables as in the product, with participants to write forms for. */
    public void prepare(int participants) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String table : List.of("cycle", "participant", "form", "answer", "task_tick")) {
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
        }
    }

    public void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    /** threads workers sharing `connections` connections for `seconds`; each worker writes whole forms. */
    public Result run(int threads, int connections, double seconds, int participants) throws Exception {
        return run(threads, connections, seconds, participants, false);
    }

    /**
     * With withReads, each request's transaction also starts with the read the server does first (the link with its
     * participant, cycle, enrolment and battery, one statement): the same database work as the server's, without HTTP,
     * JSON and the server's own code — it separates the database's share from the rest.
     */
    public Result run(int threads, int connections, double seconds, int participants, boolean withReads) throws Exception {
        if (withReads) {
            pickReadTarget();
        }
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections, true);
        for (int i = 0; i < connections; i++) {
            pool.add(connect());
        }
        List<String> programs = new ArrayList<>(itemsPerProgram.keySet());
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
                try {
                    while (System.nanoTime() < end) {
                        int n = nextForm.getAndIncrement();
                        long participant = 1 + n / programs.size();
                        if (participant > participants) {
                            return;
                        }
                        String program = programs.get(n % programs.size());
                        long f0 = System.nanoTime();
                        transactions.addAndGet(writeForm(pool, participant, program, withReads));
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
    private int writeForm(BlockingQueue<Connection> pool, long participant, String program, boolean withReads) throws Exception {
        int items = itemsPerProgram.get(program);
        request(pool, participant, program, -1, false, withReads);
        for (int d = 1; d <= drafts; d++) {
            request(pool, participant, program, items * d / (drafts + 1), false, withReads);
        }
        request(pool, participant, program, items, true, withReads);
        return drafts + 2;
    }

    /**
     * One request's transaction as the store runs it: find the form by key (inserting it when it is not there yet), then
     * for a draft or submit (answers &gt;= 0) lock it and replace its answers.
     */
    private long request(BlockingQueue<Connection> pool, long participant, String program, int answers, boolean submit,
            boolean withReads) throws Exception {
        Connection c = pool.take();
        try {
            if (withReads) {
                readContext(c, program);
            }
            long id = formByKey(c, participant, program);
            if (id < 0) {
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
     * The read every rater request of the server starts with: a copy of LinkStoreComponent.CONTEXT (store-internal, so
     * not reachable from here) with the schema named; keep the two in step when the store's query changes.
     */
    private static final String CONTEXT = """
            SELECT l.token_hash, l.short_code, l.cycle_id, l.participant_id, l.role, l.created_at, l.expires_at, l.revoked_at,
                   p.identity_key, p.nip, p.email, p.name, p.phone, p.kind, p.level, p.institution, p.province, p.district,
                   p.work_location, p.identity_confirmed_at,
                   c.name AS cycle_name, c.created_at AS cycle_created_at, c.created_by AS cycle_created_by,
                   e.id AS enrolment_id, e.training_score, e.eligible, e.ineligible_reason, e.instrument_version,
                   b.status, b.period_start, b.period_end, b.extended_until
            FROM evkin.access_link l
            JOIN evkin.participant p ON p.id = l.participant_id
            JOIN evkin.cycle c ON c.id = l.cycle_id
            LEFT JOIN evkin.enrolment e ON e.cycle_id = l.cycle_id AND e.participant_id = l.participant_id AND e.program_code = ?
            LEFT JOIN evkin.battery b ON b.cycle_id = l.cycle_id AND b.program_code = ?
            WHERE l.token_hash = ?""";

    private void readContext(Connection c, String program) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONTEXT)) {
            ps.setString(1, program);
            ps.setString(2, program);
            ps.setString(3, readTokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
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
