package org.evkin.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.evkin.report.IndividualReport;
import org.evkin.report.IndividualReport.Identity;
import org.evkin.report.IndividualReport.Status;
import org.junit.jupiter.api.Test;

/** The individual report PDF, reopened with PDFBox: A4, embedded fonts, and the text of Gambar 2.2–2.4. */
class IndividualPdfTest {

    @Test
    void pkFinalIdealShowsIdentityProfileConclusionAndActivity() {
        Pdf pdf = Pdf.individual(Samples.pkFinal(7, true));
        String text = pdf.text();
        for (String expected : List.of("LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA",
                "Nama : Siti Nurhaliza Rahmawati", "Instansi : Dinas Tenaga Kerja Kabupaten Wonogiri",
                "Jenjang Keahlian : Pengantar Kerja Ahli Pertama", "Provinsi : Jawa Tengah", "NIP : 198501012010012001",
                "Kabupaten/Kota : Kabupaten Wonogiri", "Siklus Evaluasi : EvKin 2025", "PROFIL EVALUASI KINERJA",
                "Kompetensi Subkompetensi Penjelasan Subkompetensi Kategori Penilaian", Samples.NOT_RATED,
                "KESIMPULAN Berkinerja Sangat Tinggi", "PROFIL AKTIVITAS KERJA",
                "Jenjang Keahlian Jumlah Aktivitas Kerja Persentase",
                "Pengantar Kerja Ahli Pertama 18 aktivitas kerja 75%", "Pengantar Kerja Ahli Utama 1 aktivitas kerja 4%",
                "Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal",
                "sekurang-kurangnya 75% dari total aktivitas kerjanya", "(≥ 75%)", "28 November 2026")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
        for (int s = 1; s <= 15; s++) {
            String row = s + ". " + Samples.SUBCOMPETENCIES[s - 1];
            assertTrue(text.contains(row), row);
        }
        for (int c = 1; c <= 6; c++) {
            assertTrue(text.contains(c + ". " + Samples.COMPETENCIES[c - 1]), Samples.COMPETENCIES[c - 1]);
        }
        for (String category : List.of("Sangat Baik", "Baik", "Cukup", "Kurang")) {
            assertTrue(text.contains(category), category);
        }
        assertA4AndEmbedded(pdf, false);
        for (int i = 0; i < pdf.pageCount(); i++) {
            String page = pdf.pages().get(i);
            assertTrue(page.contains("Halaman " + (i + 1) + " dari " + pdf.pageCount()), page);
            assertTrue(page.contains("EvKin 2025 · Dibuat 28 November 2026"), page);
        }
        assertEquals(List.of(true, false), boldConditions(pdf.bytes()), "the ideal condition is the one marked");
    }

    @Test
    void pkFinalNotIdealMarksKurangIdeal() {
        Pdf pdf = Pdf.individual(Samples.pkFinal(8, false));
        String text = pdf.text();
        for (String expected : List.of("Pengantar Kerja Ahli Pertama 8 aktivitas kerja 33%",
                "Pengantar Kerja Ahli Muda 6 aktivitas kerja 25%", "Pengantar Kerja Ahli Madya 7 aktivitas kerja 29%",
                "Pengantar Kerja Ahli Utama 3 aktivitas kerja 13%")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
        assertEquals(List.of(false, true), boldConditions(pdf.bytes()));
    }

    @Test
    void profileRowsAreNeverSplitAndTheHeaderRepeats() {
        Pdf pdf = Pdf.individual(Samples.pkFinal(9, true));
        assertTrue(pdf.pageCount() >= 2, "the sample runs over more than one page");
        for (String definition : Samples.AHLI_PERTAMA) {
            if (definition != null) {
                assertTrue(pdf.pages().stream().anyMatch(p -> p.contains(Pdf.normalise(definition))),
                        () -> "split or missing: " + definition);
            }
        }
        for (String page : pdf.pages()) {
            boolean rows = false;
            for (int s = 1; s <= 15; s++) {
                rows |= page.contains(s + ". " + Samples.SUBCOMPETENCIES[s - 1] + " ");
            }
            if (rows) {
                assertTrue(page.contains("Kompetensi Subkompetensi Penjelasan Subkompetensi Kategori Penilaian"), page);
            }
        }
    }

    @Test
    void pakHasNoActivityProfileAndNoNip() {
        Pdf pdf = Pdf.individual(Samples.pak(10));
        String text = pdf.text();
        for (String expected : List.of("LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PETUGAS ANTAR KERJA",
                "Nama : Fendy Aryaputra", "Jenjang Keahlian : Petugas Antar Kerja", "Provinsi : DKI Jakarta",
                "KESIMPULAN Berkinerja Sedang", "Cukup", Samples.NOT_RATED)) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
        assertFalse(text.contains("PROFIL AKTIVITAS KERJA"));
        assertFalse(text.contains("NIP"));
        assertA4AndEmbedded(pdf, false);
    }

    @Test
    void pendingPageNamesTheMissingRatersAndShowsNoCategory() {
        Pdf pdf = Pdf.individual(Samples.pending(11));
        String text = pdf.text();
        for (String expected : List.of("Nama : Siti Nurhaliza Rahmawati", "Laporan belum tersedia",
                "penilaian dari keempat pihak belum lengkap", "STATUS PENILAIAN PER PROGRAM",
                "Atasan langsung dan Pengguna layanan", "Rekan kerja", "Menunggu penilaian",
                "Tidak memenuhi nilai minimal pelatihan", "Webinar Generative AI PLAN Indonesia untuk Pengantar Kerja",
                "Bagian 1 (Pemetaan Aktivitas Kerja) masih menunggu pengisian oleh Atasan langsung dan Rekan kerja")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
        for (String absent : List.of("Sangat Baik", "Baik", "Cukup", "Kurang", "KESIMPULAN", "PROFIL EVALUASI KINERJA",
                Samples.NOT_RATED, "Berkinerja")) {
            assertFalse(text.contains(absent), () -> "pending page shows '" + absent + "'");
        }
        assertEquals(1, pdf.pageCount());
        assertA4AndEmbedded(pdf, false);
    }

    @Test
    void partialReportNotesTheProgramsStillWaiting() {
        Pdf pdf = Pdf.individual(Samples.partial(12));
        String text = pdf.text();
        for (String expected : List.of("Catatan", "program lain masih menunggu penilaian",
                "Program yang masih menunggu penilaian:",
                "Webinar Generative AI PLAN Indonesia untuk Pengantar Kerja – menunggu penilaian dari Pengguna layanan",
                "KESIMPULAN Berkinerja Tinggi", "Sangat Baik", "PROFIL AKTIVITAS KERJA", "33%")) {
            assertTrue(text.contains(expected), () -> "missing '" + expected + "' in: " + text);
        }
    }

    @Test
    void activityWaitingSaysForWhom() {
        String text = Pdf.individual(Samples.pkWaitingForActivity(13)).text();
        assertTrue(text.contains("Profil aktivitas kerja belum dapat ditampilkan: Bagian 1 (Pemetaan Aktivitas Kerja) masih "
                + "menunggu pengisian oleh Atasan langsung dan Rekan kerja."), text);
        assertFalse(text.contains("aktivitas kerja 33%"));
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksAndLongWordsWrap() {
        IndividualReport base = Samples.pkFinal(14, true);
        Identity who = new Identity(14, "Budi 😀 Santoso 王 “Ucok” – Ñoño", null,
                "Dinas-Tenaga-Kerja-Transmigrasi-dan-Energi-Sumber-Daya-Mineral-Provinsi-Kalimantan-Utara-yang-sangat-panjang",
                "PK", "AHLI_PERTAMA", "Pengantar Kerja Ahli Pertama", "Kalimantan Utara", null);
        IndividualReport report = new IndividualReport(base.cycleId(), base.cycleName(), base.title(), who, Status.FINAL,
                base.statusText(), base.programs(), base.profile(), base.conclusion(), base.activity(), base.generatedAt());
        String text = Pdf.individual(report).text();
        assertTrue(text.contains("Budi ? Santoso ? “Ucok” – Ñoño"), text);
        assertTrue(text.contains("Dinas-Tenaga-Kerja-"), text);
    }

    @Test
    void rendersInParallelWithTheSameResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                results.add(pool.submit(() -> Pdf.individual(n % 2 == 0 ? Samples.pkFinal(1, false) : Samples.pending(2)).text()));
            }
            String even = results.get(0).get();
            String odd = results.get(1).get();
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? even : odd, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertA4AndEmbedded(Pdf pdf, boolean landscapeAllowed) {
        for (float[] size : pdf.sizes()) {
            boolean portrait = Math.abs(size[0] - 595.28f) < 0.5f && Math.abs(size[1] - 841.89f) < 0.5f;
            boolean landscape = Math.abs(size[0] - 841.89f) < 0.5f && Math.abs(size[1] - 595.28f) < 0.5f;
            assertTrue(portrait || (landscapeAllowed && landscape), () -> "not A4: " + size[0] + " x " + size[1]);
        }
        assertFalse(pdf.fonts().isEmpty());
        for (Pdf.PDFontInfo font : pdf.fonts()) {
            assertTrue(font.embedded(), () -> "not embedded: " + font);
            assertEquals("Type0", font.subtype());
            assertTrue(font.name().matches("[A-Z]{6}\\+LiberationSans(-Bold)?"), font.name());
        }
    }

    /** Whether "Kondisi Kerja Ideal" and "Kondisi Kerja Kurang Ideal" are set in bold (the condition that applies). */
    static List<Boolean> boldConditions(byte[] bytes) {
        StringBuilder chars = new StringBuilder();
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    chars.append(text.getUnicode());
                    for (int i = 0; i < text.getUnicode().length(); i++) {
                        fonts.add(text.getFont().getName());
                    }
                }
            };
            stripper.writeText(doc, new StringWriter());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Boolean> bold = new ArrayList<>();
        for (String label : List.of("Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal")) {
            int at = chars.indexOf(label);
            assertTrue(at >= 0, label);
            bold.add(fonts.get(at).contains("Bold"));
        }
        return bold;
    }
}
