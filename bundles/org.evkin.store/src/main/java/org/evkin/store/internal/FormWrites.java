package org.evkin.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.evkin.store.FormContent;
import org.evkin.store.FormRecord;

/**
 * The statements of every autosave and submit (and of a responses import): lock a form, replace its content, mark it
 * saved or submitted. Written by hand on the session's connection, in its transaction: MyBatis built the multi-row insert
 * through OGNL for every item of every autosave, a share of the server's CPU the load test could see. Statements get the
 * session's default timeout, as MyBatis gives its own.
 */
final class FormWrites {

    private static final String LOCK = "SELECT " + FormRows.COLUMNS + " FROM form WHERE id = ? FOR UPDATE";
    private static final String DELETE_ANSWERS = "DELETE FROM answer WHERE form_id = ?";
    private static final String DELETE_TICKS = "DELETE FROM task_tick WHERE form_id = ?";
    private static final String TOUCH_DRAFT = "UPDATE form SET revision = revision + 1, scope = ?, updated_at = ?"
            + " WHERE id = ? AND status = 'DRAFT'";
    private static final String MARK_SUBMITTED = "UPDATE form SET status = 'SUBMITTED', revision = revision + 1, scope = ?,"
            + " updated_at = ?, submitted_at = ? WHERE id = ? AND status = 'DRAFT'";

    private FormWrites() {
    }

    /** The form with that id, locked until the transaction ends; null when there is none. */
    static FormRecord lock(SqlSession s, long formId) {
        try (PreparedStatement ps = prepare(s, LOCK)) {
            ps.setLong(1, formId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? FormRows.read(rs, 1) : null;
            }
        } catch (SQLException e) {
            throw failed("locking form " + formId, e);
        }
    }

    /** Replaces a form's content: a Part-2 form holds answers only, a Part-1 form ticks only. */
    static void replace(SqlSession s, FormRecord form, FormContent content) {
        long formId = form.id();
        try {
            try (PreparedStatement ps = prepare(s, form.part() == 2 ? DELETE_ANSWERS : DELETE_TICKS)) {
                ps.setLong(1, formId);
                ps.executeUpdate();
            }
            if (!content.answers().isEmpty()) {
                try (PreparedStatement ps = prepare(s, rows("INSERT INTO answer (form_id, item_code, value) VALUES ", "(?, ?, ?)",
                        content.answers().size()))) {
                    int i = 1;
                    for (Map.Entry<String, Integer> a : content.answers().entrySet()) {
                        ps.setLong(i++, formId);
                        ps.setString(i++, a.getKey());
                        if (a.getValue() == null) {
                            ps.setNull(i++, Types.INTEGER);
                        } else {
                            ps.setInt(i++, a.getValue());
                        }
                    }
                    ps.executeUpdate();
                }
            }
            if (!content.ticks().isEmpty()) {
                try (PreparedStatement ps = prepare(s, rows("INSERT INTO task_tick (form_id, task_code) VALUES ", "(?, ?)",
                        content.ticks().size()))) {
                    int i = 1;
                    for (String t : content.ticks()) {
                        ps.setLong(i++, formId);
                        ps.setString(i++, t);
                    }
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failed("replacing the content of form " + formId, e);
        }
    }

    /** A draft saved: the revision counts up; false when the form is no longer a draft. */
    static boolean touchDraft(SqlSession s, long formId, String scope, Instant at) {
        try (PreparedStatement ps = prepare(s, TOUCH_DRAFT)) {
            ps.setString(1, scope);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setLong(3, formId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("saving a draft of form " + formId, e);
        }
    }

    /** Submitted: final from now on; false when it already was. */
    static boolean markSubmitted(SqlSession s, long formId, String scope, Instant at) {
        try (PreparedStatement ps = prepare(s, MARK_SUBMITTED)) {
            Timestamp t = Timestamp.from(at);
            ps.setString(1, scope);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            ps.setLong(4, formId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("submitting form " + formId, e);
        }
    }

    /** A multi-row INSERT: head, then n times the row placeholder, comma-separated. */
    static String rows(String head, String row, int n) {
        StringBuilder sql = new StringBuilder(head.length() + n * (row.length() + 1));
        sql.append(head);
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ",").append(row);
        }
        return sql.toString();
    }

    /** A statement on the session's connection, with the session's default timeout (also for the store's hand-mapped reads). */
    static PreparedStatement prepare(SqlSession s, String sql) throws SQLException {
        Connection c = s.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        Integer timeout = s.getConfiguration().getDefaultStatementTimeout();
        if (timeout != null) {
            ps.setQueryTimeout(timeout);
        }
        return ps;
    }

    static PersistenceException failed(String what, SQLException e) {
        return new PersistenceException(what + ": " + e.getMessage(), e);
    }
}
