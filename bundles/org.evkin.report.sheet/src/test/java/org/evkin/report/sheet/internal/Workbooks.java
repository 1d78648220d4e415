package org.evkin.report.sheet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Kind;
import org.w3c.dom.Document;

/** Test helpers: write a workbook, open its parts, compare a sheet read back by fastexcel-reader with its table. */
final class Workbooks {

    private Workbooks() {
    }

    static byte[] xlsx(NationalReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ReportSheetsComponent().xlsx(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The zip's parts by name, in their order. */
    static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** A part parsed by the JDK's XML parser (namespace aware; fails on anything not well-formed). */
    static Document xml(byte[] part) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(part));
    }

    /** Compares a sheet, as fastexcel-reader reads it, with its table cell by cell (numbers exactly). */
    static void assertSheet(ReportTable table, List<Row> rows) {
        Map<Integer, Row> byNumber = new HashMap<>();
        for (Row row : rows) {
            byNumber.put(row.getRowNum(), row);
        }
        String where = "table " + table.id();
        String heading = table.title().startsWith(Expected.sheetName(table.id())) ? table.title()
                : Expected.sheetName(table.id()) + " " + table.title();
        assertEquals(heading, byNumber.get(1).getCellText(0), where + " title");
        int r = 2;
        if (table.note() != null) {
            assertEquals(table.note(), byNumber.get(2).getCellText(0), where + " note");
            r = 3;
        }
        Row header = byNumber.get(r);
        for (int c = 0; c < table.columns().size(); c++) {
            assertEquals(table.columns().get(c).label(), header.getCellText(c), where + " header " + c);
        }
        for (int i = 0; i < table.rows().size(); i++) {
            r++;
            assertRow(table, table.rows().get(i), byNumber.get(r), where + " row " + (i + 1), false);
        }
        if (table.total() != null) {
            r++;
            assertRow(table, table.total(), byNumber.get(r), where + " total", true);
        }
        int last = r;
        assertTrue(rows.stream().allMatch(row -> row.getRowNum() <= last), where + ": no rows after the table");
    }

    private static void assertRow(ReportTable table, List<Object> cells, Row row, String where, boolean total) {
        for (int c = 0; c < table.columns().size(); c++) {
            Kind kind = table.columns().get(c).kind();
            Object value = cells.get(c);
            if (total && c == Expected.totalLabelColumn(table)) {
                value = "TOTAL";
            }
            assertCell(kind, value, row.getOptionalCell(c), where + " column " + table.columns().get(c).key());
        }
    }

    static void assertCell(Kind kind, Object value, Optional<Cell> read, String where) {
        Optional<Cell> cell = read.filter(c -> c.getType() != CellType.EMPTY);
        switch (kind) {
            case TEXT -> {
                if (value == null || value.toString().isEmpty()) {
                    assertTrue(cell.isEmpty(), where + ": empty");
                } else {
                    assertEquals(CellType.STRING, cell.orElseThrow().getType(), where);
                    assertEquals(value, cell.get().asString(), where);
                }
            }
            case COUNT -> {
                if (value == null) {
                    assertTrue(cell.isEmpty(), where + ": empty");
                } else {
                    assertNumber(new BigDecimal(value.toString()), cell, "0", where);
                }
            }
            case MEAN -> {
                if (value == null) {
                    assertEquals(CellType.STRING, cell.orElseThrow().getType(), where);
                    assertEquals("-", cell.get().asString(), where);
                } else {
                    assertNumber((BigDecimal) value, cell, "0.00", where);
                }
            }
            case PERCENT -> {
                if (value == null) {
                    assertTrue(cell.isEmpty(), where + ": empty");
                } else {
                    assertNumber(new BigDecimal(value.toString()).movePointLeft(2), cell, "0%", where);
                }
            }
        }
    }

    private static void assertNumber(BigDecimal expected, Optional<Cell> cell, String format, String where) {
        assertEquals(CellType.NUMBER, cell.orElseThrow(() -> new AssertionError(where + ": no cell")).getType(), where);
        assertEquals(0, expected.compareTo(cell.get().asNumber()),
                where + ": " + expected + " expected, " + cell.get().asNumber() + " read");
        assertEquals(format, cell.get().getDataFormatString(), where + " number format");
    }
}
