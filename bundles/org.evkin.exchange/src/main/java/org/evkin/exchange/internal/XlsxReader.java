package org.evkin.exchange.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an XLSX workbook with StAX, straight from the zip in memory: the package
 * relationships lead to the workbook, the workbook to its first sheet (first tab); shared and inline strings, numbers,
 * booleans and error cells are read, cells placed by their reference ("C7") since empty cells are left out.
 */
final class XlsxReader {

    /** Excel keeps 15 significant digits; more in the file are binary noise (70.010000000000005). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final int MAX_SHEET_COLUMNS = 16_384;
    private static final int MAX_SHEET_ROWS = 1_048_576;

    private final ZipDirectory zip;
    private final long maxUnpacked;
    private final int maxRows;
    private final XMLInputFactory xml;
    private long unpacked;

    private XlsxReader(ZipDirectory zip, long maxUnpacked, int maxRows) {
        this.zip = zip;
        this.maxUnpacked = maxUnpacked;
        this.maxRows = maxRows;
        this.xml = XMLInputFactory.newDefaultFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // text arrives in pieces and is collected by boundedText: a cell of millions of characters (a "zip bomb" of
        // spaces) is refused at Excel's own limit instead of being built into one string in memory
        xml.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /** Reads the first worksheet: the first non-blank row is the header, blank rows are skipped. */
    static Table read(byte[] data, long maxUnpacked, int maxRows) throws FileProblem {
        if (Bytes.isOle2(data)) {
            throw new FileProblem(0, "xlsx.oldFormat");
        }
        if (!Bytes.isZip(data)) {
            throw new FileProblem(0, "xlsx.notXlsx");
        }
        ZipDirectory zip;
        try {
            zip = ZipDirectory.of(data);
        } catch (IOException e) {
            throw new FileProblem(0, "xlsx.corrupt");
        }
        return new XlsxReader(zip, maxUnpacked, maxRows).read();
    }

    private Table read() throws FileProblem {
        try {
            String workbook = relationshipTarget("", "_rels/.rels", "/officeDocument", null);
            if (workbook == null) {
                workbook = "xl/workbook.xml";
            }
            String sheetRelId = firstSheetRelationship(workbook);
            String workbookRels = relsOf(workbook);
            String sheet = relationshipTarget(workbook, workbookRels, "/worksheet", sheetRelId);
            if (sheet == null) {
                throw new FileProblem(0, "xlsx.noSheet");
            }
            String sharedPart = relationshipTarget(workbook, workbookRels, "/sharedStrings", null);
            List<String> shared = sharedPart == null ? List.of() : sharedStrings(sharedPart);
            return sheet(sheet, shared);
        } catch (CellTooLong e) {
            throw new FileProblem(0, "xlsx.cellTooLong", MAX_CELL_CHARS);
        } catch (XMLStreamException | IOException e) {
            // the parser may wrap the budget's exception: tell a zip bomb from a broken file by the count
            if (unpacked > maxUnpacked) {
                throw new FileProblem(0, "xlsx.tooLargeUnpacked", Bytes.megabytes(maxUnpacked));
            }
            throw new FileProblem(0, "xlsx.corrupt");
        }
    }

    /** The r:id of the first sheet listed in the workbook (the first tab). */
    private String firstSheetRelationship(String workbook) throws IOException, XMLStreamException, FileProblem {
        String[] id = new String[1];
        boolean found = withPart(workbook, in -> {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                                id[0] = r.getAttributeValue(i);
                            }
                        }
                        return;
                    }
                }
            } finally {
                r.close();
            }
        });
        if (!found) {
            throw new FileProblem(0, "xlsx.notXlsx");
        }
        if (id[0] == null) {
            throw new FileProblem(0, "xlsx.noSheet");
        }
        return id[0];
    }

    /**
     * The part a relationship of {@code source} points to: the one with this id, or else the first of a type ending
     * with {@code typeSuffix}; null when there is none.
     */
    private String relationshipTarget(String source, String relsPart, String typeSuffix, String id)
            throws IOException, XMLStreamException, FileProblem {
        String[] target = new String[1];
        withPart(relsPart, in -> {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                        String rid = r.getAttributeValue(null, "Id");
                        String type = r.getAttributeValue(null, "Type");
                        String t = r.getAttributeValue(null, "Target");
                        String mode = r.getAttributeValue(null, "TargetMode");
                        if (t == null || "External".equalsIgnoreCase(mode)) {
                            continue;
                        }
                        boolean match = id != null ? id.equals(rid) : type != null && type.endsWith(typeSuffix);
                        if (match) {
                            target[0] = resolve(source, t);
                            return;
                        }
                    }
                }
            } finally {
                r.close();
            }
        });
        return target[0];
    }

    private List<String> sharedStrings(String part) throws IOException, XMLStreamException, FileProblem {
        List<String> strings = new ArrayList<>();
        withPart(part, in -> {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) {
                        strings.add(richText(r, "si"));
                    }
                }
            } finally {
                r.close();
            }
        });
        return strings;
    }

    /** The text of a string item (si or is): its t elements, phonetic runs (rPh) left out; ends on the end tag. */
    /** Excel's own limit of characters in a cell. */
    static final int MAX_CELL_CHARS = 32_767;

    /** A cell's text longer than Excel allows: refused as such, not built in memory. */
    static final class CellTooLong extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        CellTooLong() {
            super("cell text longer than " + MAX_CELL_CHARS + " characters");
        }
    }

    /** The text of the current element (like getElementText), refusing more than MAX_CELL_CHARS characters. */
    static String boundedText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (b.length() + r.getTextLength() > MAX_CELL_CHARS) {
                        throw new CellTooLong();
                    }
                    b.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        return b.toString();
                    }
                }
                default -> {
                }
            }
        }
        return b.toString();
    }

    private static String richText(XMLStreamReader r, String element) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int phonetic = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic++;
                } else if ("t".equals(name)) {
                    String t = boundedText(r);
                    if (phonetic == 0) {
                        b.append(t);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic--;
                } else if (element.equals(name)) {
                    break;
                }
            }
        }
        return unescape(b.toString());
    }

    private Table sheet(String part, List<String> shared) throws IOException, XMLStreamException, FileProblem {
        SheetRow[] header = new SheetRow[1];
        List<SheetRow> rows = new ArrayList<>();
        boolean found = withPart(part, in -> {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            try {
                int lastRow = 0;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT || !"row".equals(r.getLocalName())) {
                        continue;
                    }
                    int number = parseRowNumber(r.getAttributeValue(null, "r"), lastRow);
                    lastRow = number;
                    SheetRow row = row(r, number, shared);
                    if (row.blank()) {
                        continue;
                    }
                    if (header[0] == null) {
                        header[0] = row;
                    } else {
                        if (rows.size() >= maxRows) {
                            throw new FileProblem(0, "file.tooManyRows", maxRows);
                        }
                        rows.add(row);
                    }
                }
            } finally {
                r.close();
            }
        });
        if (!found) {
            throw new FileProblem(0, "xlsx.noSheet");
        }
        if (header[0] == null) {
            throw new FileProblem(0, "file.empty");
        }
        return new Table(header[0], rows);
    }

    /** Reads the cells of one row element, up to its end tag. */
    private static SheetRow row(XMLStreamReader r, int number, List<String> shared)
            throws XMLStreamException, FileProblem {
        List<Cell> cells = new ArrayList<>();
        int overflow = 0;
        int lastColumn = -1;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(r.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(r.getLocalName())) {
                continue;
            }
            int column = parseColumn(r.getAttributeValue(null, "r"), lastColumn);
            lastColumn = column;
            Cell cell = cell(r, shared);
            if (cell == null || cell.blank()) {
                continue;
            }
            if (column >= SheetRow.MAX_COLUMNS) {
                if (overflow == 0) {
                    overflow = column + 1;
                }
                continue;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, cell);
        }
        return new SheetRow(number, cells, overflow);
    }

    /** Reads one c element, up to its end tag; null when it holds no value. */
    private static Cell cell(XMLStreamReader r, List<String> shared) throws XMLStreamException, FileProblem {
        String type = r.getAttributeValue(null, "t");
        String value = null;
        String inline = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(r.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("v".equals(name)) {
                    value = boundedText(r);
                } else if ("is".equals(name)) {
                    inline = richText(r, "is");
                }
            }
        }
        if (type == null) {
            type = "n";
        }
        switch (type) {
            case "inlineStr":
                return Cell.text(inline != null ? inline : value == null ? null : unescape(value));
            case "s": {
                if (value == null) {
                    return null;
                }
                int index;
                try {
                    index = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new FileProblem(0, "xlsx.corrupt");
                }
                if (index < 0 || index >= shared.size()) {
                    throw new FileProblem(0, "xlsx.corrupt");
                }
                return Cell.text(shared.get(index));
            }
            case "str":
            case "d":
                return value == null ? null : Cell.text(unescape(value));
            case "b":
                return value == null ? null : Cell.text("1".equals(value.strip()) ? "TRUE" : "FALSE");
            case "e":
                return new Cell(value == null ? "#ERROR" : value.strip(), Cell.Kind.ERROR);
            default:
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    BigDecimal d = new BigDecimal(value.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
                    if (d.signum() == 0) {
                        d = BigDecimal.ZERO;
                    }
                    return new Cell(d.toPlainString(), Cell.Kind.NUMBER);
                } catch (NumberFormatException e) {
                    return Cell.text(value);
                }
        }
    }

    /** The 0-based column of a reference like "C7", or the one after the previous cell when there is none. */
    private static int parseColumn(String ref, int previous) throws FileProblem {
        if (ref == null || ref.isEmpty()) {
            return previous + 1;
        }
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                throw new FileProblem(0, "xlsx.corrupt");
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_SHEET_COLUMNS) {
                throw new FileProblem(0, "xlsx.corrupt");
            }
            i++;
        }
        if (i == 0) {
            throw new FileProblem(0, "xlsx.corrupt");
        }
        return column - 1;
    }

    private static int parseRowNumber(String ref, int previous) throws FileProblem {
        if (ref == null || ref.isBlank()) {
            return previous + 1;
        }
        try {
            int n = Integer.parseInt(ref.strip());
            if (n < 1 || n > MAX_SHEET_ROWS) {
                throw new FileProblem(0, "xlsx.corrupt");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FileProblem(0, "xlsx.corrupt");
        }
    }

    /** Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot hold (e.g. _x000D_). */
    static String unescape(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length() && s.startsWith("_x", i) && s.charAt(i + 6) == '_' && isHex(s, i + 2, i + 6)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The relationships part of a part: "xl/workbook.xml" has "xl/_rels/workbook.xml.rels". */
    private static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** Resolves a relationship target against the folder of its source part; "/x" is from the package root. */
    static String resolve(String source, String target) {
        String path;
        if (target.startsWith("/")) {
            path = target.substring(1);
        } else {
            int slash = source.lastIndexOf('/');
            path = source.substring(0, slash + 1) + target;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String s : path.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(s);
            }
        }
        return String.join("/", segments);
    }

    /** A step reading one part of the package. */
    private interface PartReader {
        void read(InputStream in) throws IOException, XMLStreamException, FileProblem;
    }

    /** Finds a part in the zip (names compare case-insensitively, as OPC says) and reads it; false if absent. */
    private boolean withPart(String name, PartReader reader) throws IOException, XMLStreamException, FileProblem {
        try (InputStream in = zip.open(name)) {
            if (in == null) {
                return false;
            }
            reader.read(new Budget(in));
            return true;
        }
    }

    /** Counts the bytes unpacked from the zip across all parts read, against the limit. */
    private final class Budget extends FilterInputStream {

        Budget(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            unpacked += n;
            if (unpacked > maxUnpacked) {
                throw new IOException("unpacked size limit passed");
            }
        }
    }
}
