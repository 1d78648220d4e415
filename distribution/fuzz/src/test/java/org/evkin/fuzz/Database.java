package org.evkin.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables a request can change, read over JDBC from the embedded MariaDB: a cheap checksum after every request
 * (CHECKSUM TABLE), and full snapshots to tell which rows changed when it moved.
 */
final class Database implements AutoCloseable {

    /** Table → its primary key columns. */
    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("participant", List.of("id"));
        TABLES.put("enrolment", List.of("id"));
        TABLES.put("form", List.of("id"));
        TABLES.put("answer", List.of("form_id", "item_code"));
        TABLES.put("task_tick", List.of("form_id", "task_code"));
        TABLES.put("rater", List.of("id"));
        TABLES.put("account", List.of("id"));
        TABLES.put("cycle", List.of("id"));
        TABLES.put("battery", List.of("cycle_id", "program_code"));
        TABLES.put("instrument_version", List.of("code", "version"));
        TABLES.put("instrument_schedule", List.of("code"));
        TABLES.put("access_link", List.of("token_hash"));
        TABLES.put("reminder", List.of("cycle_id", "participant_id", "role"));
    }

    /** Whose a row is: cycle, participant, rater role (-1 / null where the table has none), or a program code. */
    record Owner(long cycle, long participant, String role, String code) {
        boolean is(long c, long p, String r) {
            return cycle == c && participant == p && Objects.equals(role, r);
        }
    }

    /** Every row of every table, keyed by its primary key ("1", "17|BISINDO-AP-05-01"). */
    record Snapshot(Map<String, Map<String, Map<String, String>>> tables) {
        Map<String, Map<String, String>> rows(String table) {
            return tables.getOrDefault(table, Map.of());
        }

        int size() {
            return tables.values().stream().mapToInt(Map::size).sum();
        }
    }

    /** One row added, removed or changed. */
    record Change(String table, String key, Map<String, String> before, Map<String, String> after) {
        boolean added() {
            return before == null;
        }

        boolean removed() {
            return after == null;
        }

        Set<String> changedColumns() {
            Set<String> s = new HashSet<>();
            if (before == null || after == null) {
                s.addAll((before == null ? after : before).keySet());
                return s;
            }
            for (String c : after.keySet()) {
                if (!Objects.equals(before.get(c), after.get(c))) {
                    s.add(c);
                }
            }
            return s;
        }

        Owner owner(Snapshot b, Snapshot a) {
            Map<String, String> row = after != null ? after : before;
            switch (table) {
                case "answer", "task_tick" -> {
                    String form = row.get("form_id");
                    Map<String, String> f = a.rows("form").getOrDefault(form, b.rows("form").get(form));
                    return f == null ? new Owner(-1, -1, null, null) : new Owner(num(f.get("cycle_id")), num(f.get("participant_id")),
                            f.get("rater_role"), f.get("program_code"));
                }
                case "participant" -> {
                    return new Owner(-1, num(row.get("id")), null, null);
                }
                case "cycle" -> {
                    return new Owner(num(row.get("id")), -1, null, null);
                }
                case "instrument_version", "instrument_schedule" -> {
                    return new Owner(-1, -1, null, row.get("code"));
                }
                default -> {
                    String role = row.containsKey("rater_role") ? row.get("rater_role") : row.get("role");
                    return new Owner(num(row.get("cycle_id")), num(row.get("participant_id")), role, row.get("program_code"));
                }
            }
        }

        @Override
        public String toString() {
            if (before == null) {
                return table + " " + key + " added: " + brief(after);
            }
            if (after == null) {
                return table + " " + key + " removed: " + brief(before);
            }
            StringBuilder b = new StringBuilder(table + " " + key + " changed:");
            for (String c : changedColumns()) {
                b.append(' ').append(c).append(" '").append(Text.cut(before.get(c), 60)).append("' → '").append(Text.cut(after.get(c), 60))
                        .append('\'');
            }
            return b.toString();
        }

        private static String brief(Map<String, String> row) {
            StringBuilder b = new StringBuilder("{");
            row.forEach((k, v) -> {
                if (!k.equals("password_hash") && !k.equals("definition")) {
                    b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(Text.cut(v, 40));
                }
            });
            return b.append('}').toString();
        }
    }

    private final Connection connection;

    Database(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Table → checksum of its content (MariaDB computes it row by row; these tables are small). */
    Map<String, Long> checksums() throws SQLException {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE " + String.join(", ",
                TABLES.keySet()) + " EXTENDED")) {
            while (rs.next()) {
                String table = rs.getString(1);
                sums.put(table.substring(table.lastIndexOf('.') + 1), rs.getLong(2));
            }
        }
        return sums;
    }

    Snapshot snapshot() throws SQLException {
        Map<String, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
                Map<String, Map<String, String>> rows = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.getKey() + " ORDER BY " + String.join(", ", t.getValue()))) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnLabel(i).toLowerCase(), rs.getString(i));
                        }
                        List<String> key = new ArrayList<>();
                        t.getValue().forEach(k -> key.add(row.get(k)));
                        rows.put(String.join("|", key), row);
                    }
                }
                tables.put(t.getKey(), rows);
            }
        }
        return new Snapshot(tables);
    }

    static List<Change> diff(Snapshot before, Snapshot after) {
        List<Change> changes = new ArrayList<>();
        for (String table : TABLES.keySet()) {
            Map<String, Map<String, String>> b = before.rows(table);
            Map<String, Map<String, String>> a = after.rows(table);
            for (Map.Entry<String, Map<String, String>> e : a.entrySet()) {
                Map<String, String> old = b.get(e.getKey());
                if (old == null || !old.equals(e.getValue())) {
                    changes.add(new Change(table, e.getKey(), old, e.getValue()));
                }
            }
            for (Map.Entry<String, Map<String, String>> e : b.entrySet()) {
                if (!a.containsKey(e.getKey())) {
                    changes.add(new Change(table, e.getKey(), e.getValue(), null));
                }
            }
        }
        return changes;
    }

    static long num(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
