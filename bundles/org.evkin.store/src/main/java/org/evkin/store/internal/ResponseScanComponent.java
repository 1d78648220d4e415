package org.evkin.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.evkin.store.ResponseScan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Streams a cycle's submitted answers and ticks with plain JDBC on the session's connection: MyBatis' per-row mapping
 * costs more than the query itself at millions of rows, so these two read-only queries bypass it (the only SQL outside
 * the mapper files, and still inside the store).
 */
@Component(name = "org.evkin.store.responsescan", service = ResponseScan.class)
public class ResponseScanComponent implements ResponseScan {

    static final String FORMS = "SELECT id, participant_id, rater_role, part, program_code, instrument_version, status FROM form"
            + " WHERE cycle_id = ?";
    static final String ANSWERS = "SELECT a.form_id, a.item_code, a.value FROM answer a JOIN form f ON f.id = a.form_id"
            + " WHERE f.cycle_id = ? AND f.part = 2 AND f.status = 'SUBMITTED'";
    static final String TICKS = "SELECT t.form_id, t.task_code FROM task_tick t JOIN form f ON f.id = t.form_id"
            + " WHERE f.cycle_id = ? AND f.part = 1 AND f.status = 'SUBMITTED'";

    private final Sessions sessions;

    @Activate
    public ResponseScanComponent(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public long scanForms(long cycleId, FormSink sink) {
        java.util.Map<String, String> shared = new java.util.HashMap<>();
        return scan(FORMS, cycleId, rs -> sink.form(rs.getLong(1), rs.getLong(2), intern(shared, rs.getString(3)), rs.getInt(4),
                intern(shared, rs.getString(5)), intern(shared, rs.getString(6)), "SUBMITTED".equals(rs.getString(7))));
    }

    /** One String per distinct value: roles, program codes and versions repeat hundreds of thousands of times. */
    static String intern(java.util.Map<String, String> shared, String s) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    @Override
    public long scanAnswers(long cycleId, AnswerSink sink) {
        return scan(ANSWERS, cycleId, rs -> sink.answer(rs.getLong(1), rs.getString(2), rs.getInt(3)));
    }

    @Override
    public long scanTicks(long cycleId, TickSink sink) {
        return scan(TICKS, cycleId, rs -> sink.tick(rs.getLong(1), rs.getString(2)));
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private long scan(String sql, long cycleId, Row row) {
        return sessions.inTransaction(s -> {
            Connection c = s.getConnection();
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(4096);
                ps.setLong(1, cycleId);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                        n++;
                    }
                }
                return n;
            } catch (SQLException e) {
                throw new PersistenceException("Scanning the responses of cycle " + cycleId + " failed: " + e.getMessage(), e);
            }
        }, false);
    }
}
