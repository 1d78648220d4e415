package org.evkin.report.sheet.internal;

import java.util.List;

import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;

/** The width of a table's columns in a sheet, from its longest cells. */
final class ColumnWidths {

    private ColumnWidths() {
    }

    /** Column widths in characters: the widest cell (or header word), between 8 and 60. */
    static double[] of(ReportTable table, Texts texts) {
        List<Column> columns = table.columns();
        double[] widths = new double[columns.size()];
        int totalLabel = table.total() == null ? -1 : Tables.totalLabelColumn(table);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            int header = length(column.label());
            int word = 0;
            if (column.label() != null) {
                for (String w : column.label().split("\\s+")) {
                    word = Math.max(word, w.length());
                }
            }
            int wide = Math.max(word, Math.min(header, 20));
            for (List<Object> row : table.rows()) {
                wide = Math.max(wide, cellLength(column, row.get(c)));
            }
            if (table.total() != null) {
                wide = Math.max(wide, cellLength(column, table.total().get(c)));
                if (c == totalLabel) {
                    wide = Math.max(wide, texts.text("row.total").length());
                }
            }
            widths[c] = Math.max(8, Math.min(60, wide + 2));
        }
        return widths;
    }

    private static int cellLength(Column column, Object value) {
        if (value == null) {
            return 1;
        }
        return switch (column.kind()) {
            case TEXT -> longestLine((String) value);
            case COUNT -> Cells.count(value).toString().length();
            case MEAN -> Cells.mean(value).toPlainString().length();
            case PERCENT -> Cells.count(value).toString().length() + 1;
        };
    }

    private static int longestLine(String s) {
        int longest = 0;
        int line = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                longest = Math.max(longest, line);
                line = 0;
            } else {
                line++;
            }
        }
        return Math.max(longest, line);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * How many lines a wrapped text takes in a column of this width (word wrap, a character about a digit wide, a bold
     * character a tenth wider): spreadsheets do not all fit row heights to wrapped text when they open a file, so the
     * writer sets them.
     */
    static int lines(String text, double width, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int capacity = Math.max(1, (int) Math.floor((width - 1.5) / (bold ? 1.1 : 1.0)));
        if (text.length() <= capacity && text.indexOf('\n') < 0) {
            return 1;
        }
        int lines = 0;
        for (String paragraph : text.split("\r?\n", -1)) {
            int line = 0;
            lines++;
            for (String word : paragraph.split(" ", -1)) {
                int w = word.length();
                if (line > 0 && line + 1 + w > capacity) {
                    lines++;
                    line = 0;
                }
                if (line > 0) {
                    line++;
                }
                while (w > capacity) {
                    lines++;
                    w -= capacity;
                }
                line += w;
            }
        }
        return lines;
    }
}
