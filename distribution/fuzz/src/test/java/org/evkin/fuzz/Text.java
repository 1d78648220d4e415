package org.evkin.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small text helpers of the report. */
final class Text {

    /** What a Java stack trace in an answer looks like (issue 6): any of these fails the run. */
    static final List<String> STACK_TRACE_MARKS = List.of("at org.", "Exception:", "\tat ", "java.lang.", "Caused by");

    private Text() {
    }

    /** The first stack-trace mark in s, or null. */
    static String stackTraceMark(String s) {
        for (String m : STACK_TRACE_MARKS) {
            if (s.contains(m)) {
                return m;
            }
        }
        return null;
    }

    static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Control and non-ASCII characters as \\uXXXX, so that a line of the report shows exactly what was sent. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    static String printable(byte[] b, int max) {
        return printable(cut(new String(b, 0, Math.min(b.length, max), StandardCharsets.ISO_8859_1), max))
                + (b.length > max ? "…(" + b.length + " bytes)" : "");
    }

    /** Percent-encodes every byte that is not unreserved (RFC 3986), UTF-8. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** Decodes %XX (invalid escapes stay as they are), bytes as UTF-8. */
    static String decode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
