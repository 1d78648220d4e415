package org.evkin.report.sheet.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Kind;

/** What the tests expect a cell to become, worked out here independently of the writers. */
final class Expected {

    private Expected() {
    }

    /** A text as a CSV must hold it: an apostrophe before = + - @ tab CR. */
    static String guarded(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A cell in the CSV. */
    static String csv(Kind kind, Object value) {
        return switch (kind) {
            case TEXT -> guarded((String) value);
            case COUNT -> value == null ? "" : value.toString();
            case MEAN -> value == null ? "-"
                    : ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
            case PERCENT -> value == null ? "" : value.toString();
        };
    }

    /** The label columns {first, end}: the leading TEXT columns after a leading "no" COUNT column. */
    static int[] labels(ReportTable table) {
        int first = table.columns().get(0).kind() == Kind.COUNT && table.columns().get(0).key().equals("no") ? 1 : 0;
        int end = first;
        while (end < table.columns().size() && table.columns().get(end).kind() == Kind.TEXT) {
            end++;
        }
        return new int[] {first, end == table.columns().size() ? end - 1 : end};
    }

    /** A row's label in the long CSV. */
    static String label(List<Object> row, int[] labels) {
        List<String> parts = new ArrayList<>();
        for (int i = labels[0]; i < labels[1]; i++) {
            if (row.get(i) != null && !row.get(i).toString().isBlank()) {
                parts.add(row.get(i).toString());
            }
        }
        return String.join(" / ", parts);
    }

    /** The column of the total row that shows TOTAL when the model left all its text empty, else -1. */
    static int totalLabelColumn(ReportTable table) {
        int first = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).kind() == Kind.TEXT) {
                if (table.total().get(c) != null) {
                    return -1;
                }
                first = first < 0 ? c : first;
            }
        }
        return first;
    }

    /** "Tabel 3.4", "Gambar 3.1". */
    static String sheetName(String id) {
        return id.startsWith("G") ? "Gambar " + id.substring(1) : "Tabel " + id;
    }
}
