package org.evkin.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One table of the national report. Cells by column kind: TEXT a String, COUNT an Integer, MEAN a BigDecimal with 2
 * decimals or null ("-": nobody to average), PERCENT a whole Integer or null (empty: nothing to count there).
 * total is the TOTAL row (null when the table has none), typed like the rows: its label "TOTAL" (or "KESIMPULAN") sits
 * in the first TEXT column, a COUNT column "no" before it is null.
 */
public record ReportTable(String id, String title, String note, List<Column> columns, List<List<Object>> rows,
        List<Object> total) {

    public ReportTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        total = total == null ? null : Collections.unmodifiableList(new ArrayList<>(total));
    }

    /** A column: a stable key (e.g. "AHLI_MUDA", "enrolled"), its Indonesian label and the kind of its cells. */
    public record Column(String key, String label, Kind kind) {
    }

    /** What a column holds. */
    public enum Kind { TEXT, COUNT, MEAN, PERCENT }

    /** The index of the column with this key. */
    public int column(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + id + " has no column " + key);
    }
}
