package org.evkin.exchange.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of an import file checked against the expected column names (exactly those, in any order, each once)
 * and the position of each column.
 */
final class Columns {

    private final Map<String, Integer> index;
    private final boolean[] named;

    private Columns(Map<String, Integer> index, boolean[] named) {
        this.index = index;
        this.named = named;
    }

    /**
     * Checks a table against its expected columns, then each data row with {@code check} (null for a row with a
     * problem, reported by it). Null when the header is unusable or there are no rows (reported here).
     */
    static <R> List<R> checkRows(Table table, List<String> expected, Problems problems,
            java.util.function.BiFunction<SheetRow, Columns, R> check) {
        Columns columns = of(table.header(), expected, problems);
        if (columns == null) {
            return null;
        }
        if (table.rows().isEmpty()) {
            problems.file("file.noRows");
            return null;
        }
        List<R> rows = new java.util.ArrayList<>(table.rows().size());
        for (SheetRow row : table.rows()) {
            R checked = check.apply(row, columns);
            if (checked != null) {
                rows.add(checked);
            }
        }
        return rows;
    }

    /** The columns of the header, or null when it has a missing, unknown or repeated column (all reported). */
    static Columns of(SheetRow header, List<String> expected, Problems problems) {
        String list = String.join(", ", expected);
        Map<String, Integer> index = new HashMap<>();
        boolean[] named = new boolean[header.cells().size()];
        boolean ok = true;
        int row = header.number();
        for (int i = 0; i < header.cells().size(); i++) {
            Cell cell = header.cell(i);
            String name = Text.clean(cell.text());
            if (name.isEmpty()) {
                continue;
            }
            named[i] = true;
            if (expected.contains(name)) {
                Integer previous = index.putIfAbsent(name, i);
                if (previous != null) {
                    problems.row(row, name, "header.duplicate", name, previous + 1, i + 1);
                    ok = false;
                }
                continue;
            }
            ok = false;
            String close = closeMatch(name, expected);
            if (close != null) {
                problems.row(row, name, "header.misspelt", Text.shown(name), close);
            } else {
                problems.row(row, name, "header.unknown", Text.shown(name), i + 1, list);
            }
        }
        if (header.overflowColumn() > 0) {
            problems.row(row, null, "header.tooManyColumns", header.overflowColumn(), list);
            ok = false;
        }
        for (String name : expected) {
            if (!index.containsKey(name)) {
                problems.row(row, name, "header.missing", name, list);
                ok = false;
            }
        }
        return ok ? new Columns(index, named) : null;
    }

    /** The expected name written with other case, spaces or hyphens ("NIP", "Nilai Pelatihan"), else null. */
    private static String closeMatch(String name, List<String> expected) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-/]+", "_");
        for (String e : expected) {
            if (e.equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The cell of a column in a data row. */
    Cell cell(SheetRow row, String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException(column);
        }
        return row.cell(i);
    }

    /** The 1-based position of a non-empty cell under no column name in this row, or 0. */
    int strayValue(SheetRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            if ((i >= named.length || !named[i]) && !row.cell(i).blank()) {
                return i + 1;
            }
        }
        return row.overflowColumn();
    }
}
