package org.evkin.report.sheet.internal;

import static org.evkin.report.sheet.internal.SampleReports.count;
import static org.evkin.report.sheet.internal.SampleReports.row;
import static org.evkin.report.sheet.internal.SampleReports.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice opens the workbook and shows every cell as the model says (numbers in their formats, formula-like text
 * as text). Skipped where LibreOffice (soffice) is not installed.
 */
class LibreOfficeTest {

    static final List<String> TRICKY = List.of("=1+1", "+62 812", "-", "@SUM(A1:A2)", "a;b \"kutip\"",
            "baris 1\nbaris 2", "_x0041_ tetap", "Ñusa & <Tenggara> 😀");

    @Test
    void libreOfficeShowsEveryCellAsTheModelSays(@TempDir Path dir) throws Exception {
        Path soffice = onPath("soffice");
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: conversion check skipped");

        List<ReportTable> tables = new ArrayList<>(SampleReports.national().tables());
        List<List<Object>> rows = new ArrayList<>();
        for (String t : TRICKY) {
            rows.add(row(t, rows.size()));
        }
        tables.add(new ReportTable("3.13", "Teks sulit", null, List.of(text("t", "Teks"), count("n", "N")), rows,
                null));
        NationalReport report = new NationalReport("Uji LibreOffice", null, "semua", SampleReports.GENERATED, tables);
        Path xlsx = dir.resolve("laporan.xlsx");
        Files.write(xlsx, Workbooks.xlsx(report));

        Path out = Files.createDirectories(dir.resolve("csv"));
        // ';' between fields, '"' around text, UTF-8, values as shown, every sheet to its own file
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
                "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,true,false,false,-1", "--outdir",
                out.toString(), xlsx.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "soffice finished within 5 minutes");
        String log = Files.readString(dir.resolve("soffice.log"));
        assertEquals(0, process.exitValue(), log);

        List<List<String>> info = read(out.resolve("laporan-Keterangan.csv"), log);
        assertEquals(report.title(), info.get(0).get(0));
        assertEquals("28 November 2026, 18.09 WIB", info.get(3).get(1));
        for (ReportTable table : tables) {
            List<List<String>> lines = read(out.resolve("laporan-" + Expected.sheetName(table.id()) + ".csv"), log);
            int header = table.note() == null ? 1 : 2;
            for (int c = 0; c < table.columns().size(); c++) {
                assertEquals(table.columns().get(c).label(), lines.get(header).get(c), table.id() + " header");
            }
            List<List<Object>> expected = new ArrayList<>(table.rows());
            if (table.total() != null) {
                expected.add(table.total());
            }
            for (int r = 0; r < expected.size(); r++) {
                List<String> line = lines.get(header + 1 + r);
                for (int c = 0; c < table.columns().size(); c++) {
                    Object value = expected.get(r).get(c);
                    if (r == table.rows().size() && c == Expected.totalLabelColumn(table)) {
                        value = "TOTAL";
                    }
                    assertEquals(shown(table.columns().get(c).kind(), value), normalise(line.get(c)),
                            table.id() + " row " + (r + 1) + " column " + table.columns().get(c).key());
                }
            }
            assertEquals(header + 1 + expected.size(), lines.size(), table.id() + " rows");
        }
    }

    /** A cell as LibreOffice shows it in en-US: 12, 3.12, 33%, "-", text as is. */
    private static String shown(Kind kind, Object value) {
        if (value == null) {
            return kind == Kind.MEAN ? "-" : "";
        }
        return switch (kind) {
            case TEXT -> (String) value;
            case COUNT -> value.toString();
            case MEAN -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case PERCENT -> value + "%";
        };
    }

    /** A decimal comma (a locale that shows one) read as a point. */
    private static String normalise(String shown) {
        return shown.matches("\\d+,\\d\\d") ? shown.replace(',', '.') : shown;
    }

    private static List<List<String>> read(Path csv, String log) throws Exception {
        assertTrue(Files.exists(csv), csv.getFileName() + " written; soffice said: " + log);
        return Csv.parseLenient(Files.readString(csv, StandardCharsets.UTF_8), ';');
    }

    static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
