package org.evkin.distribution.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reading what the report endpoints return besides JSON: CSV (';', decimal comma, BOM), ZIP and XLSX entries. */
final class Sheets {

    private Sheets() {
    }

    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    /** The records of a ';'-separated CSV (RFC 4180 quoting), without a BOM; blank lines skipped. */
    static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Whether a CSV value says what a JSON cell says: "" for null, decimal comma for decimals. */
    static boolean sameValue(JsonNode cell, String csv) {
        if (cell == null || cell.isNull()) {
            return csv.isEmpty() || csv.equals("-");
        }
        if (cell.isNumber()) {
            if (csv.isEmpty() || csv.indexOf('.') >= 0) {
                return false; // a decimal point instead of the comma is wrong too
            }
            try {
                return new BigDecimal(csv.replace(',', '.')).compareTo(cell.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return cell.asText().equals(csv);
    }

    /** A JSON number or text as Indonesian readers see it: 3.12 → "3,12". */
    static String indonesian(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return "";
        }
        if (cell.isNumber() && !cell.isIntegralNumber()) {
            return cell.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
        }
        return cell.asText();
    }

    /** The entries of a ZIP: name → bytes, in order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The sheet names of an XLSX workbook (xl/workbook.xml). */
    static List<String> xlsxSheets(byte[] xlsx) throws IOException {
        byte[] workbook = unzip(xlsx).get("xl/workbook.xml");
        if (workbook == null) {
            throw new AssertionError("not an XLSX file: no xl/workbook.xml");
        }
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*\\bname=\"([^\"]*)\"").matcher(new String(workbook, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
