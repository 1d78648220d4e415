package org.evkin.exchange.internal;

/** Reads the fields of one data row by column name, reporting spreadsheet error cells and values too long. */
final class Fields {

    private final SheetRow row;
    private final Columns columns;
    private final Problems problems;

    Fields(SheetRow row, Columns columns, Problems problems) {
        this.row = row;
        this.columns = columns;
        this.problems = problems;
    }

    /** The fields of a data row, after reporting a value it has outside the named columns. */
    static Fields of(SheetRow row, Columns columns, Problems problems) {
        int stray = columns.strayValue(row);
        if (stray > 0) {
            problems.row(row.number(), null, "row.strayValue", stray);
        }
        return new Fields(row, columns, problems);
    }

    Cell cell(String column) {
        return columns.cell(row, column);
    }

    /** The cleaned text ("" when empty), or null when the cell has a problem (reported). */
    String text(String column) {
        Cell cell = cell(column);
        if (cell.kind() == Cell.Kind.ERROR) {
            problems.cell(row.number(), column, "cell.error", Text.shown(cell.text()));
            return null;
        }
        String text = Text.clean(cell.text());
        if (text.length() > Values.MAX_LENGTH) {
            problems.cell(row.number(), column, "value.tooLong", Values.MAX_LENGTH, text.length());
            return null;
        }
        return text;
    }

    /** The cleaned, non-empty text, or null when empty or with a problem (reported). */
    String required(String column) {
        String text = text(column);
        if (text != null && text.isEmpty()) {
            problems.cell(row.number(), column, "value.required");
            return null;
        }
        return text;
    }
}
