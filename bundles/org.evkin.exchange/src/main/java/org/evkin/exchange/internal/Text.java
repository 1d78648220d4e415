package org.evkin.exchange.internal;

import java.math.BigDecimal;

/** Small text helpers shared by the readers and validators. */
final class Text {

    private static final int QUOTE_MAX = 60;

    private Text() {
    }

    /** The value with invisible characters dropped, white space collapsed to single spaces and trimmed; never null. */
    static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    /** A value as it may appear inside a message: one line, at most 60 characters. */
    static String shown(String s) {
        String t = clean(s);
        if (t.length() > QUOTE_MAX) {
            return t.substring(0, QUOTE_MAX - 1) + "…";
        }
        return t;
    }

    /** A decimal written the Indonesian way, with a decimal comma: 70,01. */
    static String decimal(BigDecimal d) {
        return d.toPlainString().replace('.', ',');
    }
}
