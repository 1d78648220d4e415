package org.evkin.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.evkin.store.FormRecord;

/**
 * A form row mapped by hand, for the statements every rater request runs (MyBatis's "form" result map does the same for
 * the rest). Columns are read as {@code prefix + name}; timestamps as MyBatis's Instant handler reads them.
 */
final class FormRows {

    /** The form table's columns aliased with "f_", for a join that reads a form beside other rows. */
    static final String ALIASED = "f.id AS f_id, f.cycle_id AS f_cycle_id, f.participant_id AS f_participant_id,"
            + " f.rater_role AS f_rater_role, f.part AS f_part, f.program_code AS f_program_code,"
            + " f.instrument_version AS f_instrument_version, f.status AS f_status, f.revision AS f_revision,"
            + " f.scope AS f_scope, f.source AS f_source, f.started_at AS f_started_at, f.updated_at AS f_updated_at,"
            + " f.submitted_at AS f_submitted_at";

    private FormRows() {
    }

    /** The form in the current row, or null when its id column is NULL (a LEFT JOIN that found none). */
    static FormRecord read(ResultSet rs, String prefix) throws SQLException {
        long id = rs.getLong(prefix + "id");
        if (rs.wasNull()) {
            return null;
        }
        return new FormRecord(id, rs.getLong(prefix + "cycle_id"), rs.getLong(prefix + "participant_id"),
                rs.getString(prefix + "rater_role"), rs.getInt(prefix + "part"), rs.getString(prefix + "program_code"),
                rs.getString(prefix + "instrument_version"), rs.getString(prefix + "status"), rs.getInt(prefix + "revision"),
                rs.getString(prefix + "scope"), rs.getString(prefix + "source"), instant(rs, prefix + "started_at"),
                instant(rs, prefix + "updated_at"), instant(rs, prefix + "submitted_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
