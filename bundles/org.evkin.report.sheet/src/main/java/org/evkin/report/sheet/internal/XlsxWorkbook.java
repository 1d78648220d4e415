package org.evkin.report.sheet.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;

/**
 * Writes the national report as an Office Open XML workbook (SpreadsheetML) with the JDK alone: a "Keterangan" sheet
 * (title, scope, time, the list of tables), then a sheet per table with its title, note, a bold header row (frozen),
 * the rows and a bold total row. Text is written as inline strings, never as formulas; numbers as numbers. Each sheet
 * is streamed into the zip, so memory stays flat however long a table is.
 */
final class XlsxWorkbook {

    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private final Texts texts;

    XlsxWorkbook(Texts texts) {
        this.texts = texts;
    }

    /** Where a table lands: its sheet, the row numbers (1-based) of its parts. */
    private record Sheet(ReportTable table, String name, int noteRow, int headerRow, int lastRow) {

        int firstDataRow() {
            return headerRow + 1;
        }
    }

    void write(NationalReport report, OutputStream target) throws IOException {
        report.tables().forEach(Tables::check);
        SheetNames names = new SheetNames(texts.text("sheet.fallback"));
        String infoName = names.unique(texts.text("sheet.info"));
        List<Sheet> sheets = new ArrayList<>();
        for (ReportTable table : report.tables()) {
            sheets.add(plan(table, names.unique(Tables.caption(table.id(), texts))));
        }

        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        long time = report.generatedAt() == null ? System.currentTimeMillis() : report.generatedAt().toEpochMilli();

        contentTypes(part(zip, writer, "[Content_Types].xml", time), sheets.size());
        zip.closeEntry();
        packageRelationships(part(zip, writer, "_rels/.rels", time));
        zip.closeEntry();
        coreProperties(part(zip, writer, "docProps/core.xml", time), report);
        zip.closeEntry();
        workbook(part(zip, writer, "xl/workbook.xml", time), infoName, sheets);
        zip.closeEntry();
        workbookRelationships(part(zip, writer, "xl/_rels/workbook.xml.rels", time), sheets.size());
        zip.closeEntry();
        XlsxStyle.write(part(zip, writer, "xl/styles.xml", time));
        zip.closeEntry();
        infoSheet(part(zip, writer, "xl/worksheets/sheet1.xml", time), report, sheets);
        zip.closeEntry();
        for (int i = 0; i < sheets.size(); i++) {
            tableSheet(part(zip, writer, "xl/worksheets/sheet" + (i + 2) + ".xml", time), sheets.get(i));
            zip.closeEntry();
        }
        zip.finish();
        target.flush();
    }

    private static Sheet plan(ReportTable table, String name) {
        if (table.columns().size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("table " + table.id() + " has more columns than a sheet can hold");
        }
        boolean note = table.note() != null && !table.note().isBlank();
        int headerRow = note ? 3 : 2;
        long lastRow = (long) headerRow + table.rows().size() + (table.total() == null ? 0 : 1);
        if (lastRow > MAX_ROWS) {
            throw new IllegalArgumentException("table " + table.id() + " has more rows than a sheet can hold");
        }
        return new Sheet(table, name, note ? 2 : 0, headerRow, (int) lastRow);
    }

    private static XmlWriter part(ZipOutputStream zip, Writer writer, String name, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        return new XmlWriter(writer).declaration();
    }

    private static void contentTypes(XmlWriter xml, int tables) throws IOException {
        xml.start("Types").attr("xmlns", CONTENT_TYPES);
        xml.start("Default").attr("Extension", "rels")
                .attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").end();
        xml.start("Default").attr("Extension", "xml").attr("ContentType", "application/xml").end();
        xml.start("Override").attr("PartName", "/xl/workbook.xml")
                .attr("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml").end();
        xml.start("Override").attr("PartName", "/xl/styles.xml")
                .attr("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml").end();
        xml.start("Override").attr("PartName", "/docProps/core.xml")
                .attr("ContentType", "application/vnd.openxmlformats-package.core-properties+xml").end();
        for (int i = 1; i <= tables + 1; i++) {
            xml.start("Override").attr("PartName", "/xl/worksheets/sheet" + i + ".xml").attr("ContentType", SHEET_TYPE)
                    .end();
        }
        xml.end().finish();
    }

    private static void packageRelationships(XmlWriter xml) throws IOException {
        xml.start("Relationships").attr("xmlns", PACKAGE_REL);
        xml.start("Relationship").attr("Id", "rId1").attr("Type", REL + "/officeDocument")
                .attr("Target", "xl/workbook.xml").end();
        xml.start("Relationship").attr("Id", "rId2")
                .attr("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
                .attr("Target", "docProps/core.xml").end();
        xml.end().finish();
    }

    private static void coreProperties(XmlWriter xml, NationalReport report) throws IOException {
        xml.start("cp:coreProperties")
                .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
                .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/").attr("xmlns:dcterms", "http://purl.org/dc/terms/")
                .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.element("dc:title", SpreadsheetMl.xstring(report.title()));
        xml.element("dc:creator", "EvKin");
        if (report.generatedAt() != null) {
            xml.start("dcterms:created").attr("xsi:type", "dcterms:W3CDTF")
                    .text(report.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString()).end();
        }
        xml.end().finish();
    }

    private static void workbook(XmlWriter xml, String infoName, List<Sheet> sheets) throws IOException {
        xml.start("workbook").attr("xmlns", MAIN).attr("xmlns:r", REL);
        xml.start("bookViews").start("workbookView").attr("activeTab", 0).end().end();
        xml.start("sheets");
        xml.start("sheet").attr("name", infoName).attr("sheetId", 1).attr("r:id", "rId1").end();
        for (int i = 0; i < sheets.size(); i++) {
            xml.start("sheet").attr("name", sheets.get(i).name()).attr("sheetId", i + 2).attr("r:id", "rId" + (i + 2))
                    .end();
        }
        xml.end();
        if (!sheets.isEmpty()) {
            // print the title, note and header rows on every page
            xml.start("definedNames");
            for (int i = 0; i < sheets.size(); i++) {
                Sheet sheet = sheets.get(i);
                xml.start("definedName").attr("name", "_xlnm.Print_Titles").attr("localSheetId", i + 1)
                        .text(SpreadsheetMl.quotedSheet(sheet.name()) + "!$1:$" + sheet.headerRow()).end();
            }
            xml.end();
        }
        xml.end().finish();
    }

    private static void workbookRelationships(XmlWriter xml, int tables) throws IOException {
        xml.start("Relationships").attr("xmlns", PACKAGE_REL);
        for (int i = 1; i <= tables + 1; i++) {
            xml.start("Relationship").attr("Id", "rId" + i).attr("Type", REL + "/worksheet")
                    .attr("Target", "worksheets/sheet" + i + ".xml").end();
        }
        xml.start("Relationship").attr("Id", "rId" + (tables + 2)).attr("Type", REL + "/styles")
                .attr("Target", "styles.xml").end();
        xml.end().finish();
    }

    /** The first sheet: title, scope, when, the list of tables (each a link to its sheet), what "-" means. */
    private void infoSheet(XmlWriter xml, NationalReport report, List<Sheet> sheets) throws IOException {
        int listHeader = 6;
        int legendRow = listHeader + sheets.size() + 2;
        int widest = 40;
        for (Sheet sheet : sheets) {
            widest = Math.max(widest, length(sheet.table().title()));
        }
        widest = Math.max(widest, length(report.filterText()));
        double[] widths = {18, Math.min(widest + 2, 100)};
        startSheet(xml, "A1:B" + legendRow, true, 0, widths);

        row(xml, 1);
        text(xml, "A1", report.title(), XlsxStyle.TITLE);
        xml.end();
        row(xml, 3, ColumnWidths.lines(report.filterText(), widths[1], false));
        text(xml, "A3", texts.text("info.filter"), XlsxStyle.LABEL);
        text(xml, "B3", report.filterText(), XlsxStyle.text(report.filterText(), false));
        xml.end();
        row(xml, 4);
        text(xml, "A4", texts.text("info.generated"), XlsxStyle.LABEL);
        if (report.generatedAt() != null) {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(texts.text("info.generated.pattern"),
                    Texts.INDONESIAN);
            text(xml, "B4", format.format(report.generatedAt().atZone(JAKARTA)), XlsxStyle.TEXT);
        }
        xml.end();
        row(xml, listHeader - 1);
        text(xml, "A" + (listHeader - 1), texts.text("info.tables"), XlsxStyle.LABEL);
        xml.end();
        row(xml, listHeader);
        text(xml, "A" + listHeader, texts.text("info.sheet"), XlsxStyle.HEADER);
        text(xml, "B" + listHeader, texts.text("info.title"), XlsxStyle.HEADER);
        xml.end();
        for (int i = 0; i < sheets.size(); i++) {
            int r = listHeader + 1 + i;
            String title = sheets.get(i).table().title();
            row(xml, r, ColumnWidths.lines(title, widths[1], false));
            text(xml, "A" + r, sheets.get(i).name(), XlsxStyle.LINK);
            text(xml, "B" + r, title, XlsxStyle.text(title, false));
            xml.end();
        }
        row(xml, legendRow, ColumnWidths.lines(texts.text("info.legend"), widths[1], false));
        text(xml, "A" + legendRow, texts.text("info.notes"), XlsxStyle.LABEL);
        text(xml, "B" + legendRow, texts.text("info.legend"), XlsxStyle.TEXT);
        xml.end();
        xml.end(); // sheetData

        if (!sheets.isEmpty()) {
            xml.start("hyperlinks");
            for (int i = 0; i < sheets.size(); i++) {
                String name = sheets.get(i).name();
                xml.start("hyperlink").attr("ref", "A" + (listHeader + 1 + i))
                        .attr("location", SpreadsheetMl.quotedSheet(name) + "!A1").attr("display", name).end();
            }
            xml.end();
        }
        endSheet(xml);
    }

    /** A table's sheet: title, note, header, rows, total. */
    private void tableSheet(XmlWriter xml, Sheet sheet) throws IOException {
        ReportTable table = sheet.table();
        List<Column> columns = table.columns();
        String[] letters = new String[columns.size()];
        for (int c = 0; c < letters.length; c++) {
            letters[c] = SpreadsheetMl.columnName(c);
        }
        double[] widths = ColumnWidths.of(table, texts);
        startSheet(xml, "A1:" + letters[letters.length - 1] + sheet.lastRow(), false, sheet.headerRow(), widths);

        row(xml, 1);
        text(xml, "A1", Tables.heading(table, texts), XlsxStyle.TITLE);
        xml.end();
        if (sheet.noteRow() > 0) {
            row(xml, sheet.noteRow());
            text(xml, "A" + sheet.noteRow(), table.note().strip(), XlsxStyle.NOTE);
            xml.end();
        }
        int headerLines = 1;
        for (int c = 0; c < columns.size(); c++) {
            headerLines = Math.max(headerLines, ColumnWidths.lines(columns.get(c).label(), widths[c], true));
        }
        row(xml, sheet.headerRow(), headerLines);
        for (int c = 0; c < columns.size(); c++) {
            text(xml, letters[c] + sheet.headerRow(), columns.get(c).label(), XlsxStyle.HEADER);
        }
        xml.end();

        int r = sheet.firstDataRow();
        for (List<Object> cells : table.rows()) {
            bodyRow(xml, columns, letters, widths, r++, cells, false, -1);
        }
        if (table.total() != null) {
            bodyRow(xml, columns, letters, widths, r, table.total(), true, Tables.totalLabelColumn(table));
        }
        xml.end(); // sheetData
        endSheet(xml);
    }

    private void bodyRow(XmlWriter xml, List<Column> columns, String[] letters, double[] widths, int r,
            List<Object> cells, boolean total, int totalLabel) throws IOException {
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).kind() == Kind.TEXT && cells.get(c) != null) {
                lines = Math.max(lines, ColumnWidths.lines((String) cells.get(c), widths[c], total));
            }
        }
        row(xml, r, lines);
        for (int c = 0; c < columns.size(); c++) {
            String ref = letters[c] + r;
            Object value = cells.get(c);
            switch (columns.get(c).kind()) {
                case TEXT -> {
                    String s = c == totalLabel ? texts.text("row.total") : (String) value;
                    if (s == null || s.isEmpty()) {
                        empty(xml, ref, total ? XlsxStyle.TOTAL_TEXT : XlsxStyle.TEXT);
                    } else {
                        text(xml, ref, s, XlsxStyle.text(s, total));
                    }
                }
                case COUNT -> {
                    XlsxStyle style = total ? XlsxStyle.TOTAL_COUNT : XlsxStyle.COUNT;
                    if (value == null) {
                        empty(xml, ref, style);
                    } else {
                        number(xml, ref, Cells.count(value).toString(), style);
                    }
                }
                case MEAN -> {
                    if (value == null) {
                        text(xml, ref, "-", total ? XlsxStyle.TOTAL_DASH : XlsxStyle.DASH);
                    } else {
                        number(xml, ref, Cells.decimal(value).toPlainString(),
                                total ? XlsxStyle.TOTAL_MEAN : XlsxStyle.MEAN);
                    }
                }
                case PERCENT -> {
                    XlsxStyle style = total ? XlsxStyle.TOTAL_PERCENT : XlsxStyle.PERCENT;
                    if (value == null) {
                        empty(xml, ref, style);
                    } else {
                        number(xml, ref, Cells.fraction(value).toPlainString(), style);
                    }
                }
            }
        }
        xml.end();
    }

    private static void startSheet(XmlWriter xml, String dimension, boolean selected, int frozenRows, double[] widths)
            throws IOException {
        xml.start("worksheet").attr("xmlns", MAIN).attr("xmlns:r", REL);
        xml.start("sheetPr").start("pageSetUpPr").attr("fitToPage", "1").end().end();
        xml.start("dimension").attr("ref", dimension).end();
        xml.start("sheetViews").start("sheetView").attr("tabSelected", selected ? "1" : null).attr("workbookViewId", 0);
        if (frozenRows > 0) {
            String topLeft = "A" + (frozenRows + 1);
            xml.start("pane").attr("ySplit", frozenRows).attr("topLeftCell", topLeft).attr("activePane", "bottomLeft")
                    .attr("state", "frozen").end();
            xml.start("selection").attr("pane", "bottomLeft").attr("activeCell", topLeft).attr("sqref", topLeft).end();
        }
        xml.end().end();
        xml.start("sheetFormatPr").attr("defaultRowHeight", "15").end();
        xml.start("cols");
        for (int c = 0; c < widths.length; c++) {
            xml.start("col").attr("min", c + 1).attr("max", c + 1).attr("width", Double.toString(widths[c]))
                    .attr("customWidth", "1").end();
        }
        xml.end();
        xml.start("sheetData");
    }

    private static void endSheet(XmlWriter xml) throws IOException {
        xml.start("pageMargins").attr("left", "0.5").attr("right", "0.5").attr("top", "0.75").attr("bottom", "0.75")
                .attr("header", "0.3").attr("footer", "0.3").end();
        // A4 landscape, as wide as one page
        xml.start("pageSetup").attr("paperSize", "9").attr("orientation", "landscape").attr("fitToWidth", "1")
                .attr("fitToHeight", "0").end();
        xml.end().finish();
    }

    private static void row(XmlWriter xml, int r) throws IOException {
        xml.start("row").attr("r", r);
    }

    /** A row as high as its tallest wrapped text (Calibri 11: 15 points a line). */
    private static void row(XmlWriter xml, int r, int lines) throws IOException {
        xml.start("row").attr("r", r);
        if (lines > 1) {
            xml.attr("ht", Integer.toString(15 * lines)).attr("customHeight", "1");
        }
    }

    private static void text(XmlWriter xml, String ref, String value, XlsxStyle style) throws IOException {
        if (value == null || value.isEmpty()) {
            empty(xml, ref, style);
            return;
        }
        String s = SpreadsheetMl.xstring(value);
        xml.start("c").attr("r", ref).attr("s", style(style)).attr("t", "inlineStr").start("is").start("t");
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
                || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0) {
            xml.attr("xml:space", "preserve");
        }
        xml.text(s).end().end().end();
    }

    private static void number(XmlWriter xml, String ref, String value, XlsxStyle style) throws IOException {
        xml.start("c").attr("r", ref).attr("s", style(style)).element("v", value).end();
    }

    private static void empty(XmlWriter xml, String ref, XlsxStyle style) throws IOException {
        if (style != XlsxStyle.DEFAULT && style != XlsxStyle.TEXT) {
            xml.start("c").attr("r", ref).attr("s", style(style)).end();
        }
    }

    private static String style(XlsxStyle style) {
        return style == XlsxStyle.DEFAULT ? null : Integer.toString(style.ordinal());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
