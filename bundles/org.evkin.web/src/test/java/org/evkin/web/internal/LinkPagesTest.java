package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.FormView;
import org.evkin.workflow.LinkAccess;
import org.evkin.workflow.RaterInput;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.RaterStatus;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.junit.jupiter.api.Test;

/**
 * The personal-link pages through the servlet against an in-memory FormService: routing, rendering of every page,
 * the participant's and a rater's flow without JavaScript (posts and redirects), errors kept with their values,
 * double submits, and bad input answered with an Indonesian page that changes nothing.
 */
class LinkPagesTest {

    static final String P = "P".repeat(43);
    static final String A = "A".repeat(43);
    static final String U = "U".repeat(43);
    static final String OLD = "O".repeat(43);
    static final String PROGRAM = "COP-BISINDO-2025";
    static final String CLOSED = "LAMA-2024";

    private final FakeForms forms = new FakeForms();
    private final WebServlet servlet = servlet(forms);

    static WebServlet servlet(FormService forms) {
        WebServlet s = new WebServlet(WebServletTest.config(false));
        try {
            var f = WebServlet.class.getDeclaredField("forms");
            f.setAccessible(true);
            f.set(s, forms);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    // ---- the participant ----

    @Test
    void theParticipantConfirmsIdentityThenFillsTheProfile() throws Exception {
        Fakes.Response r = get("/t/" + P);
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("<h1>Periksa data diri Anda</h1>"), html);
        assertTrue(html.contains("199001012020011001") && html.contains("Disnaker Kota &lt;Yogyakarta&gt;") && html.contains("Ahli Muda")
                && html.contains("DI Yogyakarta"), "nama, NIP, instansi (escaped), jenjang, provinsi");
        assertTrue(html.contains("Data saya benar"));
        assertTrue(html.contains("Ada data yang salah?") && html.contains("Hubungi admin evaluasi"), "whom to contact");
        assertTrue(html.contains("action=\"/t/" + P + "/identitas\""));

        r = post("/t/" + P + "/identitas", Map.of());
        assertEquals(303, r.status);
        assertEquals("/t/" + P + "/profil", r.header("Location"));
        assertTrue(forms.identityConfirmed);
        assertEquals("/t/" + P + "/profil", get("/t/" + P).header("Location"), "no profile yet: the overview sends there");

        html = get("/t/" + P + "/profil").text();
        assertTrue(html.contains("<legend class=\"group-legend\">Atasan langsung</legend>"));
        assertTrue(html.contains("id=\"atasan-email\" name=\"atasan-email\" type=\"email\""));

        // errors: each linked from the summary, values kept
        r = post("/t/" + P + "/profil", Map.of("lokasi", "Disnaker Kota Yogyakarta", "atasan-nama", "Bapak Atasan",
                "atasan-email", "bukan-email", "rekan-nama", "", "rekan-email", "rekan@contoh.go.id", "rekan-telepon", "abc"));
        assertEquals(400, r.status);
        html = r.text();
        assertTrue(html.contains("<title>Galat: Profil dan penilai Anda"), "the title says there is an error");
        assertTrue(html.contains("<a href=\"#atasan-email\">Isi e-mail atasan langsung dengan format yang benar"), html);
        assertTrue(html.contains("<a href=\"#rekan-nama\">Isi nama rekan kerja.</a>"));
        assertTrue(html.contains("<a href=\"#rekan-telepon\">"));
        assertTrue(html.contains("value=\"bukan-email\"") && html.contains("value=\"Bapak Atasan\""), "values kept");
        assertTrue(html.contains("aria-describedby=\"atasan-email-galat\" aria-invalid=\"true\""), html);
        assertNull(forms.raters.get(RaterRole.ATASAN), "nothing saved");

        // a refusal of the workflow (the participant names herself) is shown at the field
        r = post("/t/" + P + "/profil", Map.of("lokasi", "Disnaker", "atasan-nama", "Bapak Atasan", "atasan-email", "siti@contoh.go.id",
                "rekan-nama", "Ibu Rekan", "rekan-email", "rekan@contoh.go.id"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#atasan-email\">Peserta tidak dapat menjadi penilai bagi dirinya sendiri.</a>"), r.text());

        r = post("/t/" + P + "/profil", Map.of("lokasi", "Disnaker Kota Yogyakarta", "atasan-nama", "Bapak Atasan",
                "atasan-email", "atasan@contoh.go.id", "atasan-telepon", "0812 3456 7890", "rekan-nama", "Ibu Rekan",
                "rekan-email", "rekan@contoh.go.id"));
        assertEquals(303, r.status);
        assertEquals("/t/" + P + "?profil=1", r.header("Location"));
        assertEquals(new RaterInput("Bapak Atasan", "atasan@contoh.go.id", "0812 3456 7890"), forms.raters.get(RaterRole.ATASAN));
        assertEquals("Disnaker Kota Yogyakarta", forms.workLocation);

        html = get("/t/" + P + "?profil=1").text();
        assertTrue(html.contains("Profil tersimpan."), html);
        assertTrue(html.contains("Bagian 1: Pemetaan aktivitas kerja") && html.contains("Bagian 2: Penilaian diri, Community of Practice BISINDO"));
        assertTrue(html.contains("href=\"/t/" + P + "/bagian-1\">Isi Bagian 1"), html);
        assertTrue(html.contains("Dapat dilakukan setelah semua penilaian diri (Bagian 2) terkirim."));
        assertFalse(html.contains("/pengguna\""), "no service user before the self-assessment");
    }

    @Test
    void partOneInTwoStepsWithoutJavaScript() throws Exception {
        forms.readyForForms();
        String html = get("/t/" + P + "/bagian-1").text();
        assertTrue(html.contains("Langkah 1 dari 2"), html);
        assertTrue(html.contains("Subkompetensi mana yang termasuk pekerjaan Anda?"));
        assertTrue(html.contains("id=\"lingkup-5\" name=\"lingkup\" value=\"5\""));
        assertTrue(html.contains("Bimbingan Jabatan <span class=\"count\">(2 tugas)</span>"), html);
        assertFalse(html.contains("name=\"tugas\""), "no task before the subkompetensi are chosen");

        Fakes.Response r = post("/t/" + P + "/bagian-1", Map.of("aksi", "lanjut"));
        assertEquals(400, r.status, "nothing chosen");
        assertTrue(r.text().contains("<a href=\"#lingkup-5\">Pilih sedikitnya satu subkompetensi"), r.text());

        r = post("/t/" + P + "/bagian-1", params("aksi", "lanjut", "lingkup", "8"));
        assertEquals(303, r.status);
        assertEquals("/t/" + P + "/bagian-1?langkah=2", r.header("Location"));
        assertEquals(Set.of(8), forms.draft1Scope, "the scope is saved as a draft between the two steps");

        html = get("/t/" + P + "/bagian-1?langkah=2").text();
        assertTrue(html.contains("Langkah 2 dari 2"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"lingkup\" value=\"8\">"));
        assertTrue(html.contains("value=\"AMU-08-01\"") && html.contains("Jenjang Ahli Muda"), "tasks with their level");
        assertFalse(html.contains("value=\"AMU-05-01\""), "only the tasks of the chosen subkompetensi");
        assertTrue(html.contains("data-autosave=\"/api/t/" + P + "/part1/draft\""));
        assertTrue(html.contains("<script src=\"/static/form.js?v="));

        r = post("/t/" + P + "/bagian-1", params("aksi", "simpan", "lingkup", "8", "tugas", "AMU-08-01"));
        assertEquals("/t/" + P + "/bagian-1?langkah=2&tersimpan=1", r.header("Location"));
        html = get("/t/" + P + "/bagian-1?langkah=2&tersimpan=1").text();
        assertTrue(html.contains("Jawaban Anda tersimpan sementara."));
        assertTrue(html.contains("value=\"AMU-08-01\" checked"), "the draft is shown again");
        assertTrue(html.contains("1 tugas dicentang"));

        // back to step 1: a chosen subkompetensi dropped takes its ticks with it, one kept keeps them
        r = post("/t/" + P + "/bagian-1", params("aksi", "ubah", "lingkup", "8", "tugas", "AMU-08-01"));
        assertEquals("/t/" + P + "/bagian-1?langkah=1", r.header("Location"));
        assertTrue(get("/t/" + P + "/bagian-1?langkah=1").text().contains("value=\"8\" checked"));
        post("/t/" + P + "/bagian-1", params("aksi", "lanjut", "lingkup", "5", "lingkup", "8"));
        assertEquals(Set.of("AMU-08-01"), forms.draft1Ticks);
        post("/t/" + P + "/bagian-1", params("aksi", "lanjut", "lingkup", "5"));
        assertEquals(Set.of(), forms.draft1Ticks);

        // a task outside the chosen subkompetensi is tampering: refused, nothing changed
        r = post("/t/" + P + "/bagian-1", params("aksi", "kirim", "lingkup", "5", "tugas", "AMU-08-01"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("Isian tidak dapat diterima") && r.text().contains("Tidak ada data yang diubah."), r.text());
        assertFalse(forms.submitted1);
        assertEquals(400, post("/t/" + P + "/bagian-1", params("aksi", "lanjut", "lingkup", "x")).status);

        r = post("/t/" + P + "/bagian-1", params("aksi", "kirim", "lingkup", "5", "tugas", "AMU-05-01"));
        assertEquals("/t/" + P + "/bagian-1?terkirim=1", r.header("Location"));
        html = get("/t/" + P + "/bagian-1?terkirim=1").text();
        assertTrue(html.contains("Terima kasih, formulir ini sudah terkirim."));
        assertTrue(html.contains("<h2>Sudah dikirim</h2>"));
        assertFalse(html.contains("<form method=\"post\" action=\"/t/" + P + "/bagian-1\""), "read-only");
        assertTrue(html.contains("Selanjutnya: Bagian 2: Penilaian diri"), html);

        // a second submit, or a late draft from another tab, shows the submitted form and changes nothing
        r = post("/t/" + P + "/bagian-1", params("aksi", "kirim", "lingkup", "8", "tugas", "AMU-08-01"));
        assertEquals(303, r.status);
        r = post("/t/" + P + "/bagian-1", params("aksi", "simpan", "lingkup", "8", "tugas", "AMU-08-01"));
        assertEquals("/t/" + P + "/bagian-1", r.header("Location"));
        assertEquals(Set.of("AMU-05-01"), forms.draft1Ticks, "the first submit stands");
    }

    @Test
    void partTwoKeepsAnswersOnAnIncompleteSubmitAndLinksTheFirstMissingItem() throws Exception {
        forms.readyForForms();
        String path = "/t/" + P + "/bagian-2/" + PROGRAM;
        String html = get(path).text();
        assertTrue(html.contains("<h1>Bagian 2: Penilaian diri</h1>"), html);
        assertTrue(html.contains("<legend class=\"group-legend\">Bimbingan Jabatan</legend>"));
        assertTrue(html.contains("<legend>1. Saya menggali informasi &amp; preferensi.</legend>"), "statements escaped");
        assertTrue(html.contains("name=\"j.B-05-01\" value=\"4\"><span><span class=\"option-number\">4</span> Selalu</span>"), html);
        assertTrue(html.contains("value=\"NA\"><span>Tidak dapat menilai</span>"));
        assertTrue(html.contains("0 dari 4 butir terjawab"));
        assertTrue(html.contains(">Simpan sementara</button>") && html.contains(">Kirim</button>"));
        assertTrue(html.contains("data-autosave=\"/api/t/" + P + "/part2/" + PROGRAM + "/draft\""));
        assertTrue(html.contains("data-t-progress=\"{0} dari {1} butir terjawab\"") && html.contains("data-t-saved=\"Tersimpan {0}\""));

        Fakes.Response r = post(path, params("aksi", "simpan", "j.B-05-01", "3"));
        assertEquals(path + "?tersimpan=1", r.header("Location"));
        assertTrue(get(path).text().contains("name=\"j.B-05-01\" value=\"3\" checked"), "the draft resumes");

        r = post(path, params("aksi", "kirim", "j.B-05-01", "3", "j.B-05-02", "NA", "j.B-08-02", "1"));
        assertEquals(400, r.status);
        html = r.text();
        assertTrue(html.contains("<a href=\"#B-08-01-1\">Masih ada 1 butir yang belum dijawab."), html);
        assertTrue(html.contains("aria-describedby=\"B-08-01-galat\""));
        assertTrue(html.contains("value=\"NA\" checked") && html.contains("name=\"j.B-08-02\" value=\"1\" checked"), "values kept");
        assertTrue(html.contains("3 dari 4 butir terjawab"));
        assertEquals(Map.of("B-05-01", "3", "B-05-02", "NA", "B-08-02", "1"), forms.draft2, "kept as the draft too");
        assertFalse(forms.submitted2);

        r = post(path, params("aksi", "kirim", "j.B-05-01", "3", "j.B-05-02", "NA", "j.B-08-02", "1", "j.B-09-09", "2"));
        assertEquals(400, r.status, "an item of another form");
        assertTrue(r.text().contains("Butir B-09-09 tidak termasuk formulir ini."), r.text());
        r = post(path, params("aksi", "kirim", "j.B-05-01", "7", "j.B-05-02", "NA", "j.B-08-01", "2", "j.B-08-02", "1"));
        assertEquals(400, r.status, "a value out of the scale");
        assertFalse(forms.submitted2);

        r = post(path, params("aksi", "kirim", "j.B-05-01", "3", "j.B-05-02", "NA", "j.B-08-01", "4", "j.B-08-02", "1"));
        assertEquals(path + "?terkirim=1", r.header("Location"));
        assertTrue(forms.submitted2);
        html = get(path + "?terkirim=1").text();
        assertTrue(html.contains("Sudah dikirim") && html.contains("Jawaban: 4 (Selalu)") && html.contains("Jawaban: Tidak dapat menilai"), html);
        assertFalse(html.contains("type=\"radio\""), "read-only");

        // a double submit shows the submitted state; nothing changes
        r = post(path, params("aksi", "kirim", "j.B-05-01", "1", "j.B-05-02", "1", "j.B-08-01", "1", "j.B-08-02", "1"));
        assertEquals(303, r.status);
        assertEquals("3", forms.draft2.get("B-05-01"));

        // now the service user can be named
        html = get("/t/" + P).text();
        assertTrue(html.contains("href=\"/t/" + P + "/pengguna\">Isi Tunjuk pengguna layanan"), html);
    }

    @Test
    void aClosedPeriodShowsWhyAndRefusesPostsWithoutChanges() throws Exception {
        forms.readyForForms();
        String path = "/t/" + P + "/bagian-2/" + CLOSED;
        String html = get(path).text();
        assertTrue(html.contains("Formulir ini tidak dapat diisi sekarang: periode pengisian berakhir pada 31 Desember 2024."), html);
        assertFalse(html.contains("type=\"radio\""));
        Fakes.Response r = post(path, params("aksi", "kirim", "j.L-01", "3"));
        assertEquals(410, r.status);
        assertTrue(r.text().contains("Periode pengisian ditutup") && r.text().contains("Tidak ada data yang diubah."), r.text());
        assertTrue(r.text().contains("href=\"/t/" + P + "\""), "the way back to a link that still works");
    }

    @Test
    void theServiceUserWithoutEmailGetsAPrintableCodeAndQr() throws Exception {
        forms.readyForForms();
        Fakes.Response r = get("/t/" + P + "/pengguna");
        assertTrue(r.text().contains("Anda dapat menunjuk pengguna layanan setelah semua penilaian diri (Bagian 2) terkirim."));
        assertFalse(r.text().contains("name=\"pengguna-nama\""));
        forms.submitted2 = true;
        assertTrue(get("/t/" + P + "/pengguna").text().contains("name=\"pengguna-nama\""));

        r = post("/t/" + P + "/pengguna", Map.of("pengguna-nama", "", "pengguna-email", "x@"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#pengguna-nama\">Isi nama pengguna layanan.</a>"));
        assertTrue(r.text().contains("<a href=\"#pengguna-email\">"));

        r = post("/t/" + P + "/pengguna", Map.of("pengguna-nama", "Pak Joko (pencari kerja)", "pengguna-email", ""));
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("<h1>Kode penilaian untuk Pak Joko (pencari kerja)</h1>"), html);
        assertTrue(html.contains("<p class=\"code-big\" aria-describedby=\"kode-label\">K7M2QX9D</p>"));
        assertTrue(html.contains("http://127.0.0.1:18181/k/K7M2QX9D"), "the short address to type");
        assertTrue(html.contains("<svg class=\"qr\"") && html.contains("role=\"img\"") && html.matches("(?s).*<path fill=\"#000\" d=\"M\\d+ \\d+h.*"));
        assertTrue(html.contains("Kode ini hanya ditampilkan sekali."));
        assertTrue(html.contains("data-print hidden"), "the print button needs JavaScript and is hidden without it");
        assertTrue(html.length() < 60_000, "the code sheet weighs " + html.length());
    }

    @Test
    void monitoringShowsEachRaterAndResendsALink() throws Exception {
        forms.readyForForms();
        String html = get("/t/" + P + "/pemantauan").text();
        assertTrue(html.contains("<h2>Atasan langsung</h2>") && html.contains("Bapak Atasan"));
        assertTrue(html.contains("0 dari 2 <span class=\"status status-inactive\">Belum lengkap</span>"), html);
        assertTrue(html.contains(">Kirim ulang tautan ke atasan langsung</button>"));
        assertTrue(html.contains("Belum ditunjuk"));
        assertFalse(html.contains("value=\"DIRI\""), "no resend to oneself");

        Fakes.Response r = post("/t/" + P + "/pemantauan", Map.of("peran", "ATASAN"));
        assertEquals("/t/" + P + "/pemantauan?dikirim=ATASAN", r.header("Location"));
        assertEquals(List.of(RaterRole.ATASAN), forms.resent);
        assertTrue(get("/t/" + P + "/pemantauan?dikirim=ATASAN").text().contains("Tautan baru sudah dikirim ke Bapak Atasan."));

        r = post("/t/" + P + "/pemantauan", Map.of("peran", "KEPALA"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("Penilai yang dipilih tidak dikenal."));
        assertEquals(1, forms.resent.size());
    }

    // ---- a rater ----

    @Test
    void aRaterSeesWhomTheyRateAndAnHonestNotice() throws Exception {
        forms.readyForForms();
        String html = get("/t/" + A).text();
        assertTrue(html.contains("<h1>Penilaian kinerja Siti Aminah</h1>"), html);
        assertTrue(html.contains("sebagai atasan langsung"));
        assertTrue(html.contains("Disnaker Kota &lt;Yogyakarta&gt;") && html.contains("Ahli Muda"));
        assertFalse(html.contains("199001012020011001"), "raters do not see the NIP");
        assertTrue(html.contains("Peserta hanya melihat hasil gabungan dari semua penilai, tidak pernah jawaban Anda per butir."));
        assertTrue(html.contains("jawaban Anda tidak sepenuhnya anonim"));
        assertTrue(html.contains("href=\"/t/" + A + "/bagian-1\""));
        assertTrue(html.contains("Bagian 2: Penilaian kinerja, Community of Practice BISINDO"));

        html = get("/t/" + A + "/bagian-2/" + PROGRAM).text();
        assertTrue(html.contains("Penilaian untuk Siti Aminah"));
        assertTrue(html.contains("Yang bersangkutan menggali"), "the statements phrased for other raters");
        assertTrue(html.contains("seberapa sering Siti Aminah melakukannya"));
    }

    @Test
    void wrongRoleUnknownReplacedAndMalformedLinksGetClearPages() throws Exception {
        forms.readyForForms();
        for (String page : List.of("/pemantauan", "/profil", "/pengguna")) {
            Fakes.Response r = get("/t/" + A + page);
            assertEquals(403, r.status, page);
            assertTrue(r.text().contains("Halaman ini tidak tersedia untuk tautan Anda")
                    && r.text().contains("Tindakan ini hanya untuk peserta yang dinilai."), r.text());
        }
        assertEquals(403, post("/t/" + A + "/pemantauan", Map.of("peran", "REKAN")).status);
        assertEquals(403, post("/t/" + A + "/pemantauan", Map.of("peran", "KEPALA")).status, "the role is checked first");
        assertEquals(403, post("/t/" + A + "/profil", Map.of("lokasi", "")).status, "no profile form for a rater, not even with errors");
        assertEquals(403, post("/t/" + A + "/pengguna", Map.of("pengguna-nama", "")).status);
        assertEquals(403, post("/t/" + A + "/identitas", Map.of()).status);
        assertTrue(forms.resent.isEmpty());
        assertEquals(403, get("/t/" + U + "/bagian-1").status, "no Part 1 for the service user");

        Fakes.Response r = get("/t/" + "x".repeat(43));
        assertEquals(404, r.status);
        assertTrue(r.text().contains("<h1>Tautan tidak dikenal</h1>") && r.text().contains("Periksa kembali tautan dari e-mail"), r.text());
        assertFalse(r.text().contains("Kembali ke halaman utama penilaian Anda"), "no way back into a dead link");

        r = get("/t/" + OLD);
        assertEquals(410, r.status);
        assertTrue(r.text().contains("<h1>Tautan tidak berlaku lagi</h1>") && r.text().contains("sudah diganti"), r.text());

        r = get("/t/pendek");
        assertEquals(404, r.status);
        assertTrue(r.text().contains("Tautan tidak dikenal"));
        assertEquals(404, get("/t/").status);
        assertEquals(404, get("/t/" + P + "/tidak-ada").status);
        assertEquals(404, get("/t/" + P + "/bagian-2/<script>").status);
        assertEquals(404, get("/t/" + P + "/bagian-2/TIDAK-ADA").status);
        assertTrue(get("/t/" + P + "/bagian-2/TIDAK-ADA").text().contains("Formulir tidak ditemukan"));
        r = call(new Req("DELETE", "/t/" + P));
        assertEquals(405, r.status);
        assertEquals("GET, HEAD", r.header("Allow"));
    }

    @Test
    void postsFromAnotherSiteAreRefusedBeforeTheyReachTheWorkflow() throws Exception {
        Req req = new Req("POST", "/t/" + P + "/identitas");
        req.headers.put("origin", "http://penyerang.example");
        Fakes.Response r = call(req);
        assertEquals(403, r.status);
        assertFalse(forms.identityConfirmed);
    }

    @Test
    void shortCodesOpenTheSamePagesAndUnknownCodesSayLinkUnknown() throws Exception {
        forms.readyForForms();
        Fakes.Response r = get("/k/K7M2QX9D");
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("sebagai pengguna layanan"), html);
        assertTrue(html.contains("href=\"/k/K7M2QX9D/bagian-2/" + PROGRAM + "\""));
        assertFalse(html.contains("/k/K7M2QX9D/bagian-1"), "no Part 1 for the service user");
        html = get("/k/K7M2QX9D/bagian-2/" + PROGRAM).text();
        assertTrue(html.contains("data-autosave=\"/api/t/k:K7M2QX9D/part2/" + PROGRAM + "/draft\""), html);
        r = get("/k/ZZZZ2222");
        assertEquals(404, r.status);
        assertTrue(r.text().contains("Tautan tidak dikenal"));
        assertEquals(404, get("/k/a").status);
    }

    @Test
    void withoutTheWorkflowThePagesSayTryAgainLater() throws Exception {
        Fakes.Response resp = new Fakes.Response();
        servlet(null).service(new Req("GET", "/t/" + P).proxy(), resp.proxy());
        assertEquals(503, resp.status);
        assertEquals("5", resp.header("Retry-After"));
    }

    @Test
    void everyFormPageStaysFarBelowTheBudget() throws Exception {
        forms.readyForForms();
        for (String page : List.of("", "/bagian-1", "/bagian-2/" + PROGRAM, "/pemantauan", "/pengguna", "/profil")) {
            Fakes.Response r = get("/t/" + P + page);
            assertTrue(r.body.size() < 30_000, page + " weighs " + r.body.size());
        }
    }

    @Test
    void aRefusedPartOnePostStartsNoForm() throws Exception {
        forms.readyForForms();
        // no scope chosen, and the page was never opened: the refusal must not start the Part-1 form (SPEC §6)
        for (String aksi : List.of("kirim", "lanjut")) {
            Fakes.Response r = post("/t/" + P + "/bagian-1", params("aksi", aksi, "tugas", "AMU-05-01"));
            assertEquals(400, r.status, aksi);
            String html = r.text();
            assertTrue(html.contains("<html lang=\"id\">"), html);
            assertTrue(html.contains("Isian tidak dapat diterima") && html.contains("Pilih sedikitnya satu subkompetensi")
                    && html.contains("Tidak ada data yang diubah."), html);
            assertTrue(forms.started1.isEmpty(), aksi + ": no form created, " + forms.started1);
            assertFalse(forms.submitted1);
            assertEquals(Set.of(), forms.draft1Scope);
        }
        Fakes.Response r = post("/t/" + A + "/bagian-1", params("aksi", "kirim"));
        assertEquals(400, r.status, "a rater's link the same");
        assertTrue(forms.started1.isEmpty(), "no form created for the atasan: " + forms.started1);

        // once the page was opened (the draft exists) the refusal shows the form again with its error summary
        assertEquals(200, get("/t/" + P + "/bagian-1").status);
        r = post("/t/" + P + "/bagian-1", params("aksi", "kirim"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#lingkup-5\">Pilih sedikitnya satu subkompetensi"), r.text());
        assertFalse(forms.submitted1);

        // and a valid post still works as before
        r = post("/t/" + P + "/bagian-1", params("aksi", "lanjut", "lingkup", "5"));
        assertEquals(303, r.status);
        assertEquals(Set.of(5), forms.draft1Scope);
    }

    @Test
    void aFormJettyCannotParseGetsTheIndonesian400PageAndChangesNothing() throws Exception {
        forms.readyForForms();
        for (String path : List.of("/bagian-1", "/bagian-2/" + PROGRAM, "/profil")) {
            Req req = new Req("POST", "/t/" + P + path);
            req.headers.put("origin", "http://127.0.0.1:18181");
            req.params.put("aksi", new String[] {"kirim"});
            req.paramFailure = new WebServletTest.BadMessageException("Unable to parse form content",
                    new IllegalArgumentException("Not valid UTF8"));
            Fakes.Response r = call(req);
            assertEquals(400, r.status, path);
            String html = r.text();
            assertTrue(html.contains("<html lang=\"id\">") && html.contains("Permintaan tidak dapat dibaca")
                    && html.contains("tidak ada yang diubah"), html);
            assertFalse(html.contains("Exception") || html.contains("UTF8"), html);
        }
        assertTrue(forms.started1.isEmpty());
        assertFalse(forms.started2);
        assertTrue(forms.draft2.isEmpty());
        assertFalse(forms.submitted1 || forms.submitted2);

        // a query string Jetty cannot parse on a page behind the link
        Req get = new Req("GET", "/t/" + P + "/bagian-1");
        get.paramFailure = new WebServletTest.BadMessageException("Unable to parse URI query", new IllegalArgumentException("invalid hex"));
        assertEquals(400, call(get).status);
        assertTrue(forms.started1.isEmpty(), "the page that starts the form never ran");
    }

    // ---- helpers ----

    private Fakes.Response get(String uri) throws Exception {
        return call(new Req("GET", uri));
    }

    private Fakes.Response post(String uri, Map<String, String> fields) throws Exception {
        Req req = new Req("POST", uri);
        req.headers.put("origin", "http://127.0.0.1:18181");
        fields.forEach((k, v) -> req.params.put(k, new String[] {v}));
        return call(req);
    }

    private Fakes.Response post(String uri, List<String[]> fields) throws Exception {
        Req req = new Req("POST", uri);
        req.headers.put("origin", "http://127.0.0.1:18181");
        for (String[] f : fields) {
            req.params.merge(f[0], new String[] {f[1]}, (a, b) -> {
                String[] c = java.util.Arrays.copyOf(a, a.length + 1);
                c[a.length] = b[0];
                return c;
            });
        }
        return call(req);
    }

    private static List<String[]> params(String... kv) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(new String[] {kv[i], kv[i + 1]});
        }
        return out;
    }

    private Fakes.Response call(Req req) throws Exception {
        Fakes.Response resp = new Fakes.Response();
        servlet.service(req.proxy(), resp.proxy());
        return resp;
    }

    /** A request with a query string and multi-valued parameters (checkboxes). */
    static final class Req {
        final String method;
        final String uri;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String[]> params = new LinkedHashMap<>();
        /** What Jetty throws when it cannot parse the query string or the form; thrown by every getParameter* call. */
        RuntimeException paramFailure;

        Req(String method, String uriWithQuery) {
            this.method = method;
            int q = uriWithQuery.indexOf('?');
            this.uri = q < 0 ? uriWithQuery : uriWithQuery.substring(0, q);
            if (q >= 0) {
                for (String pair : uriWithQuery.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], new String[] {kv.length > 1 ? kv[1] : ""});
                }
            }
            headers.put("host", "127.0.0.1:18181");
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(LinkPagesTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath", "getServletPath" -> "";
                        case "getPathInfo" -> null;
                        case "getHeader" -> headers.get(((String) a[0]).toLowerCase());
                        case "getParameter", "getParameterValues", "getParameterMap", "getParameterNames" -> {
                            if (paramFailure != null) {
                                throw paramFailure;
                            }
                            yield switch (m.getName()) {
                                case "getParameter" -> params.containsKey((String) a[0]) ? params.get((String) a[0])[0] : null;
                                case "getParameterValues" -> params.get((String) a[0]);
                                case "getParameterMap" -> params;
                                default -> java.util.Collections.enumeration(params.keySet());
                            };
                        }
                        case "getCookies" -> null;
                        case "getRemoteAddr" -> "127.0.0.1";
                        case "isSecure" -> false;
                        case "setCharacterEncoding" -> null;
                        case "getCharacterEncoding" -> StandardCharsets.UTF_8.name();
                        case "hashCode" -> System.identityHashCode(p);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /**
     * The workflow's rules as far as the pages depend on them, in memory: participant P (PK, Ahli Muda) in two programs
     * (one closed), atasan A, service user U (also short code K7M2QX9D), a replaced link OLD.
     */
    static final class FakeForms implements FormService {
        boolean identityConfirmed;
        String workLocation;
        final Map<RaterRole, RaterInput> raters = new HashMap<>();
        final List<RaterRole> resent = new ArrayList<>();
        Set<Integer> draft1Scope = Set.of();
        Set<String> draft1Ticks = Set.of();
        boolean submitted1;
        /** The roles whose Part-1 form exists (form, saveDraft and submit start it), as the workflow's form rows. */
        final Set<RaterRole> started1 = new java.util.HashSet<>();
        Map<String, String> draft2 = new TreeMap<>();
        boolean submitted2;
        boolean started2;

        void readyForForms() {
            identityConfirmed = true;
            workLocation = "Disnaker Kota Yogyakarta";
            raters.put(RaterRole.ATASAN, new RaterInput("Bapak Atasan", "atasan@contoh.go.id", null));
            raters.put(RaterRole.REKAN, new RaterInput("Ibu Rekan", "rekan@contoh.go.id", null));
        }

        private RaterRole role(String token) {
            if (P.equals(token)) {
                return RaterRole.DIRI;
            }
            if (A.equals(token)) {
                return RaterRole.ATASAN;
            }
            if (U.equals(token) || "k:K7M2QX9D".equals(token)) {
                return RaterRole.PENGGUNA;
            }
            if (OLD.equals(token)) {
                throw new WorkflowException(Kind.GONE, "replacedLink", "Tautan ini sudah diganti dengan tautan baru. Gunakan tautan terakhir yang Anda terima.");
            }
            throw new WorkflowException(Kind.NOT_FOUND, "unknownLink", "Tautan tidak dikenal. Periksa kembali tautan dari e-mail undangan Anda.");
        }

        private RaterRole participant(String token) {
            RaterRole r = role(token);
            if (r != RaterRole.DIRI) {
                throw new WorkflowException(Kind.FORBIDDEN, "participantOnly", "Tindakan ini hanya untuk peserta yang dinilai.");
            }
            return r;
        }

        @Override
        public LinkAccess access(String token) {
            RaterRole r = role(token);
            boolean self = r == RaterRole.DIRI;
            LinkAccess.Person person = new LinkAccess.Person(7, "Siti Aminah", self ? "199001012020011001" : null, self ? "siti@contoh.go.id" : null,
                    "PK", "Ahli Muda", "Disnaker Kota <Yogyakarta>", "DI Yogyakarta", "Kota Yogyakarta", workLocation);
            String status2 = self ? (submitted2 ? "SUBMITTED" : started2 || !draft2.isEmpty() ? "DRAFT" : null) : null;
            List<LinkAccess.Program> programs = new ArrayList<>(List.of(new LinkAccess.Program(PROGRAM, "Community of Practice BISINDO", "1.0.0",
                    true, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), status2)));
            if (self) {
                programs.add(new LinkAccess.Program(CLOSED, "Program Lama", "1.0.0", false, LocalDate.of(2024, 12, 1),
                        LocalDate.of(2024, 12, 31), "SUBMITTED"));
            }
            return new LinkAccess(r, 1, "EvKin 2025", person, Instant.now().plusSeconds(86_400), identityConfirmed,
                    raters.containsKey(RaterRole.ATASAN) && raters.containsKey(RaterRole.REKAN), r.mapsTasks(),
                    self && submitted1 ? "SUBMITTED" : started1.contains(r) || self && !draft1Scope.isEmpty() ? "DRAFT" : null, programs);
        }

        @Override
        public LinkAccess confirmIdentity(String token) {
            participant(token);
            identityConfirmed = true;
            return access(token);
        }

        @Override
        public List<RaterStatus> saveProfile(String token, String location, RaterInput supervisor, RaterInput peer) {
            participant(token);
            if ("siti@contoh.go.id".equalsIgnoreCase(supervisor.email()) || "siti@contoh.go.id".equalsIgnoreCase(peer.email())) {
                throw new WorkflowException(Kind.INVALID, "selfRater", "Peserta tidak dapat menjadi penilai bagi dirinya sendiri.");
            }
            workLocation = location;
            raters.put(RaterRole.ATASAN, supervisor);
            raters.put(RaterRole.REKAN, peer);
            return monitoring(token);
        }

        @Override
        public RaterStatus nominateServiceUser(String token, RaterInput serviceUser) {
            participant(token);
            if (!submitted2) {
                throw new WorkflowException(Kind.CONFLICT, "afterSelf", "Pengguna layanan dapat ditunjuk setelah Anda mengirim penilaian diri.");
            }
            raters.put(RaterRole.PENGGUNA, serviceUser);
            return serviceUser.email() == null
                    ? new RaterStatus(RaterRole.PENGGUNA, serviceUser.name(), null, true, 0, 1, "K7M2QX9D", "http://127.0.0.1:18181/t/" + U)
                    : new RaterStatus(RaterRole.PENGGUNA, serviceUser.name(), serviceUser.email(), true, 0, 1, null, null);
        }

        @Override
        public List<RaterStatus> monitoring(String token) {
            participant(token);
            List<RaterStatus> out = new ArrayList<>();
            out.add(new RaterStatus(RaterRole.DIRI, "Siti Aminah", "siti@contoh.go.id", true, (submitted1 ? 1 : 0) + (submitted2 ? 1 : 0), 2,
                    null, null));
            for (RaterRole r : List.of(RaterRole.ATASAN, RaterRole.REKAN, RaterRole.PENGGUNA)) {
                RaterInput in = raters.get(r);
                out.add(new RaterStatus(r, in == null ? null : in.name(), in == null ? null : in.email(), in != null, 0,
                        r == RaterRole.PENGGUNA ? 1 : 2, null, null));
            }
            return out;
        }

        @Override
        public RaterStatus resend(String token, RaterRole role) {
            participant(token);
            resent.add(role);
            RaterInput in = raters.get(role);
            return new RaterStatus(role, in.name(), in.email(), true, 0, 2, null, null);
        }

        private FormView view(String token, int part, String program) {
            RaterRole r = role(token);
            boolean self = r == RaterRole.DIRI;
            if (part == 1) {
                if (!r.mapsTasks()) {
                    throw new WorkflowException(Kind.FORBIDDEN, "noPartOne", "Bagian 1 (pemetaan aktivitas kerja) hanya diisi untuk Pengantar Kerja.");
                }
                List<FormView.Section> sections = List.of(
                        new FormView.Section(5, "Bimbingan Jabatan", List.of(new FormView.Entry("AP-05-01", "Menyusun jadwal bimbingan.", "Ahli Pertama"),
                                new FormView.Entry("AMU-05-01", "Melaksanakan bimbingan kelompok.", "Ahli Muda"))),
                        new FormView.Section(8, "Layanan Pencari Kerja", List.of(new FormView.Entry("AMU-08-01", "Melayani pencari kerja.", "Ahli Muda"))));
                return new FormView(1, null, null, null, r, self ? (submitted1 ? "SUBMITTED" : "DRAFT") : "DRAFT", 1, true, sections, Map.of(),
                        self ? draft1Ticks : Set.of(), self ? draft1Scope : Set.of(), null, null);
            }
            if (CLOSED.equals(program) && self) {
                return new FormView(2, CLOSED, "Program Lama", "1.0.0", r, "DRAFT", 0, false,
                        List.of(new FormView.Section(1, "Perencanaan", List.of(new FormView.Entry("L-01", "Saya merencanakan.", null)))),
                        Map.of(), Set.of(), Set.of(), Map.of(1, "Tidak pernah", 2, "Kadang-kadang", 3, "Sering", 4, "Selalu"), "Tidak dapat menilai");
            }
            if (!PROGRAM.equals(program)) {
                throw new WorkflowException(Kind.NOT_FOUND, "unknownProgram", "Program " + program + " tidak termasuk penilaian Anda.");
            }
            String who = self ? "Saya" : "Yang bersangkutan";
            List<FormView.Section> sections = List.of(
                    new FormView.Section(5, "Bimbingan Jabatan", List.of(new FormView.Entry("B-05-01", who + " menggali informasi & preferensi.", null),
                            new FormView.Entry("B-05-02", who + " melaksanakan sesi bimbingan.", null))),
                    new FormView.Section(8, "Layanan Pencari Kerja", List.of(new FormView.Entry("B-08-01", who + " menjelaskan lowongan.", null),
                            new FormView.Entry("B-08-02", who + " memeriksa pemahaman.", null))));
            return new FormView(2, PROGRAM, "Community of Practice BISINDO", "1.0.0", r, self && submitted2 ? "SUBMITTED" : "DRAFT", 1, true,
                    sections, self ? draft2 : Map.of(), Set.of(), Set.of(),
                    Map.of(1, "Tidak pernah", 2, "Kadang-kadang", 3, "Sering", 4, "Selalu"), "Tidak dapat menilai");
        }

        @Override
        public FormView form(String token, int part, String programCode) {
            FormView v = view(token, part, programCode);
            if (part == 1) {
                started1.add(role(token));
            }
            if (part == 2 && role(token) == RaterRole.DIRI && PROGRAM.equals(programCode)) {
                started2 = true;
            }
            return v;
        }

        @Override
        public FormView saveDraft(String token, int part, String programCode, FormInput input) {
            FormView v = view(token, part, programCode);
            if (!v.open()) {
                throw new WorkflowException(Kind.GONE, "closed", "Periode pengisian program " + programCode + " sudah berakhir.");
            }
            if (v.submitted()) {
                throw new WorkflowException(Kind.CONFLICT, "submitted", "Formulir ini sudah dikirim dan tidak dapat diubah lagi.");
            }
            check(v, input, false);
            if (part == 1) {
                started1.add(role(token));
                draft1Scope = Set.copyOf(input.scope());
                draft1Ticks = Set.copyOf(input.ticks());
            } else {
                draft2 = new TreeMap<>(input.answers());
            }
            return view(token, part, programCode);
        }

        @Override
        public FormView submit(String token, int part, String programCode, FormInput input) {
            FormView v = view(token, part, programCode);
            if (v.submitted()) {
                return v;
            }
            if (!v.open()) {
                throw new WorkflowException(Kind.GONE, "closed", "Periode pengisian program " + programCode + " sudah berakhir.");
            }
            check(v, input, true);
            if (part == 1) {
                started1.add(role(token));
                draft1Scope = Set.copyOf(input.scope());
                draft1Ticks = Set.copyOf(input.ticks());
                submitted1 = true;
            } else {
                draft2 = new TreeMap<>(input.answers());
                submitted2 = true;
            }
            return view(token, part, programCode);
        }

        private static void check(FormView v, FormInput input, boolean complete) {
            Set<String> codes = new LinkedHashSet<>();
            Map<String, Integer> subOf = new HashMap<>();
            v.sections().forEach(s -> s.entries().forEach(e -> {
                codes.add(e.code());
                subOf.put(e.code(), s.subcompetency());
            }));
            if (v.part() == 2) {
                for (Map.Entry<String, String> a : input.answers().entrySet()) {
                    if (!codes.contains(a.getKey())) {
                        throw new WorkflowException(Kind.INVALID, "unknownItem", "Butir " + a.getKey()
                                + " tidak termasuk formulir ini. Muat ulang halaman dan isi kembali.");
                    }
                    if (!a.getValue().matches("[1-4]|NA")) {
                        throw new WorkflowException(Kind.INVALID, "badValue", "Nilai untuk butir " + a.getKey() + " tidak valid.");
                    }
                }
                if (complete && input.answers().size() < codes.size()) {
                    throw new WorkflowException(Kind.INVALID, "incomplete", "Masih ada " + (codes.size() - input.answers().size())
                            + " butir yang belum dijawab. Jawab semua butir (atau pilih \"tidak dapat menilai\") sebelum mengirim.");
                }
                return;
            }
            for (String t : input.ticks()) {
                if (!input.scope().contains(subOf.get(t))) {
                    throw new WorkflowException(Kind.INVALID, "unknownTask", "Tugas " + t + " tidak termasuk subkompetensi yang Anda pilih.");
                }
            }
            if (complete && input.scope().isEmpty()) {
                throw new WorkflowException(Kind.INVALID, "emptyScope", "Pilih sedikitnya satu subkompetensi.");
            }
        }
    }
}
