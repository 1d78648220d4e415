package org.evkin.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.evkin.report.IndividualReport;
import org.junit.jupiter.api.Test;

/**
 * 200 individual PDFs one after another, as a request for a province's reports renders them: prints the time per
 * PDF, the size and the heap after a GC (nothing may pile up between documents). No assertion on time.
 */
class ManyIndividualPdfsTest {

    private static final int COUNT = 200;

    @Test
    void twoHundredInARow() throws IOException {
        PdfReportDocuments documents = new PdfReportDocuments();
        for (int i = 0; i < 20; i++) {
            documents.individualPdf(Samples.pkFinal(i, i % 2 == 0), new ByteArrayOutputStream());
        }
        long heapBefore = usedHeapAfterGc();
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            IndividualReport report = switch (i % 4) {
                case 0 -> Samples.pkFinal(i, true);
                case 1 -> Samples.pkFinal(i, false);
                case 2 -> Samples.pak(i);
                default -> Samples.partial(i);
            };
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            documents.individualPdf(report, out);
            assertTrue(out.size() > 10_000);
            bytes += out.size();
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long heapAfter = usedHeapAfterGc();
        System.out.printf("%d individual PDFs in %d ms: %.1f ms per PDF (%.1f ms CPU of this thread), %.1f KB average; "
                + "heap after GC %d MB before, %d MB after%n", COUNT, nanos / 1_000_000, nanos / 1e6 / COUNT, cpu / 1e6 / COUNT,
                bytes / 1024.0 / COUNT, heapBefore >> 20, heapAfter >> 20);
        assertTrue(heapAfter - heapBefore < 64L << 20, "no documents kept alive: " + (heapAfter - heapBefore) + " bytes more");
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
