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

    /** The number of leading label columns (TEXT before the first other column). */
    static int labels(ReportTable table) {
        int n = 0;
        while (n < table.columns().size() && table.columns().get(n).kind() == Kind.TEXT) {
            n++;
        }
        return n;
    }

    /** A row's label in the long CSV. */
    static String label(List<Object> row, int labels) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            if (row.get(i) != null && !row.get(i).toString().isBlank()) {
                parts.add(row.get(i).toString());
            }
        }
        return String.join(" / ", parts);
    }

    /** "Tabel 3.4", "Gambar 3.1". */
    static String sheetName(String id) {
        return id.startsWith("G") ? "Gambar " + id.substring(1) : "Tabel " + id;
    }
}
