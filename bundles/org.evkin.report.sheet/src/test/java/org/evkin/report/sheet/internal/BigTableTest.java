package org.evkin.report.sheet.internal;

import static org.evkin.report.sheet.internal.SampleReports.count;
import static org.evkin.report.sheet.internal.SampleReports.mean;
import static org.evkin.report.sheet.internal.SampleReports.percent;
import static org.evkin.report.sheet.internal.SampleReports.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 000-row table is written as it streams out: the heap in use while writing (sampled after a GC every few hundred
 * KB of output) stays a few MB above what the table itself takes, although the sheet's XML is over 20 MB.
 */
class BigTableTest {

    private static final int ROWS = 50_000;
    private static final long BOUND = 12L << 20;

    private static NationalReport report;

    @BeforeAll
    static void bigTable() {
        Random random = new Random(50_000);
        List<List<Object>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            List<Object> row = new ArrayList<>(9);
            row.add(SampleReports.PROVINCES.get(i % SampleReports.PROVINCES.size()));
            row.add("Peserta " + i + " — " + SampleReports.PROGRAMS.get(i % SampleReports.PROGRAMS.size()));
            row.add(random.nextInt(1000));
            row.add(random.nextInt(100));
            row.add(random.nextInt(7) == 0 ? null : SampleReports.score(random));
            row.add(random.nextInt(9) == 0 ? null : random.nextInt(101));
            row.add(SampleReports.score(random));
            row.add(random.nextInt(101));
            row.add(SampleReports.PREDICATES.get(i % 5));
            rows.add(row);
        }
        ReportTable table = new ReportTable("3.7", "Tabel besar", "50 000 baris", List.of(text("province", "Provinsi"),
                text("name", "Peserta"), count("a", "A"), count("b", "B"), mean("m1", "Rata-rata 1"),
                percent("p1", "Persen 1"), mean("m2", "Rata-rata 2"), percent("p2", "Persen 2"),
                text("predicate", "Predikat")), rows, null);
        report = SampleReports.of(table);
    }

    @Test
    void xlsxStreamsInBoundedMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("besar.xlsx");
        long baseline = usedAfterGc();
        long start = System.nanoTime();
        MemoryProbe probe;
        try (OutputStream out = Files.newOutputStream(file)) {
            probe = new MemoryProbe(out, 256 << 10);
            new ReportSheetsComponent().xlsx(report, probe);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("XLSX of %d rows: %d KB in %d ms (with %d GC samples); heap above the model: %d KB at most%n",
                ROWS, probe.bytes >> 10, millis, probe.samples, (probe.maxUsed - baseline) >> 10);
        assertTrue(probe.samples >= 3, "sampled while writing");
        assertTrue(probe.maxUsed - baseline < BOUND, "heap grew by " + ((probe.maxUsed - baseline) >> 20) + " MB");

        start = System.nanoTime();
        new ReportSheetsComponent().xlsx(report, OutputStream.nullOutputStream());
        System.out.printf("XLSX of %d rows again, without GC samples: %d ms%n", ROWS,
                (System.nanoTime() - start) / 1_000_000);

        long readStart = System.nanoTime();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Row> rows = workbook.getSheets().skip(1).findFirst().orElseThrow().read();
            assertEquals(3 + ROWS, rows.size());
            Workbooks.assertSheet(report.tables().get(0), rows);
        }
        System.out.printf("read back and compared in %d ms%n", (System.nanoTime() - readStart) / 1_000_000);
    }

    @Test
    void csvStreamsInBoundedMemory() throws IOException {
        long baseline = usedAfterGc();
        long start = System.nanoTime();
        MemoryProbe probe = new MemoryProbe(OutputStream.nullOutputStream(), 4 << 20);
        new ReportSheetsComponent().csv(report, probe);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("long CSV of %d rows: %d KB in %d ms; heap above the model: %d KB at most%n", ROWS,
                probe.bytes >> 10, millis, (probe.maxUsed - baseline) >> 10);
        assertTrue(probe.samples >= 3, "sampled while writing");
        assertTrue(probe.maxUsed - baseline < BOUND, "heap grew by " + ((probe.maxUsed - baseline) >> 20) + " MB");

        start = System.nanoTime();
        new ReportSheetsComponent().csv(report, OutputStream.nullOutputStream());
        System.out.printf("long CSV of %d rows again, without GC samples: %d ms%n", ROWS,
                (System.nanoTime() - start) / 1_000_000);

        probe = new MemoryProbe(OutputStream.nullOutputStream(), 1 << 20);
        start = System.nanoTime();
        new ReportSheetsComponent().csvTable(report.tables().get(0), probe);
        System.out.printf("table CSV of %d rows: %d KB in %d ms%n", ROWS, probe.bytes >> 10,
                (System.nanoTime() - start) / 1_000_000);
        assertTrue(probe.maxUsed - baseline < BOUND, "heap grew by " + ((probe.maxUsed - baseline) >> 20) + " MB");
        assertTrue(new BigDecimal(probe.bytes).compareTo(BigDecimal.valueOf(ROWS * 40L)) > 0);
    }

    static long usedAfterGc() {
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Passes bytes on and, every so many, notes the heap in use after a GC. */
    private static final class MemoryProbe extends OutputStream {
        private final OutputStream out;
        private final long every;
        long bytes;
        long next;
        long maxUsed;
        int samples;

        MemoryProbe(OutputStream out, long every) {
            this.out = out;
            this.every = every;
            this.next = every;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count(len);
        }

        private void count(int n) {
            bytes += n;
            if (bytes >= next) {
                next += every;
                samples++;
                maxUsed = Math.max(maxUsed, usedAfterGc());
            }
        }
    }
}
