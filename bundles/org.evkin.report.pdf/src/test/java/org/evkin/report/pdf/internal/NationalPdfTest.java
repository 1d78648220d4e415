package org.evkin.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The national report PDF, reopened with PDFBox: every table with its header, rows, TOTAL and chart, A4 pages. */
class NationalPdfTest {

    private static NationalReport report;
    private static Pdf pdf;

    @BeforeAll
    static void render() {
        report = Samples.national();
        pdf = Pdf.national(report);
    }

    @Test
    void titleFilterDateAndContents() {
        String cover = pdf.pages().get(0);
        for (String expected : List.of("LAPORAN HASIL EVALUASI KINERJA NASIONAL PENGANTAR KERJA DAN PETUGAS ANTAR KERJA",
                "Siklus: EvKin 2025", "Dibuat pada 28 November 2026", "Daftar Tabel dan Grafik")) {
            assertTrue(cover.contains(expected), () -> "missing '" + expected + "' in: " + cover);
        }
        for (ReportTable table : report.tables()) {
            assertTrue(cover.contains(table.title()), table.title());
        }
    }

    @Test
    void everyTableInOrderWithItsHeaderNoteAndTotal() {
        String text = pdf.text();
        int at = pdf.pages().get(0).length();
        for (ReportTable table : report.tables()) {
            int found = text.indexOf(table.title(), at);
            assertTrue(found > 0, () -> "missing or out of order: " + table.title());
            at = found;
            StringBuilder header = new StringBuilder();
            table.columns().forEach(c -> header.append(c.label()).append(' '));
            assertTrue(text.contains(header.toString().trim()), () -> "header of " + table.id() + ": " + header);
            if (table.note() != null) {
                assertTrue(text.contains(Pdf.normalise(table.note())), table.note());
            }
        }
        for (String expected : List.of("3,12", "3,77", "2,86", "33%", "65%", "TOTAL 404 100%", "TOTAL 264 52 80 5 3 404",
                "TOTAL 950 917 531", "KESIMPULAN Berkinerja Sangat Tinggi 3,45", "12 Daerah Khusus Ibukota Jakarta 36 9 26 4 0 75",
                "32 Maluku 5 0 0 0 0 5", Samples.NOT_RATED)) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "'");
        }
        for (String province : Samples.PROVINCES) {
            assertTrue(text.contains(province), province);
        }
    }

    @Test
    void meansWithoutParticipantsShowADash() {
        String text = pdf.text();
        assertTrue(text.contains("Bimbingan Teknis Calon Konselor Jaminan Kehilangan Pekerjaan (JKP) Tahun 2025 (19–22 "
                + "Agustus 2025) 3,16 2,86 - -") || text.contains("3,16 2,86 - -"), text);
    }

    @Test
    void longTablesRepeatTheirHeaderOnEveryPage() {
        int first = -1;
        int last = -1;
        for (int i = 1; i < pdf.pageCount(); i++) {
            if (pdf.pages().get(i).contains("Tabel 3.9 Rincian Sebaran")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertTrue(first > 0 && last > first, "Tabel 3.9 (60 rows) runs over pages " + first + ".." + last);
        for (int i = first; i <= last; i++) {
            String page = pdf.pages().get(i);
            assertTrue(page.contains("No Subkompetensi Level Responden JML Tugas Ahli Pertama Tugas Ahli Muda Tugas Ahli Madya "
                    + "Tugas Ahli Utama"), page);
            if (i > first) {
                assertTrue(page.contains("Tabel 3.9 Rincian Sebaran Pelaksanaan Tugas Berdasarkan Subkompetensi dan Jenjang Jabatan "
                        + "(lanjutan)"), page);
            }
        }
        String all = String.join(" ", pdf.pages().subList(first, last + 1));
        for (int s = 1; s <= 15; s++) {
            assertTrue(all.contains(Samples.SUBCOMPETENCIES[s - 1]), Samples.SUBCOMPETENCIES[s - 1]);
        }
    }

    @Test
    void chartsHaveRealTextAndVectorBars() throws IOException {
        String text = pdf.text();
        for (String expected : List.of("Grafik: Tabel 3.4 Rata-Rata Nilai Per Jenjang Berdasarkan Pengembangan Kompetensi",
                "Grafik: Tabel 3.5 Persentase Predikat Kinerja Pengantar Kerja",
                "Grafik: Tabel 3.6 Predikat Kinerja Pengantar Kerja berdasarkan Jenjang Jabatan",
                "Grafik: Tabel 3.11 Predikat Kinerja Petugas Antar Kerja", "Grafik: Tabel 3.7",
                "264 (65%)", "98 (66%)", "Rata-rata nilai (skala 1–4)", "Jumlah (orang)",
                "Ahli Pertama Ahli Muda Ahli Madya Ahli Utama", "1,0 1,5 2,0 2,5 3,0 3,5 4,0")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "'");
        }
        int page = -1;
        for (int i = 0; i < pdf.pageCount(); i++) {
            if (pdf.pages().get(i).contains("Grafik: Tabel 3.5")) {
                page = i;
            }
        }
        assertTrue(page > 0);
        assertTrue(fills(pdf.bytes(), page) >= 5 + 5, "the five bars are filled paths besides the table shading");
    }

    @Test
    void pagesAreA4AndFontsEmbedded() {
        IndividualPdfTest.assertA4AndEmbedded(pdf, true);
        assertTrue(pdf.sizes().stream().anyMatch(s -> s[0] > s[1]), "the wide Gambar 3.1 table is on landscape pages");
        for (int i = 0; i < pdf.pageCount(); i++) {
            assertTrue(pdf.pages().get(i).contains("Halaman " + (i + 1) + " dari " + pdf.pageCount()));
        }
    }

    @Test
    void anEmptyFilterStillGivesEveryTable() {
        List<ReportTable> empty = new ArrayList<>();
        for (ReportTable t : report.tables()) {
            empty.add(new ReportTable(t.id(), t.title(), t.note(), t.columns(), List.of(), t.total()));
        }
        Pdf none = Pdf.national(new NationalReport(report.title(), NationalFilter.cycle(2), "Siklus: EvKin 2026 · Provinsi: Papua",
                Samples.GENERATED, empty));
        String text = none.text();
        for (ReportTable t : report.tables()) {
            assertTrue(text.contains(t.title()), t.title());
        }
        assertTrue(text.contains("Tidak ada data untuk filter ini."));
        assertTrue(!text.contains("Grafik:"), "no chart without rows");
    }

    /** How many fill operators the page's content has. */
    private static int fills(byte[] bytes, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFStreamParser parser = new PDFStreamParser(doc.getPage(page));
            int n = 0;
            for (Object token : parser.parse()) {
                if (token instanceof Operator op && op.getName().equals("f")) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void tableIdsAreCompleteInTheSample() {
        assertEquals(List.of("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "G3.1"),
                report.tables().stream().map(ReportTable::id).toList());
        assertEquals(32, report.table("3.7").rows().size());
        assertEquals(60, report.table("3.9").rows().size());
    }
}
