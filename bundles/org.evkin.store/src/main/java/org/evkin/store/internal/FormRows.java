package org.evkin.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.evkin.store.FormRecord;

/**
 * A form row mapped by hand, for the statements every rater request runs (MyBatis's "form" result map does the same for
 * the rest): the form table's columns in the order of {@link #COLUMNS}, read by position; timestamps as MyBatis's
 * Instant handler reads them.
 */
final class FormRows {

    private static final String[] NAMES = {"id", "cycle_id", "participant_id", "rater_role", "part", "program_code",
        "instrument_version", "status", "revision", "scope", "source", "started_at", "updated_at", "submitted_at"};

    /** The form table's columns, in the order {@link #read} expects them. */
    static final String COLUMNS = String.join(", ", NAMES);

    /** The same, from the table aliased f, each labelled "f_" + name: for a join that reads a form beside other rows. */
    static final String ALIASED = String.join(", ", java.util.Arrays.stream(NAMES).map(n -> "f." + n + " AS f_" + n).toList());

    private FormRows() {
    }

    /**
     * The form whose columns start at position first (its id) in the current row, or null when that id is NULL (a LEFT
     * JOIN that found none).
     */
    static FormRecord read(ResultSet rs, int first) throws SQLException {
        long id = rs.getLong(first);
        if (rs.wasNull()) {
            return null;
        }
        return new FormRecord(id, rs.getLong(first + 1), rs.getLong(first + 2), rs.getString(first + 3), rs.getInt(first + 4),
                rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7), rs.getInt(first + 8),
                rs.getString(first + 9), rs.getString(first + 10), instant(rs, first + 11), instant(rs, first + 12),
                instant(rs, first + 13));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
