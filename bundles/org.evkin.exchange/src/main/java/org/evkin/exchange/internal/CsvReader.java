package org.evkin.exchange.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180): UTF-8 with or without BOM, delimiter ';' or ',' detected from the header line,
 * quoted fields with delimiters, doubled quotes and line breaks inside; blank lines are skipped.
 */
final class CsvReader {

    private final char[] chars;
    private final int maxRows;
    private final List<int[]> quoteWarnings = new ArrayList<>();
    private char delimiter;
    private int pos;
    private int record;

    private CsvReader(char[] chars, int maxRows) {
        this.chars = chars;
        this.maxRows = maxRows;
    }

    /**
     * Reads the table; {@code expectedColumns} helps tell the delimiter. Rows with text after a closing quote are
     * reported through {@code problems} and read on.
     */
    static Table read(byte[] data, int maxRows, Collection<String> expectedColumns, Problems problems)
            throws FileProblem {
        String text = decode(data);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CsvReader reader = new CsvReader(text.toCharArray(), maxRows);
        Table table = reader.read(expectedColumns);
        for (int[] w : reader.quoteWarnings) {
            problems.row(w[0], null, "csv.textAfterQuote", w[1]);
        }
        return table;
    }

    private Table read(Collection<String> expectedColumns) throws FileProblem {
        // skip blank lines before the header
        int headerStart;
        while (true) {
            if (pos >= chars.length) {
                throw new FileProblem(0, "file.empty");
            }
            headerStart = pos;
            int recordBefore = record;
            delimiter = ';';
            List<String> probe = nextRecord();
            if (!allBlank(probe)) {
                pos = headerStart;
                record = recordBefore;
                break;
            }
        }
        delimiter = detectDelimiter(headerStart, expectedColumns);
        pos = headerStart;
        List<String> headerFields = nextRecord();
        SheetRow header = row(record, headerFields);
        List<SheetRow> rows = new ArrayList<>();
        while (pos < chars.length) {
            List<String> fields = nextRecord();
            SheetRow r = row(record, fields);
            if (r.blank()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new FileProblem(0, "file.tooManyRows", maxRows);
            }
            rows.add(r);
        }
        return new Table(header, rows);
    }

    /** The delimiter that splits the header into the most known column names (then into the most fields). */
    private char detectDelimiter(int headerStart, Collection<String> expected) throws FileProblem {
        char best = 0;
        int bestKnown = -1;
        int bestFields = -1;
        int savedRecord = record;
        for (char candidate : new char[] {';', ','}) {
            pos = headerStart;
            record = savedRecord;
            delimiter = candidate;
            List<String> fields = nextRecord();
            int known = 0;
            for (String f : fields) {
                if (expected.contains(Text.clean(f))) {
                    known++;
                }
            }
            if (known > bestKnown || (known == bestKnown && fields.size() > bestFields)) {
                best = candidate;
                bestKnown = known;
                bestFields = fields.size();
            }
        }
        quoteWarnings.clear();
        record = savedRecord;
        if (bestFields <= 1 && bestKnown <= 0) {
            throw new FileProblem(savedRecord + 1, "csv.delimiter");
        }
        return best;
    }

    /** Reads one record from {@code pos}; counts it. */
    private List<String> nextRecord() throws FileProblem {
        record++;
        int startRecord = record;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            // a quoted field, possibly after spaces
            int look = pos;
            while (look < chars.length && (chars[look] == ' ' || chars[look] == '\t')) {
                look++;
            }
            if (look < chars.length && chars[look] == '"') {
                pos = look + 1;
                while (true) {
                    if (pos >= chars.length) {
                        throw new FileProblem(startRecord, "csv.unclosedQuote");
                    }
                    char c = chars[pos];
                    if (c == '"') {
                        if (pos + 1 < chars.length && chars[pos + 1] == '"') {
                            field.append('"');
                            pos += 2;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    field.append(c);
                    pos++;
                }
                // after the closing quote: spaces, then a delimiter or the end of the record
                boolean warned = false;
                while (pos < chars.length && chars[pos] != delimiter && chars[pos] != '\n' && chars[pos] != '\r') {
                    char c = chars[pos];
                    if (c != ' ' && c != '\t' && !warned) {
                        quoteWarnings.add(new int[] {startRecord, fields.size() + 1});
                        warned = true;
                    }
                    if (warned) {
                        field.append(c);
                    }
                    pos++;
                }
            } else {
                while (pos < chars.length && chars[pos] != delimiter && chars[pos] != '\n' && chars[pos] != '\r') {
                    field.append(chars[pos]);
                    pos++;
                }
            }
            fields.add(field.toString());
            if (pos >= chars.length) {
                return fields;
            }
            char c = chars[pos];
            if (c == delimiter) {
                pos++;
                if (pos >= chars.length) {
                    fields.add("");
                    return fields;
                }
                continue;
            }
            // end of record: \r\n, \n or \r
            pos++;
            if (c == '\r' && pos < chars.length && chars[pos] == '\n') {
                pos++;
            }
            return fields;
        }
    }

    private static boolean allBlank(List<String> fields) {
        for (String f : fields) {
            if (!Text.clean(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static SheetRow row(int number, List<String> fields) {
        List<Cell> cells = new ArrayList<>(Math.min(fields.size(), SheetRow.MAX_COLUMNS));
        int overflow = 0;
        for (int i = 0; i < fields.size(); i++) {
            if (i < SheetRow.MAX_COLUMNS) {
                cells.add(Cell.text(fields.get(i)));
            } else if (overflow == 0 && !Text.clean(fields.get(i)).isEmpty()) {
                overflow = i + 1;
            }
        }
        return new SheetRow(number, cells, overflow);
    }

    /** Strict UTF-8; a malformed byte sequence is reported with the line it is on. */
    private static String decode(byte[] data) throws FileProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (data[i] == '\n') {
                    line++;
                }
            }
            throw new FileProblem(0, "file.notUtf8", line);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
