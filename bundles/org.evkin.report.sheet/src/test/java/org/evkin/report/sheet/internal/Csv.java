package org.evkin.report.sheet.internal;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests (any delimiter; CRLF line ends; quoted fields may hold anything). */
final class Csv {

    private Csv() {
    }

    /** The records of a CSV text (without BOM); fails on a bare LF or CR outside quotes, or a stray quote. */
    static List<List<String>> parse(String text, char delimiter) {
        return parse(text, delimiter, true);
    }

    /** Like parse, but also taking a bare LF as a line end (as LibreOffice writes on Linux). */
    static List<List<String>> parseLenient(String text, char delimiter) {
        return parse(text, delimiter, false);
    }

    private static List<List<String>> parse(String text, char delimiter, boolean strict) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field at " + i);
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                fieldStart = false;
                if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                continue;
            }
            if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("bare CR at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += 2;
            } else if (c == '\n') {
                if (strict) {
                    throw new IllegalArgumentException("bare LF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i++;
            } else if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!fieldStart || field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("the last line has no CRLF");
        }
        return records;
    }
}
