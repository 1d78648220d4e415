package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.evkin.report.IndividualReport;
import org.evkin.report.IndividualReport.Activity;
import org.evkin.report.IndividualReport.ActivityRow;
import org.evkin.report.IndividualReport.CompetencySection;
import org.evkin.report.IndividualReport.Conclusion;
import org.evkin.report.IndividualReport.Identity;
import org.evkin.report.IndividualReport.ProgramState;
import org.evkin.report.IndividualReport.Status;
import org.evkin.report.IndividualReport.SubcompetencyRow;
import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportDocuments;
import org.evkin.report.ReportService;
import org.junit.jupiter.api.Test;

/**
 * The participant's report behind the personal link (/t/{token}/laporan and laporan.pdf) through the servlet, against
 * the in-memory FormService of LinkPagesTest and a fake ReportService and ReportDocuments: what the participant sees in
 * each state, that no other link sees anything, the PDF's headers, and 503 while a report service is missing.
 */
class ReportPagesTest {

    static final String P = LinkPagesTest.P;
    static final String A = LinkPagesTest.A;
    static final String U = LinkPagesTest.U;
    static final String PROGRAM = LinkPagesTest.PROGRAM;
    static final String NOT_RATED = "Subkompetensi ini tidak termasuk dalam penilaian evaluasi kinerja";

    private final LinkPagesTest.FakeForms forms = new LinkPagesTest.FakeForms();
    private final FakeReports reports = new FakeReports();
    private final FakeDocuments documents = new FakeDocuments();

    ReportPagesTest() {
        forms.readyForForms(); // atasan "Bapak Atasan" and rekan "Ibu Rekan" are named: neither may ever show on the report
    }

    // ---- the report page ----

    @Test
    void theParticipantSeesIdentityProfileTableConclusionAndActivity() throws Exception {
        reports.report = finalReport();
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan");
        assertEquals(200, r.status);
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals(List.of("1/7"), reports.calls, "the link's cycle and participant");
        String html = r.text();
        assertTrue(html.contains("<h1>Laporan hasil evaluasi kinerja</h1>"), html);
        assertTrue(html.contains("Siklus evaluasi: EvKin 2025"));
        assertTrue(html.contains("LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA"));
        // identity
        assertTrue(html.contains("<dd>Siti Aminah</dd>") && html.contains("<dd>199001012020011001</dd>")
                && html.contains("<dd>Disnaker Kota &lt;Yogyakarta&gt;</dd>") && html.contains("<dd>Pengantar Kerja Ahli Muda</dd>")
                && html.contains("<dd>DI Yogyakarta</dd>") && html.contains("<dd>Pengantar Kerja</dd>"), html);
        // the profile table: caption, column headers, kompetensi over its rows, subkompetensi as row headers
        assertTrue(html.contains("<caption id=\"tabel-profil\">Hasil evaluasi kinerja per subkompetensi</caption>"));
        assertTrue(html.contains("role=\"region\" aria-labelledby=\"tabel-profil\" tabindex=\"0\""));
        assertTrue(html.contains("<th scope=\"col\">Kompetensi</th><th scope=\"col\">Subkompetensi</th>"
                + "<th scope=\"col\">Penjelasan subkompetensi</th><th scope=\"col\">Kategori penilaian</th>"));
        assertTrue(html.contains("<th scope=\"rowgroup\" rowspan=\"2\">1. Perencanaan Layanan</th>"), html);
        assertTrue(html.contains("<th scope=\"rowgroup\" rowspan=\"1\">2. Bimbingan &amp; Penyuluhan</th>"));
        assertTrue(html.contains("<th scope=\"row\">Analisis Pasar Kerja</th>"));
        assertTrue(html.contains("<td class=\"explanation\">Menganalisis informasi pasar kerja &lt;daerah&gt;.</td>"));
        assertTrue(html.contains("<strong>Sangat Baik</strong>") && html.contains("<strong>Baik</strong>"));
        assertTrue(html.contains(NOT_RATED) && html.contains("<span class=\"visually-hidden\">tidak dinilai</span>"));
        // KESIMPULAN
        assertTrue(html.contains("<h2>KESIMPULAN</h2>\n<p class=\"conclusion\">Berkinerja Tinggi</p>"), html);
        assertTrue(html.contains("Nilai akhir 3,10 pada skala 1 sampai 4"), "two decimals, decimal comma");
        // the activity profile (PK)
        assertTrue(html.contains("<h2>Profil aktivitas kerja</h2>"));
        assertTrue(html.contains("<tr class=\"own-level\"><th scope=\"row\">Pengantar Kerja Ahli Muda (jenjang Anda)</th>"
                + "<td class=\"num\">9</td><td class=\"num\">64%</td></tr>"), html);
        assertTrue(html.contains("<td class=\"num\">2</td><td class=\"num\">14%</td>"));
        assertTrue(html.contains("Hasil: Kondisi Kerja Ideal"));
        assertTrue(html.contains("sekurang-kurangnya 60% dari total aktivitas"), "the rule");
        assertTrue(html.contains("<p>Profil aktivitas kerja disusun untuk memberikan gambaran nyata.</p>"), "the explanation");
        // the PDF, the programs, what the participant never sees
        assertTrue(html.contains("href=\"/t/" + P + "/laporan.pdf\" download>Unduh PDF</a>"));
        assertTrue(html.contains("Community of Practice BISINDO") && html.contains("Penilaian lengkap"));
        assertTrue(html.contains("Laporan ini hanya memuat hasil gabungan dari semua penilai."));
        assertTrue(html.contains("Disusun pada 3 Desember 2025 pukul 16.30 WIB."), html);
        assertFalse(html.contains("Bapak Atasan") || html.contains("Ibu Rekan") || html.contains("atasan@contoh.go.id"),
                "no rater's name or e-mail");
        assertFalse(html.contains("3.45") || html.contains("3,45"), "subkompetensi scores stay out of the page, categories only");
        assertFalse(html.contains("<script"), "no script needed");
        int css = TemplatesTest.read("static/evkin.css").getBytes(StandardCharsets.UTF_8).length;
        assertTrue(r.body.size() + css < 100_000, "page " + r.body.size() + " + css " + css);
    }

    @Test
    void aPakReportHasNoActivityProfile() throws Exception {
        IndividualReport f = finalReport();
        reports.report = new IndividualReport(f.cycleId(), f.cycleName(), "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PETUGAS ANTAR KERJA",
                new Identity(7, "Siti Aminah", null, "LPK Maju", "PAK", "PAK", "Petugas Antar Kerja", "Jawa Tengah", null), Status.FINAL,
                f.statusText(), f.programs(), f.profile(), f.conclusion(), null, f.generatedAt());
        String html = get(servlet(), "/t/" + P + "/laporan").text();
        assertTrue(html.contains("<dd>Petugas Antar Kerja</dd>") && html.contains("Berkinerja Tinggi"), html);
        assertFalse(html.contains("Profil aktivitas kerja"));
        assertFalse(html.contains(">NIP<"), "no NIP row without a NIP");
    }

    @Test
    void pendingSaysWhichRatersAreMissingPerProgramAndShowsNoCategory() throws Exception {
        reports.report = pendingReport();
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan");
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("Laporan belum tersedia: penilaian dari keempat pihak belum lengkap."), html);
        assertTrue(html.contains("<h2>Penilaian yang masih ditunggu</h2>"));
        assertTrue(html.contains("<h3>Community of Practice BISINDO</h3>\n<p>Masih menunggu penilaian dari:</p>\n<ul>\n"
                + "<li>Atasan langsung</li>\n<li>Pengguna layanan</li>\n</ul>"), html);
        assertTrue(html.contains("<h3>Program Lama</h3>\n<p>Tidak dinilai: nilai pelatihan belum memenuhi nilai minimal.</p>"));
        assertTrue(html.contains("href=\"/t/" + P + "/pemantauan\">Pantau para penilai Anda"));
        assertFalse(html.contains("<table"), "no profile table");
        assertFalse(html.contains("Sangat Baik") || html.contains("Kategori penilaian"), "no category");
        assertFalse(html.contains("KESIMPULAN") || html.contains("Berkinerja"));
        assertFalse(html.contains("Profil aktivitas kerja"), "no activity profile before the conclusion");
        assertFalse(html.contains("laporan.pdf"), "no PDF without a conclusion");
        assertFalse(html.contains("Bapak Atasan") || html.contains("Ibu Rekan"), "sources, never names");
    }

    @Test
    void partialShowsTheReportAndTheProgramsStillWaiting() throws Exception {
        IndividualReport f = finalReport();
        reports.report = new IndividualReport(f.cycleId(), f.cycleName(), f.title(), f.participant(), Status.PARTIAL,
                "Kesimpulan disusun dari program yang penilaiannya sudah lengkap; program lain masih menunggu penilaian.",
                List.of(f.programs().get(0), new ProgramState("GENAI-PK-2025", "Generative AI untuk Pengantar Kerja", true, false,
                        List.of("REKAN"), List.of("Rekan kerja"))),
                f.profile(), f.conclusion(), f.activity(), f.generatedAt());
        String html = get(servlet(), "/t/" + P + "/laporan").text();
        assertTrue(html.contains("program lain masih menunggu penilaian"), html);
        assertTrue(html.contains("<strong>Sangat Baik</strong>") && html.contains("Berkinerja Tinggi"), "the report itself");
        assertTrue(html.contains("<h2>Program yang dievaluasi</h2>"));
        assertTrue(html.contains("<h3>Community of Practice BISINDO</h3>\n<p class=\"status status-active\">Penilaian lengkap</p>"));
        assertTrue(html.contains("<h3>Generative AI untuk Pengantar Kerja</h3>\n<p>Masih menunggu penilaian dari:</p>\n<ul>\n<li>Rekan kerja</li>"),
                html);
        assertTrue(html.contains("/laporan.pdf"));
    }

    @Test
    void anActivityProfileNotYetComputableSaysWhosePartOneIsMissing() throws Exception {
        IndividualReport f = finalReport();
        Activity a = new Activity(false, List.of("Rekan kerja"), "AHLI_MUDA", "Pengantar Kerja Ahli Muda", List.of(), false, 60,
                "Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal", "aturan", List.of("penjelasan"));
        reports.report = new IndividualReport(f.cycleId(), f.cycleName(), f.title(), f.participant(), f.status(), f.statusText(), f.programs(),
                f.profile(), f.conclusion(), a, f.generatedAt());
        String html = get(servlet(), "/t/" + P + "/laporan").text();
        assertTrue(html.contains("belum dikirim oleh:</p>\n<ul>\n<li>Rekan kerja</li>"), html);
        assertFalse(html.contains("Kondisi Kerja"), "neither ideal nor not");
    }

    @Test
    void notEligibleShowsOnlyTheStatusText() throws Exception {
        IndividualReport p = pendingReport();
        reports.report = new IndividualReport(p.cycleId(), p.cycleName(), p.title(), p.participant(), Status.NOT_ELIGIBLE,
                "Tidak ada laporan: nilai pelatihan belum memenuhi nilai minimal peserta evaluasi kinerja.", List.of(new ProgramState(PROGRAM,
                        "Community of Practice BISINDO", false, false, List.of(), List.of())), p.profile(), null, null, p.generatedAt());
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan");
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("Tidak ada laporan: nilai pelatihan belum memenuhi nilai minimal peserta evaluasi kinerja."), html);
        assertFalse(html.contains("<table") || html.contains("laporan.pdf") || html.contains("KESIMPULAN")
                || html.contains("Penilaian yang masih ditunggu"));
    }

    @Test
    void noEnrolmentInTheCycleSaysThereIsNoReport() throws Exception {
        reports.report = null; // the service throws NoSuchElementException
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan");
        assertEquals(404, r.status);
        assertTrue(r.text().contains("<h1>Laporan tidak ditemukan</h1>"), r.text());
        r = get(servlet(), "/t/" + P + "/laporan.pdf");
        assertEquals(303, r.status);
        assertEquals("/t/" + P + "/laporan", r.header("Location"));
    }

    // ---- who may see it ----

    @Test
    void everyOtherLinkIsRefusedAndSeesNothingOfTheReport() throws Exception {
        reports.report = finalReport();
        WebServlet s = servlet();
        for (String base : List.of("/t/" + A, "/t/" + U, "/k/K7M2QX9D")) {
            for (String page : List.of("/laporan", "/laporan.pdf")) {
                Fakes.Response r = get(s, base + page);
                assertEquals(403, r.status, base + page);
                String html = r.text();
                assertTrue(html.contains("<h1>Halaman ini tidak tersedia untuk tautan Anda</h1>")
                        && html.contains("hanya dapat dibuka lewat tautan pribadi peserta yang dinilai"), html);
                assertFalse(html.contains("Berkinerja") || html.contains("Sangat Baik") || html.contains("199001012020011001"), html);
                assertNull(r.header("Content-Disposition"));
            }
        }
        assertEquals(List.of(), reports.calls, "the report is not even computed for another role");
        assertEquals(0, documents.calls);
        // refused before the services are looked at: the same answer while they are away
        assertEquals(403, get(servlet(null, null), "/t/" + A + "/laporan").status);

        assertEquals(404, get(s, "/t/" + "x".repeat(43) + "/laporan").status, "an unknown link");
        assertEquals(410, get(s, "/t/" + LinkPagesTest.OLD + "/laporan").status, "a replaced link");
        Fakes.Response r = call(s, new LinkPagesTest.Req("POST", "/t/" + P + "/laporan"));
        assertEquals(405, r.status);
        assertEquals("GET, HEAD", r.header("Allow"));
        assertEquals(List.of(), reports.calls);
    }

    // ---- the PDF ----

    @Test
    void thePdfIsAnAttachmentThatIsNeverCached() throws Exception {
        reports.report = finalReport();
        WebServlet s = servlet();
        Fakes.Response r = get(s, "/t/" + P + "/laporan.pdf");
        assertEquals(200, r.status);
        assertEquals("application/pdf", r.header("Content-Type"));
        assertEquals("attachment; filename=\"laporan-evkin-1.pdf\"", r.header("Content-Disposition"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals(String.valueOf(r.body.size()), r.header("Content-Length"));
        assertTrue(r.text().startsWith("%PDF-1.7\nSiti Aminah"), "the renderer's bytes, unchanged");
        assertEquals(1, documents.calls);

        r = call(s, new LinkPagesTest.Req("HEAD", "/t/" + P + "/laporan.pdf"));
        assertEquals(200, r.status);
        assertEquals(0, r.body.size());
        assertEquals("application/pdf", r.header("Content-Type"));
    }

    @Test
    void withoutAConclusionThePdfLeadsBackToThePage() throws Exception {
        reports.report = pendingReport();
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan.pdf");
        assertEquals(303, r.status);
        assertEquals("/t/" + P + "/laporan", r.header("Location"));
        assertEquals(0, documents.calls);
    }

    @Test
    void aFailingRendererGivesTheErrorPageNotAHalfFile() throws Exception {
        reports.report = finalReport();
        documents.fail = true;
        Fakes.Response r = get(servlet(), "/t/" + P + "/laporan.pdf");
        assertEquals(500, r.status);
        assertTrue(r.header("Content-Type").startsWith("text/html"));
        assertNull(r.header("Content-Disposition"));
        assertTrue(r.text().contains("Terjadi kesalahan"), r.text());
    }

    // ---- while a report service is missing ----

    @Test
    void withoutTheReportServicesThePagesSayTryAgainLater() throws Exception {
        reports.report = finalReport();
        for (String[] c : List.of(new String[] {"none", "/laporan"}, new String[] {"none", "/laporan.pdf"},
                new String[] {"noDocuments", "/laporan.pdf"})) {
            WebServlet s = "none".equals(c[0]) ? servlet(null, null) : servlet(reports, null);
            Fakes.Response r = get(s, "/t/" + P + c[1]);
            assertEquals(503, r.status, c[0] + c[1]);
            assertEquals("5", r.header("Retry-After"));
            assertTrue(r.text().contains("Layanan sementara tidak tersedia"), r.text());
        }
        assertEquals(List.of(), reports.calls);
        // the page itself needs no renderer
        assertEquals(200, get(servlet(reports, null), "/t/" + P + "/laporan").status);
    }

    // ---- the way to it ----

    @Test
    void theOverviewAndMonitoringLinkToTheReportWithItsState() throws Exception {
        reports.report = finalReport();
        WebServlet s = servlet();
        String link = "href=\"/t/" + P + "/laporan\">Lihat laporan hasil evaluasi</a>";
        String html = get(s, "/t/" + P).text();
        assertTrue(html.contains("<h3 class=\"step-title\">Laporan hasil evaluasi</h3>"), html);
        assertTrue(html.contains("Status: Tersedia</p>") && html.contains(link), html);
        html = get(s, "/t/" + P + "/pemantauan").text();
        assertTrue(html.contains("<h2>Laporan hasil evaluasi</h2>") && html.contains("Status: Tersedia</p>") && html.contains(link), html);

        reports.report = pendingReport();
        assertTrue(get(s, "/t/" + P).text().contains("Status: Menunggu: penilaian belum lengkap</p>"));
        assertTrue(get(s, "/t/" + P + "/pemantauan").text().contains("Status: Menunggu: penilaian belum lengkap</p>"));

        // the overview stays usable while the report cannot be looked up
        reports.report = null;
        reports.down = true;
        Fakes.Response r = get(s, "/t/" + P);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Belum dapat diperiksa saat ini") && r.text().contains(link), r.text());
        r = get(servlet(null, null), "/t/" + P + "/pemantauan");
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Belum dapat diperiksa saat ini"));

        // raters get no such link
        assertFalse(get(s, "/t/" + A).text().contains("/laporan"));
    }

    // ---- helpers and fixtures ----

    private WebServlet servlet() {
        return servlet(reports, documents);
    }

    private WebServlet servlet(ReportService reportService, ReportDocuments documentService) {
        WebServlet s = LinkPagesTest.servlet(forms);
        set(s, "reports", reportService);
        set(s, "documents", documentService);
        return s;
    }

    private static void set(WebServlet s, String name, Object value) {
        try {
            var field = WebServlet.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(s, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fakes.Response get(WebServlet s, String uri) throws Exception {
        return call(s, new LinkPagesTest.Req("GET", uri));
    }

    private static Fakes.Response call(WebServlet s, LinkPagesTest.Req req) throws Exception {
        Fakes.Response resp = new Fakes.Response();
        s.service(req.proxy(), resp.proxy());
        return resp;
    }

    static Identity siti() {
        return new Identity(7, "Siti Aminah", "199001012020011001", "Disnaker Kota <Yogyakarta>", "PK", "AHLI_MUDA",
                "Pengantar Kerja Ahli Muda", "DI Yogyakarta", "Kota Yogyakarta");
    }

    static List<CompetencySection> profile(boolean rated) {
        return List.of(
                new CompetencySection(1, "Perencanaan Layanan", List.of(
                        rated ? new SubcompetencyRow(1, "Analisis Pasar Kerja", true, "Menganalisis informasi pasar kerja <daerah>.", "Sangat Baik",
                                new BigDecimal("3.45"))
                                : new SubcompetencyRow(1, "Analisis Pasar Kerja", false, NOT_RATED, "-", null),
                        new SubcompetencyRow(2, "Perencanaan Program", false, NOT_RATED, "-", null))),
                new CompetencySection(2, "Bimbingan & Penyuluhan", List.of(
                        rated ? new SubcompetencyRow(5, "Bimbingan Jabatan", true, "Melaksanakan bimbingan jabatan.", "Baik", new BigDecimal("3.01"))
                                : new SubcompetencyRow(5, "Bimbingan Jabatan", false, NOT_RATED, "-", null))));
    }

    static IndividualReport finalReport() {
        Activity activity = new Activity(true, List.of(), "AHLI_MUDA", "Pengantar Kerja Ahli Muda", List.of(
                new ActivityRow("AHLI_PERTAMA", "Pengantar Kerja Ahli Pertama", 2, 14),
                new ActivityRow("AHLI_MUDA", "Pengantar Kerja Ahli Muda", 9, 64),
                new ActivityRow("AHLI_MADYA", "Pengantar Kerja Ahli Madya", 2, 14),
                new ActivityRow("AHLI_UTAMA", "Pengantar Kerja Ahli Utama", 1, 8)), true, 60, "Kondisi Kerja Ideal",
                "Kondisi Kerja Kurang Ideal",
                "Seorang Pengantar Kerja Ahli Muda berada pada kondisi kerja ideal apabila sekurang-kurangnya 60% dari total aktivitas kerjanya sesuai.",
                List.of("Profil aktivitas kerja disusun untuk memberikan gambaran nyata.", "Paragraf kedua."));
        return new IndividualReport(1, "EvKin 2025", "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA", siti(), Status.FINAL,
                "Hasil evaluasi kinerja lengkap: keempat pihak penilai telah mengisi seluruh instrumen.",
                List.of(new ProgramState(PROGRAM, "Community of Practice BISINDO", true, true, List.of(), List.of())), profile(true),
                new Conclusion(new BigDecimal("3.10"), "Berkinerja Tinggi"), activity, Instant.parse("2025-12-03T09:30:00Z"));
    }

    static IndividualReport pendingReport() {
        Activity notYet = new Activity(false, List.of("Atasan langsung"), "AHLI_MUDA", "Pengantar Kerja Ahli Muda", List.of(), false, 60,
                "Kondisi Kerja Ideal", "Kondisi Kerja Kurang Ideal", "aturan", List.of("penjelasan"));
        return new IndividualReport(1, "EvKin 2025", "LAPORAN HASIL PENILAIAN EVALUASI KINERJA AKHIR PENGANTAR KERJA", siti(), Status.PENDING,
                "Laporan belum tersedia: penilaian dari keempat pihak belum lengkap.",
                List.of(new ProgramState(PROGRAM, "Community of Practice BISINDO", true, false, List.of("ATASAN", "PENGGUNA"),
                        List.of("Atasan langsung", "Pengguna layanan")),
                        new ProgramState(LinkPagesTest.CLOSED, "Program Lama", false, false, List.of(), List.of())),
                // a category in a pending report must not be shown even if the data had one
                profile(true), null, notYet, Instant.parse("2025-12-03T09:30:00Z"));
    }

    /** Hands out one report (null: no enrolment; down: the database is away) and records what was asked. */
    static final class FakeReports implements ReportService {
        IndividualReport report;
        boolean down;
        final List<String> calls = new ArrayList<>();

        @Override
        public IndividualReport individual(long cycleId, long participantId) {
            calls.add(cycleId + "/" + participantId);
            if (down) {
                throw new IllegalStateException("database away");
            }
            if (report == null) {
                throw new NoSuchElementException("no enrolment");
            }
            return report;
        }

        @Override
        public int individuals(long cycleId, String program, String province, String district, Consumer<IndividualReport> each) {
            throw new UnsupportedOperationException();
        }

        // no @Override: newer versions of the interface have it, older ones do not
        public OptionalLong latestCycle(long participantId) {
            return OptionalLong.empty();
        }

        @Override
        public NationalReport national(NationalFilter filter) {
            throw new UnsupportedOperationException();
        }
    }

    /** Writes a recognisable stand-in for a PDF, or fails. */
    static final class FakeDocuments implements ReportDocuments {
        int calls;
        boolean fail;

        @Override
        public void individualPdf(IndividualReport report, OutputStream out) throws IOException {
            calls++;
            out.write(("%PDF-1.7\n" + report.participant().name()).getBytes(StandardCharsets.UTF_8));
            if (fail) {
                throw new IOException("font missing");
            }
        }

        @Override
        public void nationalPdf(NationalReport report, OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
