package org.evkin.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The CSV and XLSX readers below the validators: records, quoting, zip structure, part names, escapes. */
class ReadersTest {

    private static final List<String> COLUMNS = List.of("a", "b", "c");

    private static Table csv(String text) throws FileProblem {
        Problems problems = new Problems(Messages.indonesian(), 100);
        Table t = CsvReader.read(text.getBytes(StandardCharsets.UTF_8), 1000, COLUMNS, problems);
        assertEquals(0, problems.count());
        return t;
    }

    private static List<String> texts(SheetRow row) {
        return row.cells().stream().map(c -> c == null ? "" : c.text()).toList();
    }

    @Test
    void splitsRfc4180Records() throws FileProblem {
        Table t = csv("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\nlast,,\"\"");
        assertEquals(List.of("a", "b", "c"), texts(t.header()));
        assertEquals(2, t.rows().size(), "the empty record is skipped");
        assertEquals(List.of("x,1", "say \"hi\"", "two\r\nlines"), texts(t.rows().get(0)));
        assertEquals(2, t.rows().get(0).number());
        assertEquals(List.of("last", "", ""), texts(t.rows().get(1)));
        assertEquals(4, t.rows().get(1).number());
    }

    @Test
    void prefersTheDelimiterThatNamesTheColumns() throws FileProblem {
        assertEquals(List.of("a", "b", "c"), texts(csv("a;b;c\n1,5;2;3\n").header()));
        assertEquals(List.of("1,5", "2", "3"), texts(csv("a;b;c\n1,5;2;3\n").rows().get(0)));
        assertEquals(List.of("a", "b;x", "c"), texts(csv("a,\"b;x\",c\n").header()));
    }

    @Test
    void skipsBlankLinesBeforeTheHeaderButCountsThem() throws FileProblem {
        Table t = csv("\n\na;b;c\n1;2;3\n");
        assertEquals(3, t.header().number());
        assertEquals(4, t.rows().get(0).number());
    }

    @Test
    void acceptsAQuotedFieldAfterSpaces() throws FileProblem {
        assertEquals(List.of("1", "x, y", " 3"), texts(csv("a, b, c\n1, \"x, y\", 3\n").rows().get(0)),
                "unquoted values are trimmed later, by the validators");
    }

    @Test
    void keepsAQuoteInsideAnUnquotedField() throws FileProblem {
        assertEquals(List.of("5\" disk", "2", "3"), texts(csv("a;b;c\n5\" disk;2;3\n").rows().get(0)));
    }

    @Test
    void resolvesRelationshipTargets() {
        assertEquals("xl/worksheets/sheet1.xml", XlsxReader.resolve("xl/workbook.xml", "worksheets/sheet1.xml"));
        assertEquals("xl/worksheets/sheet1.xml", XlsxReader.resolve("xl/workbook.xml", "/xl/worksheets/sheet1.xml"));
        assertEquals("xl/sharedStrings.xml", XlsxReader.resolve("xl/workbook.xml", "./sharedStrings.xml"));
        assertEquals("other/s.xml", XlsxReader.resolve("xl/workbook.xml", "../other/s.xml"));
        assertEquals("xl/workbook.xml", XlsxReader.resolve("", "xl/workbook.xml"));
    }

    @Test
    void decodesOoxmlEscapes() {
        assertEquals("a\rb", XlsxReader.unescape("a_x000D_b"));
        assertEquals("_x00ZZ_ and _x", XlsxReader.unescape("_x00ZZ_ and _x"));
        assertEquals("plain", XlsxReader.unescape("plain"));
    }

    @Test
    void readsZipEntriesThroughTheCentralDirectoryIncludingZip64() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            for (int i = 0; i < 65_540; i++) {
                zip.putNextEntry(new ZipEntry("f/" + i));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("XL/Workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ZipDirectory dir = ZipDirectory.of(out.toByteArray());
        try (InputStream in = dir.open("xl/workbook.xml")) {
            assertEquals("<workbook/>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertNull(dir.open("xl/missing.xml"));
    }

    @Test
    void resolvesNoExternalEntity() throws Exception {
        String cell = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row>"
                + "</sheetData></worksheet>";
        Table plain = XlsxReader.read(minimalPackage(String.format(cell, "ok")), 1 << 20, 10);
        assertEquals("ok", plain.header().cell(0).text());
        byte[] hostile = minimalPackage("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM "
                + "\"file:///etc/hostname\">]>" + String.format(cell, "&e;"));
        FileProblem p = assertThrows(FileProblem.class, () -> XlsxReader.read(hostile, 1 << 20, 10));
        assertEquals("xlsx.corrupt", p.key);
    }

    /** A package without content types or namespaces on the relationships: only what the reader needs. */
    private static byte[] minimalPackage(String sheet) throws IOException {
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "_rels/.rels", "<Relationships><Relationship Id=\"r1\" Type=\"" + rel
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<workbook xmlns:r=\"" + rel + "\"><sheets><sheet r:id=\"r2\"/></sheets>"
                    + "</workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"r2\" Type=\"" + rel
                    + "/worksheet\" Target=\"s.xml\"/></Relationships>");
            put(zip, "xl/s.xml", sheet);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void refusesATruncatedZip() {
        byte[] bytes = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};
        assertThrows(IOException.class, () -> ZipDirectory.of(bytes));
    }
}
