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
}
