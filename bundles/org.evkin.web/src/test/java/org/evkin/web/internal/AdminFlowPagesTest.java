package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.workflow.Account;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;
import org.evkin.workflow.CycleProgress;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.EnrolmentService;
import org.evkin.workflow.ImportReport;
import org.evkin.workflow.InvitationReport;
import org.evkin.workflow.InvitationService;
import org.evkin.workflow.MonitoringService;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.ReminderReport;
import org.evkin.workflow.ResponseImportService;
import org.evkin.workflow.ResponsesReport;
import org.evkin.workflow.Role;
import org.evkin.workflow.WorkflowException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's cycle pages through the real servlet (session, origin and CSRF checks included) against fake workflow
 * services: create a cycle and a battery, participant and responses imports with preview and a single commit, every
 * problem of a rejected file by row and column, invitations, monitoring and reminders, and the regional admin's limits.
 */
class AdminFlowPagesTest {

    private static final Pattern PREVIEW_ID = Pattern.compile("name=\"pratinjau\" value=\"([A-Za-z0-9_-]{22})\"");

    private final Fakes.Auth auth = new Fakes.Auth();
    private final FakeWorkflow workflow = new FakeWorkflow();
    private final Account regional = new Account(2, "disnaker@jogjaprov.go.id", "Admin DIY", Role.REGIONAL_ADMIN,
            "Daerah Istimewa Yogyakarta", null);
    private WebServlet servlet;
    private String national;
    private String region;

    @BeforeEach
    void setUp() throws Exception {
        servlet = new WebServlet(WebServletTest.config(false));
        set("auth", auth);
        set("cycles", workflow);
        set("enrolments", workflow);
        set("invitations", workflow);
        set("responses", workflow);
        set("monitoring", workflow);
        national = auth.login("admin@kemnaker.go.id", "Rahasia-Admin-2025!", "x", null).token();
        region = "token-regional-" + "y".repeat(30);
        auth.sessions.put(region, regional);
        workflow.cycles.put(7L, new Cycle(7, "EvKin <2025>", Instant.now(), List.of(
                new Battery("COP-BISINDO-2025", true, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30), null))));
    }

    private void set(String field, Object value) throws Exception {
        var f = WebServlet.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(servlet, value);
    }

    // ---- creating a cycle ----

    @Test
    void aNationalAdminCreatesACycleAndAnEmptyNameIsExplained() throws Exception {
        Fakes.Response r = get("/admin/siklus/baru", national);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("<h1>Buat siklus evaluasi</h1>"), r.text());
        assertTrue(r.text().contains("<label for=\"nama\">Nama siklus</label>"));
        assertCsrfInEveryPostForm(r.text());

        r = post("/admin/siklus/baru", national, Map.of("nama", "   "));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#nama\">Masukkan nama siklus.</a>"), r.text());
        assertTrue(r.text().contains("aria-invalid=\"true\""));
        assertTrue(r.text().contains("<title>Galat: "));
        assertTrue(workflow.created.isEmpty());

        r = post("/admin/siklus/baru", national, Map.of("nama", " EvKin 2026 "));
        assertEquals(303, r.status);
        assertEquals(List.of("EvKin 2026"), workflow.created);
        assertTrue(r.header("Location").matches("/admin/siklus/\\d+\\?dibuat=1"), r.header("Location"));
        r = get(r.header("Location"), national);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Siklus EvKin 2026 sudah dibuat."), r.text());

        r = post("/admin/siklus/baru", national, Map.of("nama", "EvKin 2026"));
        assertEquals(409, r.status);
        assertTrue(r.text().contains("sudah ada"), r.text());
        assertTrue(r.text().contains("value=\"EvKin 2026\""), "the name is kept");
    }

    @Test
    void aRegionalAdminGetsAClear403AndChangesNothing() throws Exception {
        Fakes.Response r = get("/admin/siklus/baru", region);
        assertEquals(403, r.status);
        assertTrue(r.text().contains("Hanya admin nasional yang dapat membuat siklus"), r.text());
        r = post("/admin/siklus/baru", region, Map.of("nama", "Siklus Daerah"));
        assertEquals(403, r.status);
        assertTrue(workflow.created.isEmpty());

        r = post("/admin/siklus/7/program", region, Map.of("formulir", "baru", "program", "GENAI-PAK-2025", "status", "aktif",
                "mulai", "2025-08-27", "selesai", "2025-09-30"));
        assertEquals(403, r.status);
        assertTrue(r.text().contains("Hanya admin nasional yang dapat mengubah jadwal"), r.text());
        assertTrue(workflow.batteries.isEmpty());

        r = get("/admin/siklus/7", region);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Jadwal program diatur oleh admin nasional."));
        assertFalse(r.text().contains("action=\"/admin/siklus/7/program\""), "no form that would be refused");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedBeforeThePages() throws Exception {
        Fakes.Request req = request("POST", "/admin/siklus/baru", national);
        req.params.put("nama", "Tanpa token");
        Fakes.Response r = call(req);
        assertEquals(403, r.status);
        assertTrue(workflow.created.isEmpty());
    }

    // ---- one cycle and its batteries ----

    @Test
    void theCyclePageListsBatteriesAndOffersAFormPerProgram() throws Exception {
        Fakes.Response r = get("/admin/siklus/7", national);
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("<h1>Siklus EvKin &lt;2025&gt;</h1>"), html);
        assertTrue(html.contains("<caption id=\"baterai-tabel\">Program pada siklus EvKin &lt;2025&gt;</caption>"));
        assertTrue(html.contains("1 November 2025 s.d. 30 November 2025"));
        assertTrue(html.contains("id=\"p0-mulai\" name=\"mulai\" type=\"date\" value=\"2025-11-01\""), html);
        assertTrue(html.contains("id=\"baru-program\""));
        assertTrue(html.contains("aria-current=\"page\">Ringkasan dan jadwal</a>"));
        assertCsrfInEveryPostForm(html);
        assertUniqueIds(html);
    }

    @Test
    void settingABatteryParsesDatesAndRedirectsWithANotice() throws Exception {
        Fakes.Response r = post("/admin/siklus/7/program", national, Map.of("formulir", "baru", "program", "genai-pak-2025",
                "status", "nonaktif", "mulai", "27/08/2025", "selesai", "2025-09-30", "perpanjangan", "2025-10-07"));
        assertEquals(303, r.status);
        assertEquals("/admin/siklus/7?disimpan=GENAI-PAK-2025", r.header("Location"));
        assertEquals(List.of("7 GENAI-PAK-2025 false 2025-08-27 2025-09-30 2025-10-07"), workflow.batteries);
        r = get(r.header("Location"), national);
        assertTrue(r.text().contains("Jadwal program GENAI-PAK-2025 sudah disimpan."), r.text());
        assertTrue(get("/admin/siklus/7?disimpan=%3Cb%3E", national).text().contains("role=\"status\"") == false,
                "a made-up program in the address shows no notice");
    }

    @Test
    void badScheduleInputShowsEveryProblemAtItsField() throws Exception {
        Fakes.Response r = post("/admin/siklus/7/program", national, Map.of("formulir", "baru", "program", "", "status", "aktif",
                "mulai", "", "selesai", "31/02/2025"));
        assertEquals(400, r.status);
        String html = r.text();
        assertTrue(html.contains("<a href=\"#baru-program\">Masukkan kode program.</a>"), html);
        assertTrue(html.contains("<a href=\"#baru-mulai\">Masukkan tanggal mulai.</a>"));
        assertTrue(html.contains("<a href=\"#baru-selesai\">"));
        assertTrue(html.contains("31/02/2025"), "the typed value is kept");
        assertTrue(html.contains("aria-describedby=\"baru-selesai-petunjuk baru-selesai-galat\" aria-invalid=\"true\""), html);
        assertTrue(workflow.batteries.isEmpty());

        // the workflow's own refusal lands on the field of the existing program's form
        r = post("/admin/siklus/7/program", national, Map.of("formulir", "ada", "program", "COP-BISINDO-2025", "status", "aktif",
                "mulai", "2025-11-01", "selesai", "2025-11-30", "perpanjangan", "2025-11-15"));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#p0-perpanjangan\">Perpanjangan (2025-11-15) harus setelah akhir periode"), r.text());
        assertTrue(r.text().contains("value=\"2025-11-15\""));
        assertUniqueIds(r.text());
    }

    @Test
    void unknownCyclesAndMethodsGetIndonesianPages() throws Exception {
        Fakes.Response r = get("/admin/siklus/99", national);
        assertEquals(404, r.status);
        assertTrue(r.text().contains("Siklus tidak ditemukan"));
        assertEquals(404, get("/admin/siklus/7/tidak-ada", national).status);
        assertEquals(404, get("/admin/siklus/abc", national).status);
        assertEquals(404, get("/admin/siklus/7/peserta/bukan-id", national).status);
        Fakes.Request del = request("DELETE", "/admin/siklus/7", national);
        r = call(del);
        assertEquals(405, r.status);
        assertEquals("GET, HEAD", r.header("Allow"));
        assertEquals(303, get("/admin/siklus/7/pantau/pengingat", national).status, "a reloaded post address goes back");
        set("monitoring", null);
        r = get("/admin/siklus/7/pantau", national);
        assertEquals(503, r.status);
    }

    // ---- participant import ----

    @Test
    void aValidFileIsPreviewedThenImportedOnceByItsId() throws Exception {
        byte[] csv = "nip;nama\n199001012020011001;Siti\n".getBytes(StandardCharsets.UTF_8);
        Fakes.Response r = upload("/admin/siklus/7/peserta", national, "peserta.csv", csv);
        assertEquals(200, r.status, r.text());
        String html = r.text();
        assertEquals(List.of("preview 7 false " + csv.length), workflow.imports);
        assertTrue(html.contains("<h1>Pratinjau impor peserta</h1>"), html);
        assertTrue(html.contains("Berkas: peserta.csv"));
        assertTrue(html.contains("<dt>Peserta baru</dt><dd>2</dd>"), html);
        assertTrue(html.contains("<th scope=\"row\">Siti Aminah</th>"));
        assertTrue(html.contains("Ahli Muda"));
        assertTrue(html.contains("Tidak: Nilai pelatihan 65 di bawah batas kelayakan 70,01"));
        assertTrue(html.contains("85,5"), "decimal comma");
        assertCsrfInEveryPostForm(html);
        String id = previewId(html);

        r = post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id));
        assertEquals(200, r.status, r.text());
        assertEquals(List.of("preview 7 false " + csv.length, "commit 7 true " + csv.length), workflow.imports);
        assertTrue(r.text().contains("Impor berhasil: 2 baris disimpan."), r.text());
        assertFalse(r.text().contains("sudah diimpor"));

        r = post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id));
        assertEquals(200, r.status);
        assertEquals(2, workflow.imports.size(), "a second commit of the same preview imports nothing");
        assertTrue(r.text().contains("Berkas ini sudah diimpor sebelumnya"), r.text());

        r = get("/admin/siklus/7/peserta/" + id, national);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Hasil impor peserta"));
    }

    @Test
    void aPreviewIsBoundToItsAdminCycleAndKind() throws Exception {
        String id = previewId(upload("/admin/siklus/7/peserta", national, "a.csv", "x".getBytes(StandardCharsets.UTF_8)).text());
        workflow.cycles.put(8L, new Cycle(8, "Lain", Instant.now(), List.of()));
        assertEquals(410, post("/admin/siklus/8/peserta/simpan", national, Map.of("pratinjau", id)).status, "another cycle");
        assertEquals(410, post("/admin/siklus/7/jawaban/simpan", national, Map.of("pratinjau", id)).status, "another import");
        Fakes.Response r = post("/admin/siklus/7/peserta/simpan", region, Map.of("pratinjau", id));
        assertEquals(410, r.status, "another admin");
        assertTrue(r.text().contains("Pratinjau tidak ditemukan"), r.text());
        assertEquals(410, post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", "A".repeat(22))).status);
        assertEquals(List.of("preview 7 false 1"), workflow.imports, "nothing committed");
        assertEquals(200, post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id)).status);
    }

    @Test
    void aRejectedFileShowsEveryProblemByRowAndColumnAndImportsNothing() throws Exception {
        List<Object> details = new ArrayList<>();
        details.add(new FakeImportError(0, null, "header", "kolom 'telepon' tidak ada"));
        for (int i = 2; i <= 250; i++) {
            details.add(new FakeImportError(i, "nip", "nip.invalid", "Baris " + i + ", kolom nip: '12' bukan NIP yang sah"));
        }
        workflow.failure = new WorkflowException(WorkflowException.Kind.INVALID, "importInvalid",
                "Berkas peserta tidak dapat diimpor: 250 kesalahan. Tidak ada data yang diubah.", details);
        Fakes.Response r = upload("/admin/siklus/7/peserta", national, "salah.csv", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status);
        String html = r.text();
        assertTrue(html.contains("<title>Galat: "), html);
        assertTrue(html.contains("<a href=\"#masalah-judul\">Berkas ditolak karena 250 masalah. Tidak ada data yang diimpor."), html);
        assertTrue(html.contains("<caption id=\"masalah\">Masalah pada berkas salah.csv, menurut baris dan kolom</caption>"));
        assertTrue(html.contains("<th scope=\"col\">Baris</th>") && html.contains("<th scope=\"col\">Kolom</th>"));
        assertTrue(html.contains("<th scope=\"row\" class=\"num\">seluruh berkas</th>"), "a file-level problem");
        assertTrue(html.contains("kolom &#39;telepon&#39; tidak ada") || html.contains("kolom &#x27;telepon&#x27; tidak ada"), html);
        assertTrue(html.contains("Baris 99, kolom nip"));
        assertFalse(html.contains("Baris 101, kolom nip"), "a hundred problems per page");
        assertTrue(html.contains("Menampilkan 1\u2013100 dari 250."));
        assertFalse(html.contains("name=\"pratinjau\""), "nothing to commit");
        assertTrue(html.contains("enctype=\"multipart/form-data\""), "the form to upload again");
        assertEquals(List.of("preview 7 false 1"), workflow.imports);
        Matcher link = Pattern.compile("href=\"(/admin/siklus/7/peserta/[A-Za-z0-9_-]{22})\\?halaman=3#masalah\"").matcher(html);
        assertTrue(link.find(), html);

        r = get(link.group(1) + "?halaman=3", national);
        assertEquals(400, r.status);
        assertTrue(r.text().contains("Baris 250, kolom nip") && r.text().contains("Menampilkan 201\u2013250 dari 250."), r.text());
        assertFalse(r.text().contains("Baris 200, kolom nip"));
        assertTrue(r.text().length() < 100_000);
    }

    @Test
    void aFileOutsideTheRegionIsRefusedWith403AndItsRows() throws Exception {
        workflow.failure = new WorkflowException(WorkflowException.Kind.FORBIDDEN, "outOfRegion", "Berkas peserta tidak dapat diimpor: 1 kesalahan.",
                List.of(new FakeImportError(3, "provinsi", "outOfRegion", "Baris 3: peserta dari provinsi Jawa Tengah berada di luar wilayah")));
        Fakes.Response r = upload("/admin/siklus/7/peserta", region, "luar.csv", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(403, r.status);
        assertTrue(r.text().contains("<td><span class=\"code\">provinsi</span></td>"), r.text());
        assertTrue(r.text().contains("luar wilayah"));
    }

    @Test
    void missingEmptyOrUnreadableFilesAreExplainedAtTheField() throws Exception {
        Fakes.Response r = upload("/admin/siklus/7/peserta", national, "", new byte[0]);
        assertEquals(400, r.status);
        assertTrue(r.text().contains("<a href=\"#berkas\">Pilih berkas CSV atau XLSX untuk diunggah.</a>"), r.text());
        assertTrue(r.text().contains("aria-describedby=\"berkas-petunjuk berkas-galat\" aria-invalid=\"true\""));
        r = upload("/admin/siklus/7/peserta", national, "kosong.csv", new byte[0]);
        assertTrue(r.text().contains("Berkas yang dipilih kosong."), r.text());
        r = post("/admin/siklus/7/peserta", national, Map.of());
        assertEquals(400, r.status, "not multipart");
        assertTrue(workflow.imports.isEmpty());

        Fakes.Request req = request("POST", "/admin/siklus/7/peserta", national);
        req.params.put("_csrf", "csrf-" + national);
        r = call(req, "multipart/form-data; boundary=x", null, true);
        assertEquals(500, r.status);
        assertTrue(r.text().matches("(?s).*sebutkan kode [2-9A-Z]{8}\\..*"), r.text());
    }

    @Test
    void aFailedCommitCanBeTriedAgainAndAFileThatNoLongerFitsIsShownWithItsProblems() throws Exception {
        String id = previewId(upload("/admin/siklus/7/peserta", national, "a.csv", "x".getBytes(StandardCharsets.UTF_8)).text());
        workflow.failure = new IllegalStateException("database away");
        assertEquals(500, post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id)).status);
        workflow.failure = new WorkflowException(WorkflowException.Kind.INVALID, "importInvalid", "1 kesalahan",
                List.of(new FakeImportError(2, "program", "program.unknown", "Baris 2, kolom program: program 'X' tidak dikenal")));
        Fakes.Response r = post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id));
        assertEquals(400, r.status);
        assertTrue(r.text().contains("program &#39;X&#39; tidak dikenal") || r.text().contains("program &#x27;X&#x27;"), r.text());
        workflow.failure = null;
        r = post("/admin/siklus/7/peserta/simpan", national, Map.of("pratinjau", id));
        assertEquals(400, r.status, "a rejected preview stays rejected: upload again");
        assertEquals(3, workflow.imports.size());
    }

    @Test
    void theResponsesImportFollowsTheSamePattern() throws Exception {
        Fakes.Response r = get("/admin/siklus/7/jawaban", national);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("nip_or_email, program, rater_role"), r.text());
        r = upload("/admin/siklus/7/jawaban", national, "jawaban.csv", "abc".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status, r.text());
        assertTrue(r.text().contains("<dt>Formulir baru</dt><dd>3</dd>"), r.text());
        String id = previewId(r.text());
        r = post("/admin/siklus/7/jawaban/simpan", national, Map.of("pratinjau", id));
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Impor berhasil: 27 baris disimpan."), r.text());
        assertEquals(List.of("responses 7 false 3", "responses 7 true 3"), workflow.imports);
    }

    // ---- invitations and monitoring ----

    @Test
    void invitationsAreSentByAButtonAndTheReportShown() throws Exception {
        Fakes.Response r = get("/admin/siklus/7/undangan", national);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Undangan peserta \u2014 seluruh Indonesia"), r.text());
        assertCsrfInEveryPostForm(r.text());
        assertEquals(0, workflow.invitationRuns);
        r = post("/admin/siklus/7/undangan", national, Map.of());
        assertEquals(200, r.status);
        assertEquals(1, workflow.invitationRuns);
        assertTrue(r.text().contains("Undangan diproses: 12 peserta diundang sekarang."), r.text());
        assertTrue(r.text().contains("<dt>Sudah diundang sebelumnya</dt><dd>3</dd>"));
        assertTrue(r.text().contains("Program GENAI-PAK-2025 belum memiliki periode"));
    }

    @Test
    void monitoringShowsAccessibleTablesLateRatersAndRemindsWithOneClick() throws Exception {
        Fakes.Response r = get("/admin/siklus/7/pantau", region);
        assertEquals(200, r.status);
        String html = r.text();
        assertTrue(html.contains("<h1>Pemantauan penyelesaian \u2014 Daerah Istimewa Yogyakarta</h1>"), html);
        assertEquals(regional, workflow.lastActor, "the workflow scopes by the signed-in admin");
        for (String caption : List.of("Penyelesaian per program", "Penyelesaian per jenjang", "Penyelesaian per provinsi",
                "Formulir per sumber penilai")) {
            assertTrue(html.contains(">" + caption + "</caption>"), caption);
        }
        assertTrue(html.contains("<th scope=\"row\">COP-BISINDO-2025</th>"));
        assertTrue(html.contains("<td class=\"num\">67%</td>"), "2 of 3, half up");
        assertTrue(html.contains("<th scope=\"row\">Rekan kerja</th>"));
        assertTrue(html.contains("Penilai yang belum mengirim semua formulirnya (2 orang)"));
        assertTrue(html.contains("<th scope=\"row\">Ibu Rekan</th>"));
        assertTrue(html.contains("tanpa e-mail"));
        assertTrue(html.contains("1 dari 2"));
        assertCsrfInEveryPostForm(html);

        r = post("/admin/siklus/7/pantau/pengingat", region, Map.of());
        assertEquals(200, r.status);
        assertEquals(1, workflow.reminderRuns);
        assertTrue(r.text().contains("Pengingat terkirim kepada 1 penilai; 1 penilai dilaporkan kepada peserta dan admin; 1 penilai"
                + " terlambat tidak memiliki e-mail."), r.text());
    }

    @Test
    void longListsArePagedSoThatEveryPageStaysSmall() throws Exception {
        List<CycleProgress.LateRater> late = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            late.add(new CycleProgress.LateRater(i, "Peserta Dengan Nama Yang Cukup Panjang " + i, "Jawa Tengah", RaterRole.ATASAN,
                    "Atasan Dengan Nama Panjang " + i, "atasan" + i + "@disnaker.jatengprov.go.id", 0, 2, 1, Instant.now()));
        }
        workflow.late = late;
        Fakes.Response r = get("/admin/siklus/7/pantau", national);
        assertTrue(r.text().length() < 100_000, "monitoring " + r.text().length());
        assertTrue(r.text().contains("Menampilkan 1\u2013100 dari 1.000."));
        r = get("/admin/siklus/7/pantau?halaman=10", national);
        assertTrue(r.text().contains("Atasan Dengan Nama Panjang 999"));

        workflow.previewRows = 200;
        r = upload("/admin/siklus/7/peserta", national, "besar.csv", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(r.text().length() < 100_000, "preview " + r.text().length());
        assertTrue(r.text().contains("Baris pertama berkas (50 dari 200)"), r.text());
    }

    // ---- helpers ----

    private static void assertCsrfInEveryPostForm(String html) {
        Matcher form = Pattern.compile("(?s)<form method=\"post\".*?</form>").matcher(html);
        int n = 0;
        while (form.find()) {
            n++;
            assertTrue(form.group().contains("name=\"_csrf\" value=\"csrf-"), "a post form without the CSRF field: " + form.group());
        }
        assertTrue(n > 0, "no post form");
    }

    private static void assertUniqueIds(String html) {
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        List<String> seen = new ArrayList<>();
        while (id.find()) {
            assertFalse(seen.contains(id.group(1)), "duplicate id " + id.group(1));
            seen.add(id.group(1));
        }
    }

    private static String previewId(String html) {
        Matcher m = PREVIEW_ID.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private Fakes.Request request(String method, String uri, String session) {
        Fakes.Request r = new Fakes.Request(method, uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri);
        r.session = session;
        if (uri.contains("?")) {
            for (String pair : uri.substring(uri.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                r.params.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return r;
    }

    private Fakes.Response get(String uri, String session) throws Exception {
        return call(request("GET", uri, session));
    }

    private Fakes.Response post(String uri, String session, Map<String, String> params) throws Exception {
        Fakes.Request r = request("POST", uri, session);
        r.params.putAll(params);
        r.params.put("_csrf", "csrf-" + session);
        return call(r);
    }

    private Fakes.Response upload(String uri, String session, String fileName, byte[] bytes) throws Exception {
        Fakes.Request r = request("POST", uri, session);
        r.params.put("_csrf", "csrf-" + session);
        return call(r, "multipart/form-data; boundary=----x", part(fileName, bytes), false);
    }

    private Fakes.Response call(Fakes.Request r) throws Exception {
        return call(r, "application/x-www-form-urlencoded", null, false);
    }

    /** The request of Fakes plus what a multipart post needs: its content type and the file part. */
    private Fakes.Response call(Fakes.Request r, String contentType, Part part, boolean multipartDisabled) throws Exception {
        HttpServletRequest base = r.proxy();
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getContentType" -> "POST".equals(r.method) ? contentType : null;
                    case "getPart" -> {
                        if (multipartDisabled) {
                            throw new ServletException("No Multipart-Support available");
                        }
                        yield part != null && "berkas".equals(a[0]) ? part : null;
                    }
                    case "getCookies" -> r.session == null ? null : new Cookie[] {new Cookie(SessionCookie.NAME, r.session)};
                    default -> {
                        try {
                            yield m.invoke(base, a);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            if (e.getCause() instanceof UnsupportedOperationException) {
                                Class<?> type = m.getReturnType();
                                yield type == boolean.class ? Boolean.FALSE : type == int.class ? Integer.valueOf(-1)
                                        : type == long.class ? Long.valueOf(-1) : null;
                            }
                            throw e.getCause();
                        }
                    }
                });
        Fakes.Response resp = new Fakes.Response();
        servlet.service(req, resp.proxy());
        return resp;
    }

    private static Part part(String fileName, byte[] bytes) {
        return new Part() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }

            @Override
            public String getName() {
                return "berkas";
            }

            @Override
            public String getSubmittedFileName() {
                return fileName;
            }

            @Override
            public long getSize() {
                return bytes.length;
            }

            @Override
            public void write(String name) {
            }

            @Override
            public void delete() {
            }

            @Override
            public String getHeader(String name) {
                return null;
            }

            @Override
            public Collection<String> getHeaders(String name) {
                return List.of();
            }

            @Override
            public Collection<String> getHeaderNames() {
                return List.of();
            }
        };
    }

    /** The shape of org.evkin.exchange.ImportError, which this bundle reads by its record components. */
    record FakeImportError(int row, String column, String code, String message) {
    }

    /** The workflow services, recording what the pages asked for. */
    static final class FakeWorkflow implements CycleService, EnrolmentService, InvitationService, ResponseImportService,
            MonitoringService {
        final Map<Long, Cycle> cycles = new HashMap<>();
        final List<String> created = new ArrayList<>();
        final List<String> batteries = new ArrayList<>();
        final List<String> imports = new ArrayList<>();
        RuntimeException failure;
        int previewRows = 2;
        int invitationRuns;
        int reminderRuns;
        Account lastActor;
        List<CycleProgress.LateRater> late = List.of(
                new CycleProgress.LateRater(1, "Siti Aminah", "Daerah Istimewa Yogyakarta", RaterRole.REKAN, "Ibu Rekan",
                        "rekan@example.go.id", 1, 2, 0, Instant.parse("2025-11-02T03:00:00Z")),
                new CycleProgress.LateRater(1, "Siti Aminah", "Daerah Istimewa Yogyakarta", RaterRole.PENGGUNA, "Pak Joko", null, 0,
                        1, 0, Instant.parse("2025-11-02T03:00:00Z")));

        @Override
        public Cycle create(Account actor, String name) {
            if (actor.role() != Role.NATIONAL_ADMIN) {
                throw new WorkflowException(WorkflowException.Kind.FORBIDDEN, "forbidden", "tidak berwenang");
            }
            if (cycles.values().stream().anyMatch(c -> c.name().equals(name))) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "nameTaken", "Siklus evaluasi bernama \"" + name + "\" sudah ada.");
            }
            created.add(name);
            Cycle c = new Cycle(100 + created.size(), name, Instant.now(), List.of());
            cycles.put(c.id(), c);
            return c;
        }

        @Override
        public List<Cycle> list() {
            return List.copyOf(cycles.values());
        }

        @Override
        public Cycle get(long cycleId) {
            Cycle c = cycles.get(cycleId);
            if (c == null) {
                throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "cycleNotFound", "Siklus evaluasi tidak ditemukan.");
            }
            return c;
        }

        @Override
        public Battery setBattery(Account actor, long cycleId, String programCode, boolean active, LocalDate periodStart,
                LocalDate periodEnd, LocalDate extendedUntil) {
            if (extendedUntil != null && !extendedUntil.isAfter(periodEnd)) {
                throw new WorkflowException(WorkflowException.Kind.INVALID, "badExtension",
                        "Perpanjangan (" + extendedUntil + ") harus setelah akhir periode (" + periodEnd + ").");
            }
            batteries.add(cycleId + " " + programCode + " " + active + " " + periodStart + " " + periodEnd + " " + extendedUntil);
            Battery b = new Battery(programCode, active, periodStart, periodEnd, extendedUntil);
            Cycle c = cycles.get(cycleId);
            List<Battery> all = new ArrayList<>(c.batteries());
            all.add(b);
            cycles.put(cycleId, new Cycle(c.id(), c.name(), c.createdAt(), all));
            return b;
        }

        @Override
        public ImportReport importParticipants(Account actor, long cycleId, byte[] file, boolean commit) {
            imports.add((commit ? "commit " : "preview ") + cycleId + " " + commit + " " + file.length);
            lastActor = actor;
            if (failure != null) {
                throw failure;
            }
            List<ImportReport.PreviewRow> rows = new ArrayList<>();
            rows.add(new ImportReport.PreviewRow(2, "199001012020011001", "Siti Aminah", "siti@example.go.id", "PK", "AHLI_MUDA",
                    "Daerah Istimewa Yogyakarta", "Kota Yogyakarta", "COP-BISINDO-2025", "85.5", true, null));
            for (int i = 1; i < previewRows; i++) {
                rows.add(new ImportReport.PreviewRow(2 + i, null, "Budi Santoso " + i, "budi" + i + "@example.go.id", "PAK", null,
                        "Jawa Tengah", "Kabupaten Wonogiri", "BIMTEK-PAK-WONOGIRI-2025", "65", false,
                        "Nilai pelatihan 65 di bawah batas kelayakan 70,01"));
            }
            return new ImportReport(commit, previewRows, 1, previewRows - 1, previewRows, 0, 0, previewRows, 0, 0, rows);
        }

        @Override
        public ResponsesReport importResponses(Account actor, long cycleId, byte[] file, boolean commit) {
            imports.add("responses " + cycleId + " " + commit + " " + file.length);
            if (failure != null) {
                throw failure;
            }
            return new ResponsesReport(commit, 27, 3, 3, 0, 0);
        }

        @Override
        public InvitationReport invite(Account actor, long cycleId) {
            invitationRuns++;
            return new InvitationReport(12, 3, 1, List.of("Program GENAI-PAK-2025 belum memiliki periode pada siklus ini."));
        }

        @Override
        public CycleProgress progress(Account actor, long cycleId) {
            lastActor = actor;
            return new CycleProgress(cycleId, 4, 3, 2, List.of(new CycleProgress.Group("COP-BISINDO-2025", 3, 2)),
                    List.of(new CycleProgress.Group("Ahli Muda", 3, 2)),
                    List.of(new CycleProgress.Group("Daerah Istimewa Yogyakarta", 3, 2)),
                    List.of(new CycleProgress.Source(RaterRole.DIRI, 6, 6), new CycleProgress.Source(RaterRole.REKAN, 6, 5)), late);
        }

        @Override
        public ReminderReport remind(Account actor, long cycleId) {
            reminderRuns++;
            return new ReminderReport(1, 1, 1);
        }
    }

    @Test
    void theDetailsAreReadFromAnyRecordWithRowColumnAndMessage() {
        AdminFlowUploads.Problem p = AdminFlowPages.problem(new FakeImportError(4, "email", "email.invalid", "Baris 4, kolom email: x"));
        assertEquals(4, p.row());
        assertEquals("email", p.column());
        assertEquals("Baris 4, kolom email: x", p.message());
        p = AdminFlowPages.problem("teks saja");
        assertEquals(0, p.row());
        assertNull(p.column());
        assertEquals("teks saja", p.message());
        assertNotNull(AdminFlowPages.fileName(null));
        assertEquals("data.csv", AdminFlowPages.fileName("C:\\Users\\admin\\data.csv"));
    }
}
