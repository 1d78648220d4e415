package org.evkin.store.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The positions of the columns of a SELECT written by hand, found once from its text, so rows are read by index: the
 * driver's lookup by label took about 3 % of the server's CPU in the load test. Labels are the alias after AS, else the
 * column name after the table's prefix.
 */
final class Columns {

    private final Map<String, Integer> positions = new HashMap<>();

    /** sql: a statement whose select list (between the first SELECT and FROM) has no commas inside an expression. */
    Columns(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        int from = upper.indexOf("SELECT") + "SELECT".length();
        String list = sql.substring(from, upper.indexOf("FROM", from));
        int position = 1;
        for (String item : list.split(",")) {
            String column = item.strip();
            int as = column.toUpperCase(Locale.ROOT).lastIndexOf(" AS ");
            String label = as >= 0 ? column.substring(as + 4).strip() : column.substring(column.lastIndexOf('.') + 1);
            if (positions.put(label, position++) != null) {
                throw new IllegalArgumentException("column label " + label + " twice in: " + list);
            }
        }
    }

    /** The 1-based position of a label; fails loudly for a label the statement does not have. */
    int at(String label) {
        Integer p = positions.get(label);
        if (p == null) {
            throw new IllegalArgumentException("no column labelled " + label + " (have " + positions.keySet() + ")");
        }
        return p;
    }

    int count() {
        return positions.size();
    }
}
