package org.evkin.distribution.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evkin.distribution.report.ReportCalculator.AnyOf;
import org.evkin.distribution.report.ReportCalculator.ExpectedTable;

/**
 * Collects every difference between what the server said and what was expected, each with where it is, so that one
 * run lists them all (cell by cell) instead of stopping at the first.
 */
final class Mismatches {

    private static final int SHOWN = 150;

    private final List<String> found = new ArrayList<>();
    private int checked;

    /** Records a difference unless expected and actual are equal. */
    void check(String where, Object expected, Object actual) {
        checked++;
        if (!Objects.equals(expected, actual)) {
            found.add(where + ": expected " + show(expected) + " but was " + show(actual));
        }
    }

    void check(String where, boolean ok, String what) {
        checked++;
        if (!ok) {
            found.add(where + ": " + what);
        }
    }

    /** A cell of a report: null, a string, a whole number or a decimal (compared by value: 3.1 equals 3.10). */
    void cell(String where, Object expected, JsonNode actual) {
        checked++;
        if (!sameCell(expected, actual)) {
            found.add(where + ": expected " + show(expected) + " but was " + (actual == null ? "(missing)" : actual.toString()));
        }
    }

    static boolean sameCell(Object expected, JsonNode actual) {
        if (expected instanceof AnyOf any) {
            return any.values().stream().anyMatch(v -> sameCell(v, actual));
        }
        if (expected == null) {
            return actual == null || actual.isNull();
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected instanceof String s) {
            return actual.isTextual() && actual.asText().equals(s);
        }
        if (expected instanceof Integer i) {
            return actual.isIntegralNumber() && actual.asLong() == i;
        }
        if (expected instanceof BigDecimal d) {
            return actual.isNumber() && actual.decimalValue().compareTo(d) == 0;
        }
        throw new IllegalArgumentException("unexpected expected value " + expected);
    }

    /** Compares one table of a NationalReport JSON with the expected one: columns, every row cell by cell, the total. */
    void table(String scope, ExpectedTable expected, JsonNode actual) {
        String where = scope + " table " + expected.id();
        if (actual == null) {
            check(where, false, "missing");
            return;
        }
        List<String> keys = new ArrayList<>();
        actual.path("columns").forEach(c -> keys.add(c.path("key").asText()));
        check(where + " column keys", expected.columns(), keys);
        if (!keys.equals(expected.columns())) {
            return;
        }
        JsonNode rows = actual.path("rows");
        check(where + " number of rows", expected.rows().size(), rows.size());
        for (int r = 0; r < Math.min(rows.size(), expected.rows().size()); r++) {
            List<Object> row = expected.rows().get(r);
            for (int c = 0; c < keys.size(); c++) {
                cell(where + " row " + (r + 1) + " " + label(row) + " column " + keys.get(c), row.get(c), rows.get(r).get(c));
            }
        }
        for (int r = expected.rows().size(); r < rows.size(); r++) {
            check(where, false, "extra row " + rows.get(r));
        }
        JsonNode total = actual.get("total");
        if (expected.total() == null) {
            check(where + " total", total == null || total.isNull(), "has no total row, but was " + total);
        } else if (total == null || total.isNull()) {
            check(where + " total", false, "missing, expected " + expected.total());
        } else {
            for (int c = 0; c < keys.size(); c++) {
                cell(where + " total column " + keys.get(c), expected.total().get(c), total.get(c));
            }
        }
    }

    /** How a row names itself in a message: its text cells. */
    private static String label(List<Object> row) {
        StringBuilder s = new StringBuilder("[");
        for (Object o : row) {
            if (o instanceof String text && text.length() < 60) {
                s.append(s.length() > 1 ? ", " : "").append(text);
            }
        }
        return s.append(']').toString();
    }

    int checked() {
        return checked;
    }

    List<String> found() {
        return found;
    }

    /** Fails listing every difference (the first 150) when there is any. */
    void assertNone(String what) {
        if (!found.isEmpty()) {
            StringBuilder s = new StringBuilder(what + ": " + found.size() + " of " + checked + " checks differ");
            found.stream().limit(SHOWN).forEach(f -> s.append("\n  ").append(f));
            if (found.size() > SHOWN) {
                s.append("\n  … and ").append(found.size() - SHOWN).append(" more");
            }
            throw new AssertionError(s.toString());
        }
    }

    private static String show(Object o) {
        if (o instanceof String s) {
            return "\"" + s + "\"";
        }
        if (o instanceof AnyOf any) {
            return "one of " + any.values();
        }
        return String.valueOf(o);
    }
}
