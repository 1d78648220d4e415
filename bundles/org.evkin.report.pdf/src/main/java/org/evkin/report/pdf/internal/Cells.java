package org.evkin.report.pdf.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.evkin.report.ReportTable.Kind;

/**
 * Shows a national-report cell by its column kind, in the Indonesian number format: COUNT a whole number ("1.234"),
 * MEAN two decimals with a decimal comma ("3,12"; none "-"), PERCENT a whole percentage ("33%"; none empty), TEXT as is.
 */
final class Cells {

    private Cells() {
    }

    static String format(Object value, Kind kind) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return switch (kind) {
                case TEXT -> value == null ? "" : value.toString();
                case COUNT -> value == null ? "" : whole(decimal(value));
                case MEAN -> value == null ? "-" : mean(decimal(value));
                case PERCENT -> value == null ? "" : whole(decimal(value)) + "%";
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return String.valueOf(value);
        }
    }

    /** "3,12": half-up to two decimals, decimal comma. */
    static String mean(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** "1.234": half-up to a whole number, '.' between thousands. */
    static String whole(BigDecimal value) {
        BigInteger n = value.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        String digits = n.abs().toString();
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (n.signum() < 0 ? "-" : "") + out;
    }

    /** A cell's number (Integer, Long, BigDecimal, Double …) as a BigDecimal; never called with a String. */
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
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString().trim().replace(',', '.'));
    }

    /** A cell's number as a double for charts; NaN when empty or not a number. */
    static double number(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return decimal(value).doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return Double.NaN;
        }
    }
}
