package org.evkin.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * for the raters' requests, in the same transactions, into the same MariaDB: for each form the openForm transaction
 * of opening it (INSERT IGNORE form + SELECT by key), then per draft the openForm transaction again and the saveDraft
 * one (SELECT ... FOR UPDATE; DELETE answer; DELETE task_tick; one multi-row INSERT answer; UPDATE form), and for the
 * submit the openForm transaction and the submit one (the same with markSubmitted) — READ COMMITTED, autocommit off,
 * a commit per transaction, like the store's pool. None of the reads around them (link, participant, cycle,
 * enrolments, battery, the form's content read back for the answer) are done here: this is the ceiling of the writes.
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
     * With storePattern, each request is done as the store does it today (seen in MariaDB's general log): every store
     * call its own transaction on a connection taken from the pool, COMMIT even after reads, then "set autocommit=1"
     * (MyBatis resetting the connection on close) and "set autocommit=0" (Hikari resetting it on return); and the reads
     * of the request besides the writes (link, participant, cycle, enrolments, battery; the form and its content read
     * back for the answer). Same forms, same writes: the ceiling of the store's current way of talking to MariaDB.
     */
    public Result run(int threads, int connections, double seconds, int participants, boolean storePattern) throws Exception {
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
                        transactions.addAndGet(storePattern ? storeForm(pool, participant, program, n % programs.size() == 0)
                                : writeForm(pool, participant, program));
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

    /** One rater's form: open, drafts, submit; returns the number of transactions. */
    private int writeForm(BlockingQueue<Connection> pool, long participant, String program) throws Exception {
        int items = itemsPerProgram.get(program);
        long formId = openForm(pool, participant, program);
        int tx = 1;
        for (int d = 1; d <= drafts; d++) {
            openForm(pool, participant, program);
            replace(pool, formId, items * d / (drafts + 1), false);
            tx += 2;
        }
        openForm(pool, participant, program);
        replace(pool, formId, items, true);
        return tx + 2;
    }

    /** A statement of the store pattern: SQL and its parameters. */
    private record Sql(String sql, Object... args) {
    }

    private long readParticipant;
    private String readTokenHash;

    /** A real link and participant of the load test's cycle, for the reads of the store pattern. */
    private void pickReadTargets() throws Exception {
        if (readTokenHash != null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token_hash, participant_id FROM evkin.access_link WHERE cycle_id = " + cycleId + " LIMIT 1")) {
            rs.next();
            readTokenHash = rs.getString(1);
            readParticipant = rs.getLong(2);
        }
    }

    /** One transaction as Sessions.inTransaction runs it: the statements, COMMIT, then the two autocommit resets. */
    private long storeTx(BlockingQueue<Connection> pool, Sql... statements) throws Exception {
        Connection c = pool.take();
        long id = 0;
        try {
            for (Sql q : statements) {
                try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                    for (int i = 0; i < q.args().length; i++) {
                        ps.setObject(i + 1, q.args()[i]);
                    }
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                if (q.sql().startsWith("SELECT * FROM form WHERE cycle_id")) {
                                    id = rs.getLong("id");
                                }
                            }
                        }
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            c.setAutoCommit(false);
            return id;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
        }
    }

    /** The reads every link request starts with (FormComponent.resolve and shape): 5 transactions. */
    private void resolve(BlockingQueue<Connection> pool, String program) throws Exception {
        storeTx(pool, new Sql("SELECT * FROM evkin.access_link WHERE token_hash = ?", readTokenHash));
        storeTx(pool, new Sql("SELECT * FROM evkin.participant WHERE id = ?", readParticipant));
        storeTx(pool, new Sql("SELECT * FROM evkin.cycle WHERE id = ?", cycleId));
        if (program != null) {
            storeTx(pool, new Sql("SELECT * FROM evkin.enrolment WHERE cycle_id = ? AND participant_id = ? ORDER BY program_code",
                    cycleId, readParticipant));
            storeTx(pool, new Sql("SELECT * FROM evkin.battery WHERE cycle_id = ? AND program_code = ?", cycleId, program));
        }
    }

    private long storeOpenForm(BlockingQueue<Connection> pool, long participant, String program) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        return storeTx(pool, new Sql("INSERT IGNORE INTO form (cycle_id, participant_id, rater_role, part, program_code, instrument_version,"
                + " status, revision, source, started_at, updated_at) VALUES (?, ?, 'DIRI', 2, ?, '1.0.0', 'DRAFT', 0, 'WEB', ?, ?)",
                cycleId, participant, program, now, now), new Sql("SELECT * FROM form WHERE cycle_id = ? AND participant_id = ?"
                + " AND rater_role = 'DIRI' AND part = 2 AND program_code = ?", cycleId, participant, program));
    }

    private void storeReadBack(BlockingQueue<Connection> pool, long formId, boolean formToo) throws Exception {
        if (formToo) {
            storeTx(pool, new Sql("SELECT * FROM form WHERE id = ?", formId));
        }
        storeTx(pool, new Sql("SELECT item_code, value FROM answer WHERE form_id = ? ORDER BY item_code", formId),
                new Sql("SELECT * FROM form WHERE id = ?", formId),
                new Sql("SELECT task_code FROM task_tick WHERE form_id = ? ORDER BY task_code", formId));
    }

    /** One rater's form as the server does it today: (the link opened), the form opened, drafts, submit. */
    private int storeForm(BlockingQueue<Connection> pool, long participant, String program, boolean openLink) throws Exception {
        pickReadTargets();
        int tx = 0;
        if (openLink) {
            // GET /api/t/{token}: resolve, then batteries, forms, enrolments and the two named raters
            resolve(pool, null);
            storeTx(pool, new Sql("SELECT * FROM evkin.battery WHERE cycle_id = ? ORDER BY program_code", cycleId));
            storeTx(pool, new Sql("SELECT * FROM form WHERE cycle_id = ? AND participant_id = ? ORDER BY part, program_code, rater_role",
                    cycleId, participant));
            storeTx(pool, new Sql("SELECT * FROM evkin.enrolment WHERE cycle_id = ? AND participant_id = ? ORDER BY program_code",
                    cycleId, readParticipant));
            for (String role : List.of("ATASAN", "REKAN")) {
                storeTx(pool, new Sql("SELECT * FROM evkin.rater WHERE cycle_id = ? AND participant_id = ? AND role = ?", cycleId,
                        readParticipant, role));
            }
            tx += 8;
        }
        // GET part2: resolve and shape, open, content
        resolve(pool, program);
        long formId = storeOpenForm(pool, participant, program);
        storeReadBack(pool, formId, false);
        tx += 7;
        int items = itemsPerProgram.get(program);
        for (int d = 1; d <= drafts + 1; d++) {
            boolean submit = d > drafts;
            resolve(pool, program);
            storeOpenForm(pool, participant, program);
            Connection c = pool.take();
            try {
                replaceOn(c, formId, submit ? items : items * d / (drafts + 1), submit);
                c.commit();
                c.setAutoCommit(true);
                c.setAutoCommit(false);
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                pool.add(c);
            }
            storeReadBack(pool, formId, true);
            tx += 9;
        }
        return tx;
    }

    private long openForm(BlockingQueue<Connection> pool, long participant, String program) throws Exception {
        Connection c = pool.take();
        try {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO form (cycle_id, participant_id, rater_role, part, program_code,"
                    + " instrument_version, status, revision, source, started_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ?)")) {
                ps.setLong(1, cycleId);
                ps.setLong(2, participant);
                ps.setString(3, "DIRI");
                ps.setInt(4, 2);
                ps.setString(5, program);
                ps.setString(6, "1.0.0");
                ps.setString(7, "WEB");
                ps.setTimestamp(8, now);
                ps.setTimestamp(9, now);
                ps.executeUpdate();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM form WHERE cycle_id = ? AND participant_id = ? AND rater_role = ?"
                    + " AND part = ? AND program_code = ?")) {
                ps.setLong(1, cycleId);
                ps.setLong(2, participant);
                ps.setString(3, "DIRI");
                ps.setInt(4, 2);
                ps.setString(5, program);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong("id");
                }
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

    /** The store's saveDraft / submit transaction. */
    private void replace(BlockingQueue<Connection> pool, long formId, int answers, boolean submit) throws Exception {
        Connection c = pool.take();
        try {
            replaceOn(c, formId, answers, submit);
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            pool.add(c);
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
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM task_tick WHERE form_id = ?")) {
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
