package org.evkin.report.sheet.internal;

import java.util.List;

import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;

/** What the spreadsheets read from a report table beyond its cells: caption, row labels, the total's label; and the
 * check that the cells fit their columns, done before anything is written. */
final class Tables {

    private Tables() {
    }

    /** "Tabel 3.4" for table 3.4, "Gambar 3.1" for G3.1. */
    static String caption(String id, Texts texts) {
        if (id.length() > 1 && id.charAt(0) == 'G' && Character.isDigit(id.charAt(1))) {
            return texts.format("sheet.figure", id.substring(1));
        }
        return texts.format("sheet.table", id);
    }

    /** The title as shown above a table: its caption and title ("Tabel 3.4 Rata-rata …"), once. */
    static String heading(ReportTable table, Texts texts) {
        String caption = caption(table.id(), texts);
        String title = table.title() == null ? "" : table.title().strip();
        if (title.isEmpty()) {
            return caption;
        }
        return title.regionMatches(true, 0, caption, 0, caption.length()) ? title : caption + " " + title;
    }

    /**
     * The columns whose cells label a row in the long CSV: the leading TEXT columns, after a leading number column
     * (a COUNT keyed "no", which stays a value), but never every column (a table of text only keeps its last column
     * as a value). Returned as {first, end}.
     */
    static int[] labelColumns(List<Column> columns) {
        int first = !columns.isEmpty() && columns.get(0).kind() == Kind.COUNT
                && "no".equalsIgnoreCase(columns.get(0).key()) ? 1 : 0;
        int end = first;
        while (end < columns.size() && columns.get(end).kind() == Kind.TEXT) {
            end++;
        }
        if (end == columns.size() && end > first) {
            end--;
        }
        return new int[] {first, end};
    }

    /** Whether column c is one of the label columns. */
    static boolean isLabel(int[] labels, int c) {
        return c >= labels[0] && c < labels[1];
    }

    /** A row's label: its non-empty label cells joined with " / ". */
    static String rowLabel(List<Object> row, int[] labels, Texts texts) {
        StringBuilder label = new StringBuilder();
        for (int i = labels[0]; i < labels[1]; i++) {
            Object cell = row.get(i);
            if (cell != null && !cell.toString().isBlank()) {
                if (label.length() > 0) {
                    label.append(texts.text("row.label.separator"));
                }
                label.append(cell);
            }
        }
        return label.toString();
    }

    /** The total row's label: its own label cells if any, else "TOTAL". */
    static String totalLabel(List<Object> total, int[] labels, Texts texts) {
        String label = rowLabel(total, labels, texts);
        return label.isEmpty() ? texts.text("row.total") : label;
    }

    /**
     * Where the total row needs the word TOTAL: its first TEXT column when the model left every TEXT cell of the total
     * empty (the report puts "TOTAL" or "KESIMPULAN" there itself); -1 when it needs none.
     */
    static int totalLabelColumn(ReportTable table) {
        int first = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).kind() == Kind.TEXT) {
                Object cell = table.total().get(c);
                if (cell != null && !cell.toString().isBlank()) {
                    return -1;
                }
                if (first < 0) {
                    first = c;
                }
            }
        }
        return first;
    }

    /**
     * Checks that every row (and the total) has one cell per column, each of its column's kind: TEXT a String, COUNT
     * and PERCENT whole numbers, MEAN a number; any may be null.
     *
     * @throws IllegalArgumentException naming the table, row and column of the first misfit
     */
    static void check(ReportTable table) {
        if (table.id() == null || table.id().isBlank()) {
            throw new IllegalArgumentException("a report table has no id");
        }
        if (table.columns().isEmpty()) {
            throw new IllegalArgumentException("table " + table.id() + " has no columns");
        }
        for (Column column : table.columns()) {
            if (column == null || column.kind() == null) {
                throw new IllegalArgumentException("table " + table.id() + " has a column without a kind");
            }
        }
        for (int r = 0; r < table.rows().size(); r++) {
            checkRow(table, table.rows().get(r), "row " + (r + 1));
        }
        if (table.total() != null) {
            checkRow(table, table.total(), "total");
        }
    }

    private static void checkRow(ReportTable table, List<Object> row, String where) {
        List<Column> columns = table.columns();
        if (row == null || row.size() != columns.size()) {
            throw new IllegalArgumentException("table " + table.id() + " " + where + ": "
                    + (row == null ? "no cells" : row.size() + " cells") + " for " + columns.size() + " columns");
        }
        for (int c = 0; c < columns.size(); c++) {
            Object cell = row.get(c);
            Kind kind = columns.get(c).kind();
            boolean fits = cell == null || switch (kind) {
                case TEXT -> cell instanceof String;
                case MEAN -> Cells.isNumber(cell);
                case COUNT, PERCENT -> Cells.isNumber(cell) && Cells.isWhole(cell);
            };
            if (!fits) {
                throw new IllegalArgumentException("table " + table.id() + " " + where + " column "
                        + columns.get(c).key() + ": a " + kind + " cell cannot hold " + cell.getClass().getSimpleName()
                        + " " + cell);
            }
        }
    }
}
