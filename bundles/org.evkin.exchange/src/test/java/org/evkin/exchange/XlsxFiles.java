package org.evkin.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds real .xlsx files for the tests: with fastexcel, or by hand for the corners of the format. */
final class XlsxFiles {

    private XlsxFiles() {
    }

    /**
     * A workbook whose first sheet holds these rows (row 0 = sheet row 1); a null row is left out (blank), a null
     * value leaves its cell out, a String is a text cell, a Number a numeric cell. Further sheets follow.
     */
    @SafeVarargs
    static byte[] workbook(List<List<Object>> first, List<List<Object>>... more) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "EvKinTest", "1.0");
        write(wb.newWorksheet("Peserta"), first);
        int n = 2;
        for (List<List<Object>> sheet : more) {
            write(wb.newWorksheet("Lembar" + n++), sheet);
        }
        wb.finish();
        return out.toByteArray();
    }

    private static void write(Worksheet ws, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row == null) {
                continue;
            }
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof String s) {
                    ws.value(r, c, s);
                } else if (v instanceof Number num) {
                    ws.value(r, c, num);
                }
            }
        }
    }

    /**
     * A hand-made package: the workbook lists "Data" (sheet2.xml, the first tab) before "Lain" (sheet1.xml), the
     * relationships use absolute or relative targets, and the sheet XML is given as is.
     */
    static byte[] handmade(String firstSheetData, String sharedStringItems, boolean absoluteTargets)
            throws IOException {
        String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String prefix = absoluteTargets ? "/xl/" : "";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:workbook xmlns:x=\"" + ns
                    + "\" xmlns:r=\"" + rel + "\"><x:sheets>"
                    + "<x:sheet name=\"Data\" sheetId=\"2\" r:id=\"rId7\"/>"
                    + "<x:sheet name=\"Lain\" sheetId=\"1\" r:id=\"rId3\"/></x:sheets></x:workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId3\" Type=\"" + rel + "/worksheet\" Target=\"" + prefix
                    + "worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId7\" Type=\"" + rel + "/worksheet\" Target=\"" + prefix
                    + "worksheets/sheet2.xml\"/>"
                    + (sharedStringItems == null ? "" : "<Relationship Id=\"rId9\" Type=\"" + rel
                            + "/sharedStrings\" Target=\"" + prefix + "sharedStrings.xml\"/>")
                    + "</Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns
                    + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>bukan ini</t></is></c></row>"
                    + "</sheetData></worksheet>");
            put(zip, "xl/worksheets/sheet2.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns
                    + "\"><dimension ref=\"A1:K3\"/><sheetData>" + firstSheetData + "</sheetData></worksheet>");
            if (sharedStringItems != null) {
                put(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns
                        + "\">" + sharedStringItems + "</sst>");
            }
        }
        return out.toByteArray();
    }

    /** Inline-string cells of one row, without cell references: the reader must place them one after another. */
    static String inlineRow(int number, List<String> values) {
        StringBuilder b = new StringBuilder("<row r=\"" + number + "\">");
        for (String v : values) {
            b.append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(v)).append("</t></is></c>");
        }
        return b.append("</row>").toString();
    }

    static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
