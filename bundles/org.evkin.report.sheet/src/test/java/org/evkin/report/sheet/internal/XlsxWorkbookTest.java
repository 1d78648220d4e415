package org.evkin.report.sheet.internal;

import static org.evkin.report.sheet.internal.SampleReports.count;
import static org.evkin.report.sheet.internal.SampleReports.mean;
import static org.evkin.report.sheet.internal.SampleReports.percent;
import static org.evkin.report.sheet.internal.SampleReports.row;
import static org.evkin.report.sheet.internal.SampleReports.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XLSX workbook, read back with fastexcel-reader and the JDK's XML parser. */
class XlsxWorkbookTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    @Test
    void everyCellOfEveryTableReadsBackAsTheModel() throws Exception {
        NationalReport report = SampleReports.national();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(Workbooks.xlsx(report)),
                WITH_FORMATS)) {
            List<Sheet> sheets = workbook.getSheets().collect(Collectors.toList());
            List<String> expected = new ArrayList<>(List.of("Keterangan"));
            report.tables().forEach(t -> expected.add(Expected.sheetName(t.id())));
            assertEquals(expected, sheets.stream().map(Sheet::getName).collect(Collectors.toList()));
            assertEquals("Tabel 3.12", sheets.get(12).getName());
            assertEquals("Gambar 3.1", sheets.get(13).getName());
            for (int i = 0; i < report.tables().size(); i++) {
                Workbooks.assertSheet(report.tables().get(i), sheets.get(i + 1).read());
            }
            assertEquals(1 + 1 + 32 + 1, sheets.get(7).read().size(), "Tabel 3.7: title, header, 32, total");
            assertEquals(2 + 1 + 60, sheets.get(9).read().size(), "Tabel 3.9: title, note, header, 60 rows");
        }
    }

    @Test
    void firstSheetHasTitleScopeTimeInJakartaAndTheListOfTables() throws Exception {
        NationalReport report = SampleReports.national();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(Workbooks.xlsx(report)))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Map<Integer, Row> byNumber = rows.stream().collect(Collectors.toMap(Row::getRowNum, r -> r));
            assertEquals(report.title(), byNumber.get(1).getCellText(0));
            assertEquals("Cakupan data", byNumber.get(3).getCellText(0));
            assertEquals(report.filterText(), byNumber.get(3).getCellText(1));
            assertEquals("Dibuat", byNumber.get(4).getCellText(0));
            assertEquals("28 November 2026, 18.09 WIB", byNumber.get(4).getCellText(1), "11:09 UTC is 18:09 WIB");
            assertEquals("Lembar", byNumber.get(6).getCellText(0));
            for (int i = 0; i < report.tables().size(); i++) {
                ReportTable table = report.tables().get(i);
                assertEquals(Expected.sheetName(table.id()), byNumber.get(7 + i).getCellText(0));
                assertEquals(table.title(), byNumber.get(7 + i).getCellText(1));
            }
            Row notes = byNumber.get(7 + report.tables().size() + 1);
            assertEquals("Catatan", notes.getCellText(0));
            assertTrue(notes.getCellText(1).contains("\"-\""), "what the dash means");
        }
    }

    @Test
    void partsAreWellFormedWithFrozenHeadersWidthsLinksAndNoFormulas() throws Exception {
        NationalReport report = SampleReports.national();
        Map<String, byte[]> parts = Workbooks.parts(Workbooks.xlsx(report));
        assertEquals("[Content_Types].xml", parts.keySet().iterator().next(), "content types first");
        assertTrue(parts.keySet().containsAll(List.of("_rels/.rels", "docProps/core.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml")));
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            Document doc = Workbooks.xml(part.getValue());
            assertEquals(0, doc.getElementsByTagNameNS(MAIN, "f").getLength(), part.getKey() + " has a formula");
        }
        Document types = Workbooks.xml(parts.get("[Content_Types].xml"));
        assertEquals(report.tables().size() + 1, types.getElementsByTagName("Override").getLength() - 3);

        Document workbook = Workbooks.xml(parts.get("xl/workbook.xml"));
        NodeList sheets = workbook.getElementsByTagNameNS(MAIN, "sheet");
        assertEquals(report.tables().size() + 1, sheets.getLength());
        for (int i = 0; i < report.tables().size(); i++) {
            ReportTable table = report.tables().get(i);
            Document sheet = Workbooks.xml(parts.get("xl/worksheets/sheet" + (i + 2) + ".xml"));
            Element pane = (Element) sheet.getElementsByTagNameNS(MAIN, "pane").item(0);
            int header = table.note() == null ? 2 : 3;
            assertEquals("frozen", pane.getAttribute("state"), table.id());
            assertEquals(Integer.toString(header), pane.getAttribute("ySplit"), table.id() + " frozen to the header");
            NodeList cols = sheet.getElementsByTagNameNS(MAIN, "col");
            assertEquals(table.columns().size(), cols.getLength(), table.id() + " widths");
            for (int c = 0; c < cols.getLength(); c++) {
                double width = Double.parseDouble(((Element) cols.item(c)).getAttribute("width"));
                assertTrue(width >= 8 && width <= 60, table.id() + " width " + width);
            }
        }
        double provinceWidth = Double.parseDouble(((Element) Workbooks.xml(parts.get("xl/worksheets/sheet8.xml"))
                .getElementsByTagNameNS(MAIN, "col").item(1)).getAttribute("width"));
        assertTrue(provinceWidth >= "Daerah Khusus Ibukota Jakarta".length(), "the province column fits the names");

        // an empty percentage keeps the percent format, for whoever types into it
        Document t39 = Workbooks.xml(parts.get("xl/worksheets/sheet10.xml"));
        NodeList cells = t39.getElementsByTagNameNS(MAIN, "c");
        Element empty = null;
        for (int i = 0; i < cells.getLength(); i++) {
            if (((Element) cells.item(i)).getAttribute("r").equals("H8")) {
                empty = (Element) cells.item(i);
            }
        }
        assertEquals(null, report.table("3.9").rows().get(4).get(7), "no Ahli Utama task of subkompetensi 2");
        assertEquals(Integer.toString(XlsxStyle.PERCENT.ordinal()), empty.getAttribute("s"));
        assertFalse(empty.hasChildNodes());

        // rows with wrapped text are as high as their lines (LibreOffice does not fit them when it opens a file)
        Document g31 = Workbooks.xml(parts.get("xl/worksheets/sheet14.xml"));
        NodeList g31Rows = g31.getElementsByTagNameNS(MAIN, "row");
        int tall = 0;
        for (int i = 0; i < g31Rows.getLength(); i++) {
            Element row = (Element) g31Rows.item(i);
            if (row.hasAttribute("ht")) {
                assertEquals("1", row.getAttribute("customHeight"));
                assertTrue(Double.parseDouble(row.getAttribute("ht")) >= 30);
                tall++;
            }
        }
        assertTrue(tall >= 10, "Gambar 3.1's explanations wrap: " + tall + " tall rows");

        Document info = Workbooks.xml(parts.get("xl/worksheets/sheet1.xml"));
        NodeList links = info.getElementsByTagNameNS(MAIN, "hyperlink");
        assertEquals(report.tables().size(), links.getLength());
        assertEquals("'Tabel 3.1'!A1", ((Element) links.item(0)).getAttribute("location"));
        assertTrue(new String(parts.get("docProps/core.xml"), StandardCharsets.UTF_8)
                .contains(">2026-11-28T11:09:14Z</dcterms:created>"));
    }

    @Test
    void formulaLikeTextIsWrittenAsTextWithQuotePrefix() throws Exception {
        List<String> attacks = List.of("=1+1", "+62 812 3456 7890", "-2+3", "@SUM(A1:A9)", "\tTab", "\r=cr",
                "=HYPERLINK(\"http://contoh.invalid\";\"klik\")", "=cmd|' /C calc'!A0", "-");
        List<List<Object>> rows = new ArrayList<>();
        for (String attack : attacks) {
            rows.add(row(attack, 1));
        }
        ReportTable table = new ReportTable("3.1", "Injeksi", null,
                List.of(text("name", "Nama"), count("n", "Jumlah")), rows, row("=SUM(B1:B9)", 9));
        byte[] xlsx = Workbooks.xlsx(SampleReports.of(table));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), WITH_FORMATS)) {
            Workbooks.assertSheet(table, workbook.getSheets().skip(1).findFirst().orElseThrow().read());
        }
        Map<String, byte[]> parts = Workbooks.parts(xlsx);
        Document sheet = Workbooks.xml(parts.get("xl/worksheets/sheet2.xml"));
        NodeList cells = sheet.getElementsByTagNameNS(MAIN, "c");
        Document styles = Workbooks.xml(parts.get("xl/styles.xml"));
        NodeList xfs = ((Element) styles.getElementsByTagNameNS(MAIN, "cellXfs").item(0))
                .getElementsByTagNameNS(MAIN, "xf");
        int guarded = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            if (cell.getAttribute("r").startsWith("A") && !cell.getAttribute("r").equals("A1")
                    && !cell.getAttribute("r").equals("A2")) {
                assertEquals("inlineStr", cell.getAttribute("t"), cell.getAttribute("r"));
                Element xf = (Element) xfs.item(Integer.parseInt(cell.getAttribute("s")));
                assertEquals("1", xf.getAttribute("quotePrefix"), cell.getAttribute("r") + " keeps text when edited");
                guarded++;
            }
        }
        assertEquals(attacks.size() + 1, guarded);
    }

    @Test
    void textIsEscapedForXmlAndSpreadsheetMl() throws Exception {
        String tricky = "<b>&amp; \"kutip\" 'apostrof' ]]> a;b\nbaris 2\r\nbaris 3\ttab _x0041_ 😀";
        String controls = "a\u0001b\u001Fc";
        String lone = "x\uD800y";
        ReportTable table = new ReportTable("3.1", tricky, null, List.of(text("name", "Nama <&>"), count("n", "N")),
                List.of(row(tricky, 1), row(controls, 2), row(lone, 3), row("  spasi  ", 4)), null);
        Map<String, byte[]> parts = Workbooks.parts(Workbooks.xlsx(SampleReports.of(table)));
        Document sheet = Workbooks.xml(parts.get("xl/worksheets/sheet2.xml"));
        NodeList texts = sheet.getElementsByTagNameNS(MAIN, "t");
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            decoded.add(decodeXstring(texts.item(i).getTextContent()));
        }
        assertEquals(List.of("Tabel 3.1 " + tricky, "Nama <&>", "N", tricky, controls, "x\uFFFDy", "  spasi  "),
                decoded);
        assertTrue(new String(parts.get("xl/worksheets/sheet2.xml"), StandardCharsets.UTF_8).contains("&#13;"),
                "a CR survives XML line-end normalisation");
    }

    @Test
    void xstringEscapesControlsAndLiteralEscapesAndKeepsPlainTextAsItIs() {
        String plain = "Jawa Barat";
        assertTrue(plain == SpreadsheetMl.xstring(plain), "no copy when nothing to escape");
        assertEquals("a_x0001_b", SpreadsheetMl.xstring("a\u0001b"));
        assertEquals("_x005F_x00e9_ and _x1", SpreadsheetMl.xstring("_x00e9_ and _x1"));
        assertEquals(32_767, SpreadsheetMl.xstring("x".repeat(40_000)).length());
    }

    @Test
    void columnNamesAndSheetReferences() {
        assertEquals("A", SpreadsheetMl.columnName(0));
        assertEquals("Z", SpreadsheetMl.columnName(25));
        assertEquals("AA", SpreadsheetMl.columnName(26));
        assertEquals("AZ", SpreadsheetMl.columnName(51));
        assertEquals("XFD", SpreadsheetMl.columnName(16_383));
        assertEquals("'Tabel Jum''at'", SpreadsheetMl.quotedSheet("Tabel Jum'at"));
    }

    @Test
    void aMisfitCellIsRejectedBeforeAnythingIsWritten() {
        ReportTable table = new ReportTable("3.2", "Salah", null, List.of(text("l", "Jenjang"), count("n", "Jumlah")),
                List.of(row("Ahli Muda", 3), row("Ahli Madya", "tiga")), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportSheetsComponent().xlsx(SampleReports.of(table), out));
        assertTrue(e.getMessage().contains("table 3.2 row 2 column n"), e.getMessage());
        assertEquals(0, out.size());
        ReportTable shortRow = new ReportTable("3.5", "Kurang", null, List.of(text("l", "L"), mean("m", "M")),
                List.of(row("x")), null);
        assertThrows(IllegalArgumentException.class,
                () -> new ReportSheetsComponent().xlsx(SampleReports.of(shortRow), out));
        ReportTable fraction = new ReportTable("3.5", "Pecahan", null, List.of(text("l", "L"), percent("p", "P")),
                List.of(row("x", new BigDecimal("33.5"))), null);
        assertThrows(IllegalArgumentException.class,
                () -> new ReportSheetsComponent().xlsx(SampleReports.of(fraction), out));
        assertEquals(0, out.size());
    }

    @Test
    void aReportWithoutTablesIsAWorkbookWithItsFirstSheet() throws Exception {
        NationalReport empty = SampleReports.of();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(Workbooks.xlsx(empty)))) {
            assertEquals(List.of("Keterangan"), workbook.getSheets().map(Sheet::getName).collect(Collectors.toList()));
        }
        assertFalse(new String(Workbooks.parts(Workbooks.xlsx(empty)).get("xl/workbook.xml"), StandardCharsets.UTF_8)
                .contains("definedNames"));
    }

    /** Undoes SpreadsheetML's _xHHHH_ escapes (ECMA-376 ST_Xstring). */
    static String decodeXstring(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("_x", i) && i + 7 <= s.length() && s.charAt(i + 6) == '_'
                    && s.substring(i + 2, i + 6).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 6;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
