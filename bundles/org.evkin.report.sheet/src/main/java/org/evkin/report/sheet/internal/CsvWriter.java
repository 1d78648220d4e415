package org.evkin.report.sheet.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes CSV as spreadsheets in Indonesia open it: UTF-8 with a BOM, ';' between fields, CRLF after each line, a
 * field quoted (RFC 4180, quotes doubled) when it holds ';', '"' or a line break. Streams; never closes the caller's
 * stream.
 */
final class CsvWriter {

    static final char DELIMITER = ';';

    private final Writer out;
    private boolean lineStarted;

    CsvWriter(OutputStream target) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
    }

    /** A field of text from the report: guarded against formula injection, then quoted as needed. */
    CsvWriter text(String value) throws IOException {
        return field(Cells.guarded(value));
    }

    /** A field written as given (numbers, "-", fixed texts), quoted as needed. */
    CsvWriter field(String value) throws IOException {
        if (lineStarted) {
            out.write(DELIMITER);
        }
        lineStarted = true;
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (needsQuotes(value)) {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.write('"');
                }
                out.write(c);
            }
            out.write('"');
        } else {
            out.write(value);
        }
        return this;
    }

    /** Ends the line. */
    void endLine() throws IOException {
        out.write("\r\n");
        lineStarted = false;
    }

    /** Hands everything written to the caller's stream (which stays open). */
    void flush() throws IOException {
        out.flush();
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == DELIMITER || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
