package org.evkin.report.sheet.internal;

import static org.evkin.report.sheet.internal.SampleReports.count;
import static org.evkin.report.sheet.internal.SampleReports.mean;
import static org.evkin.report.sheet.internal.SampleReports.percent;
import static org.evkin.report.sheet.internal.SampleReports.row;
import static org.evkin.report.sheet.internal.SampleReports.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.junit.jupiter.api.Test;

/** The CSV exports, read back with a strict RFC 4180 reader. */
class CsvExportTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void longFormHasOneLinePerCellOfEveryTable() throws IOException {
        NationalReport report = SampleReports.national();
        List<List<String>> lines = parse(csv(report));
        assertEquals(List.of("tabel", "judul_tabel", "baris", "label_baris", "kolom", "label_kolom", "nilai"),
                lines.get(0));
        int at = 1;
        for (ReportTable table : report.tables()) {
            int[] labels = Expected.labels(table);
            for (int r = 0; r <= table.rows().size(); r++) {
                boolean total = r == table.rows().size();
                if (total && table.total() == null) {
                    break;
                }
                List<Object> row = total ? table.total() : table.rows().get(r);
                String label = Expected.label(row, labels);
                if (total && label.isEmpty()) {
                    label = "TOTAL";
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    if (c >= labels[0] && c < labels[1]) {
                        continue;
                    }
                    Column column = table.columns().get(c);
                    assertEquals(List.of(table.id(), table.title(), total ? "TOTAL" : Integer.toString(r + 1), label,
                            column.key(), column.label(), Expected.csv(column.kind(), row.get(c))), lines.get(at),
                            "line " + (at + 1));
                    at++;
                }
            }
        }
        assertEquals(lines.size(), at, "no lines beyond the tables");
        List<String> t39 = lines.stream()
                .filter(l -> l.get(0).equals("3.9") && l.get(2).equals("5") && l.get(4).equals("AHLI_PERTAMA"))
                .findFirst().orElseThrow();
        assertEquals("Informasi Pasar Kerja / Ahli Pertama", t39.get(3), "3.9 rows are labelled subkompetensi / jenjang");
        assertTrue(lines.contains(List.of("3.7", report.table("3.7").title(), "TOTAL", "TOTAL", "no", "No", "")),
                "the number column is a value (empty in the total), the label is TOTAL");
        assertTrue(lines.stream().filter(l -> l.get(0).equals("3.1")).allMatch(l -> !l.get(4).equals("title")),
                "program code and title are the label of Tabel 3.1");
        assertTrue(lines.stream().filter(l -> l.get(0).equals("3.1") && l.get(2).equals("1")).allMatch(
                l -> l.get(3).equals("BIMTEK-KONSELOR-JKP-2025 / Bimtek Konselor JKP 2025")));
        assertTrue(lines.stream().filter(l -> l.get(0).equals("G3.1")).allMatch(l -> l.get(4).equals("mean")),
                "Gambar 3.1: the four text columns label the row, the mean is the value");
        assertTrue(lines.stream().anyMatch(l -> l.get(0).equals("G3.1") && l.get(2).equals("TOTAL")
                && l.get(3).equals("KESIMPULAN / Berkinerja Tinggi") && l.get(6).equals("3,05")));
    }

    @Test
    void eachTableInItsOwnLayout() throws IOException {
        for (ReportTable table : SampleReports.national().tables()) {
            List<List<String>> lines = parse(csvTable(table));
            List<String> header = table.columns().stream().map(Column::label).toList();
            assertEquals(header, lines.get(0), table.id());
            for (int r = 0; r < table.rows().size(); r++) {
                assertEquals(expectedRow(table, table.rows().get(r), false), lines.get(r + 1), table.id() + " row " + r);
            }
            int size = 1 + table.rows().size();
            if (table.total() != null) {
                assertEquals(expectedRow(table, table.total(), true), lines.get(size), table.id() + " total");
                size++;
            }
            assertEquals(size, lines.size(), table.id());
        }
        List<List<String>> t31 = parse(csvTable(SampleReports.national().table("3.1")));
        assertEquals(List.of("", "TOTAL", ""), t31.get(t31.size() - 1).subList(0, 3), "the total as the report has it");
    }

    @Test
    void utf8WithBomSemicolonsCrlfAndDecimalComma() throws IOException {
        ReportTable table = new ReportTable("3.4", "Rata-rata", null,
                List.of(text("p", "Program"), mean("m", "Rata-rata"), percent("s", "Persen"), count("n", "Jumlah")),
                List.of(row("Bimtek Konselor", new BigDecimal("3.12"), 33, 1200),
                        row("Penyuluhan Jabatan — Papua Pegunungan", null, null, 0),
                        row("Nol", new BigDecimal("1.00"), 0, null)),
                row(null, new BigDecimal("2.50"), 100, 1200));
        for (byte[] bytes : List.of(csvTable(table), csv(SampleReports.of(table)))) {
            assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\r\n"));
            assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, "every line ends in CRLF");
            assertTrue(text.contains("Penyuluhan Jabatan — Papua Pegunungan"), "UTF-8 text");
        }
        String byTable = new String(csvTable(table), StandardCharsets.UTF_8).substring(1);
        assertEquals("Program;Rata-rata;Persen;Jumlah\r\n"
                + "Bimtek Konselor;3,12;33;1200\r\n"
                + "Penyuluhan Jabatan — Papua Pegunungan;-;;0\r\n"
                + "Nol;1,00;0;\r\n"
                + "TOTAL;2,50;100;1200\r\n", byTable);
        String longForm = new String(csv(SampleReports.of(table)), StandardCharsets.UTF_8).substring(1);
        assertTrue(longForm.contains("\r\n3.4;Rata-rata;2;Penyuluhan Jabatan — Papua Pegunungan;m;Rata-rata;-\r\n"));
        assertTrue(longForm.contains("\r\n3.4;Rata-rata;2;Penyuluhan Jabatan — Papua Pegunungan;s;Persen;\r\n"));
        assertTrue(longForm.contains("\r\n3.4;Rata-rata;TOTAL;TOTAL;m;Rata-rata;2,50\r\n"));
    }

    @Test
    void delimitersQuotesAndLineBreaksInsideCellsAreQuoted() throws IOException {
        List<String> texts = List.of("Sumatera Utara; Medan", "Program \"Unggulan\"", "baris 1\nbaris 2",
                "baris 1\r\nbaris 2", "\"", ";", "biasa");
        List<List<Object>> rows = new ArrayList<>();
        for (String t : texts) {
            rows.add(row(t, 1));
        }
        ReportTable table = new ReportTable("3.7", "Judul; dengan \"kutip\"", null,
                List.of(text("province", "Provinsi; kota"), count("n", "Jumlah")), rows, null);
        List<List<String>> lines = parse(csvTable(table));
        assertEquals(List.of("Provinsi; kota", "Jumlah"), lines.get(0));
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(List.of(texts.get(i), "1"), lines.get(i + 1));
        }
        String raw = new String(csvTable(table), StandardCharsets.UTF_8);
        assertTrue(raw.contains("\r\n\"Sumatera Utara; Medan\";1\r\n"));
        assertTrue(raw.contains("\r\n\"Program \"\"Unggulan\"\"\";1\r\n"));
        assertTrue(raw.contains("\r\n\"baris 1\nbaris 2\";1\r\n"));
        assertTrue(raw.contains("\r\nbiasa;1\r\n"), "no quotes where none are needed");

        List<List<String>> longForm = parse(csv(SampleReports.of(table)));
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(List.of("3.7", "Judul; dengan \"kutip\"", Integer.toString(i + 1), texts.get(i), "n", "Jumlah",
                    "1"), longForm.get(i + 1));
        }
    }

    @Test
    void formulaLikeTextGetsALeadingApostrophe() throws IOException {
        List<String> attacks = List.of("=1+1", "+62 812", "-2+3", "@SUM(A1:A9)", "\tTab", "\r=cr",
                "=HYPERLINK(\"http://contoh.invalid\";\"klik\")", "＝1+1");
        List<List<Object>> rows = new ArrayList<>();
        for (String attack : attacks) {
            rows.add(row(attack, null, "=kategori"));
        }
        ReportTable table = new ReportTable("G3.1", "=judul", null,
                List.of(text("s", "@label"), mean("m", "Rata-rata"), text("c", "Kategori")), rows, null);
        List<List<String>> lines = parse(csvTable(table));
        assertEquals(List.of("'@label", "Rata-rata", "Kategori"), lines.get(0));
        for (int i = 0; i < attacks.size(); i++) {
            assertEquals(List.of("'" + attacks.get(i), "-", "'=kategori"), lines.get(i + 1),
                    "the dash of a missing mean is not guarded");
        }
        List<List<String>> longForm = parse(csv(SampleReports.of(table)));
        for (List<String> line : longForm.subList(1, longForm.size())) {
            assertEquals("'=judul", line.get(1));
            assertTrue(line.get(3).startsWith("'"), line.toString());
            assertEquals(line.get(4).equals("m") ? "-" : "'=kategori", line.get(6));
        }
        String raw = new String(csvTable(table), StandardCharsets.UTF_8);
        assertTrue(raw.contains("\"'=HYPERLINK(\"\"http://contoh.invalid\"\";\"\"klik\"\")\";-;'=kategori"), raw);
    }

    @Test
    void aMisfitCellIsRejectedBeforeAnythingIsWritten() {
        ReportTable table = new ReportTable("3.4", "Salah", null, List.of(text("p", "Program"), mean("m", "Rata-rata")),
                List.of(row("A", new BigDecimal("3.10")), row("B", "3,10")), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportSheetsComponent().csv(SampleReports.of(table), out));
        assertTrue(e.getMessage().contains("table 3.4 row 2 column m"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReportSheetsComponent().csvTable(table, out));
        assertEquals(0, out.size());
    }

    @Test
    void theCallersStreamStaysOpen() throws IOException {
        class Watched extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Watched out = new Watched();
        new ReportSheetsComponent().csv(SampleReports.national(), out);
        new ReportSheetsComponent().csvTable(SampleReports.national().table("3.1"), out);
        new ReportSheetsComponent().xlsx(SampleReports.national(), out);
        assertTrue(out.size() > 0);
        assertTrue(!out.closed, "the caller closes its stream");
    }

    private static List<String> expectedRow(ReportTable table, List<Object> row, boolean total) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            if (total && c == Expected.totalLabelColumn(table)) {
                cells.add("TOTAL");
            } else {
                cells.add(Expected.csv(column.kind(), row.get(c)));
            }
        }
        return cells;
    }

    static List<List<String>> parse(byte[] csv) {
        assertArrayEquals(BOM, Arrays.copyOf(csv, 3), "UTF-8 BOM");
        return Csv.parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8), ';');
    }

    static byte[] csv(NationalReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportSheetsComponent().csv(report, out);
        return out.toByteArray();
    }

    static byte[] csvTable(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportSheetsComponent().csvTable(table, out);
        return out.toByteArray();
    }
}
