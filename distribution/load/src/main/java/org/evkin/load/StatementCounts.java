package org.evkin.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MariaDB's global statement counters (SHOW GLOBAL STATUS), read before and after a measured window: what the server
 * sent the database per submission next to what the JDBC limit sends per form shows where the database's extra CPU
 * goes. The snapshot itself is one more statement, counted in "Questions"; that is noise at thousands per second.
 */
final class StatementCounts {

    /** The counters worth comparing, in the order they are reported. */
    static final String[] NAMES = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
            "Com_rollback", "Com_set_option", "Com_admin_commands", "Com_stmt_prepare", "Com_stmt_execute", "Com_stmt_close",
            "Handler_read_key", "Handler_read_next", "Handler_write", "Innodb_rows_read", "Bytes_received", "Bytes_sent",
            "Innodb_log_writes", "Innodb_os_log_fsyncs", "Innodb_data_fsyncs", "Innodb_buffer_pool_reads",
            "Innodb_buffer_pool_wait_free", "Innodb_buffer_pool_pages_flushed", "Innodb_log_waits"};

    private final Map<String, Long> values;

    private StatementCounts(Map<String, Long> values) {
        this.values = values;
    }

    /** The counters now; empty (every difference 0) when they cannot be read, which is reported, never fatal. */
    static StatementCounts read(String jdbcUrl) {
        Map<String, Long> v = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                v.put(rs.getString(1), parse(rs.getString(2)));
            }
        } catch (Exception e) {
            System.out.println("[load] MariaDB's statement counters not read: " + e.getMessage());
        }
        return new StatementCounts(v);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** (later - this) / per for each counter, rounded to one decimal. */
    Map<String, Double> perUnit(StatementCounts later, long per) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String n : NAMES) {
            long d = later.values.getOrDefault(n, 0L) - values.getOrDefault(n, 0L);
            out.put(n, Math.round(10.0 * d / Math.max(1, per)) / 10.0);
        }
        return out;
    }
}
