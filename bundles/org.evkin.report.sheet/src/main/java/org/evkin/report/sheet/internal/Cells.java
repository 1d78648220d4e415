package org.evkin.report.sheet.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The values of report cells as the spreadsheets write them: numbers, decimal comma, guarded text. */
final class Cells {

    /** Characters that make a spreadsheet read a cell as a formula or command when they start it (OWASP's list, plus
     * the full-width forms some spreadsheets normalise). */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private Cells() {
    }

    /** Whether a text would be taken as a formula (or DDE command) by a spreadsheet opening a CSV. */
    static boolean formulaLike(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text to put in a CSV: a leading apostrophe before a formula-like text, so that it stays text. */
    static String guarded(String text) {
        if (text == null) {
            return "";
        }
        return formulaLike(text) ? "'" + text : text;
    }

    /** A COUNT cell as a whole number (already validated). */
    static BigInteger count(Object value) {
        return decimal(value).toBigIntegerExact();
    }

    /** A MEAN cell at two decimals (already validated). */
    static BigDecimal mean(Object value) {
        return decimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** A number with a decimal comma and no grouping: 3.12 → "3,12". */
    static String decimalComma(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** A PERCENT cell (a whole percentage) as the fraction a spreadsheet's percent format shows: 33 → 0.33, exactly. */
    static BigDecimal fraction(Object percent) {
        return decimal(percent).movePointLeft(2).stripTrailingZeros();
    }

    /** Any number a cell may hold, exactly. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    /** Whether a value can be read by decimal(). */
    static boolean isNumber(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        return value instanceof BigDecimal || value instanceof BigInteger || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /** Whether a number is whole (a COUNT or a PERCENT must be). */
    static boolean isWhole(Object value) {
        BigDecimal d = decimal(value);
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
