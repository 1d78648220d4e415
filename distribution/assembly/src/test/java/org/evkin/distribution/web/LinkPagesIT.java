package org.evkin.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The participant's and the raters' pages in a real browser against the assembled distribution, with the invitations
 * read from a real SMTP server (GreenMail): the participant follows the link from the mail, confirms, fills the profile,
 * maps tasks (Part 1), self-assesses (Part 2) with a reload and a lost connection in the middle, names a service user
 * without e-mail and gets the printable code; the supervisor fills both parts with the keyboard alone; the service user
 * opens the short code; a second participant does everything with JavaScript switched off. Every page type: zero axe-core
 * violations (WCAG 2.0/2.1/2.2 A and AA, and best practices) and under 100 KB with its CSS and script. Bad input gets a
 * clear Indonesian page and changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkPagesIT {

    private static final long PAGE_BUDGET_BYTES = 100_000;
    private static final String BISINDO = "COP-BISINDO-2025";
    private static final String CDMP = "CDMP-SEA-2025";
    private static final String GENAI = "GENAI-PK-2025";
    private static final Map<String, String> REPORT = new LinkedHashMap<>();
    private static final List<String> AXE_TAGS = new ArrayList<>(Browser.WCAG_AA);

    private static Path work;
    private static FormDistribution evkin;
    private static Browser browser;
    private static String siti;
    private static String budi;
    private static String dewi;
    /** Set by the participant's run: the service user's short code and the supervisor's first (replaced) link. */
    private static String penggunaCode;
    private static String replacedAtasan;

    static {
        AXE_TAGS.add("best-practice");
    }

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        work = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("link-pages-browser").toAbsolutePath();
        Files.createDirectories(work);
        browser = Browser.start(work);
        evkin = FormDistribution.start("link-pages");
        String admin = evkin.admin();
        for (String program : List.of(BISINDO, CDMP, GENAI)) {
            for (int i = 0; i < 300 && evkin.api("GET", "/api/instruments/" + program, null, null).statusCode() != 200; i++) {
                Thread.sleep(100);
            }
        }
        long cycle = FormDistribution.json(evkin.api("POST", "/api/cycles", admin, Map.of("name", "EvKin 2025 Uji Tautan")), 201)
                .path("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (String program : List.of(BISINDO, CDMP)) {
            FormDistribution.json(evkin.api("PUT", "/api/cycles/" + cycle + "/batteries/" + program, admin,
                    Map.of("periodStart", today.minusDays(1).toString(), "periodEnd", today.plusDays(30).toString())), 200);
        }
        // a program whose period has ended: its form is shown closed and takes nothing
        FormDistribution.json(evkin.api("PUT", "/api/cycles/" + cycle + "/batteries/" + GENAI, admin,
                Map.of("periodStart", today.minusDays(60).toString(), "periodEnd", today.minusDays(30).toString())), 200);
        String csv = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                + "199001012020011001;Siti Aminah;siti@example.go.id;;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + BISINDO + ";85,5\n"
                + "199202022020012002;Budi Santoso;budi@example.go.id;;PK;Ahli Pertama;Disnaker Kabupaten Sleman;DIY;Kabupaten Sleman;" + BISINDO + ";90\n"
                + "198803032015032003;Dewi Lestari;dewi@example.go.id;;PK;Ahli Madya;Disnakertrans Provinsi Jawa Tengah;Jawa Tengah;Kota Semarang;" + CDMP + ";88\n"
                + "198803032015032003;Dewi Lestari;dewi@example.go.id;;PK;Ahli Madya;Disnakertrans Provinsi Jawa Tengah;Jawa Tengah;Kota Semarang;" + GENAI + ";88\n";
        HttpResponse<String> imported = evkin.send(HttpRequest.newBuilder(URI.create(evkin.url("/api/cycles/" + cycle + "/participants/import")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(3, FormDistribution.json(evkin.api("POST", "/api/cycles/" + cycle + "/invitations", admin, null), 200).path("invited").asInt());
        siti = evkin.latestToken("siti@example.go.id", 1);
        budi = evkin.latestToken("budi@example.go.id", 1);
        dewi = evkin.latestToken("dewi@example.go.id", 1);
        REPORT.put("set-up", "distribution, GreenMail, Chromium, cycle, import and invitations in " + seconds(t0));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (evkin != null) {
                evkin.close();
            }
        }
        String report = REPORT.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        System.out.println("Personal-link pages measured:\n" + report);
        Path out = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("link-pages-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    // ---- the participant, with JavaScript ----

    @Test
    @Order(1)
    void theParticipantFollowsTheInvitationThroughEveryStep() throws Exception {
        long t0 = System.nanoTime();
        WebDriver d = browser.driver;
        open("/t/" + siti);
        assertEquals("Periksa data diri Anda", h1());
        String body = text("main");
        for (String shown : List.of("Siti Aminah", "199001012020011001", "Disnaker Kota Yogyakarta", "Ahli Muda", "Yogyakarta")) {
            assertTrue(body.contains(shown), shown + " missing from " + body);
        }
        assertTrue(body.contains("Ada data yang salah?") && body.contains("Hubungi admin evaluasi"));
        checkPage("identity check");
        d.findElement(By.cssSelector("main form button")).click();
        waitForUrl("/t/" + siti + "/profil");

        // the profile: an empty submit shows every problem in a summary that takes the focus
        checkPage("profile");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        WebElement summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.findElement(By.tagName("a")).getAttribute("href").endsWith("#lokasi"));
        assertEquals("error-summary", d.switchTo().activeElement().getAttribute("class"), "form.js moves the focus to the summary");
        assertTrue(d.getTitle().startsWith("Galat:"), d.getTitle());
        checkPage("profile with errors");
        type("lokasi", "Disnaker Kota Yogyakarta, Bidang Penempatan");
        type("atasan-nama", "Bapak Atasan");
        type("atasan-email", "atasan.siti@example.go.id");
        type("atasan-telepon", "0812 3456 7890");
        type("rekan-nama", "Ibu Rekan");
        type("rekan-email", "rekan.siti@example.go.id");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector(".notice"));
        assertTrue(text(".notice").startsWith("Profil tersimpan."));
        checkPage("participant overview");

        // Part 1, step 1: which subkompetensi apply; step 2: only their tasks
        d.findElement(By.linkText("Isi Bagian 1: Pemetaan aktivitas kerja")).click();
        waitForText(By.cssSelector(".step-of"), "Langkah 1 dari 2");
        List<WebElement> scope = d.findElements(By.cssSelector("input[name=lingkup]"));
        assertEquals(15, scope.size(), "the fifteen subkompetensi");
        assertEquals(0, d.findElements(By.cssSelector("input[name=tugas]")).size());
        checkPage("part 1, step 1 (subkompetensi)");
        d.findElement(By.cssSelector("button[value=lanjut]")).click();
        waitFor(By.cssSelector(".error-summary"));
        checkPage("part 1, step 1 with an error");
        d.findElement(By.id("lingkup-5")).click();
        d.findElement(By.id("lingkup-8")).click();
        d.findElement(By.cssSelector("button[value=lanjut]")).click();
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        List<String> groups = d.findElements(By.cssSelector(".group-legend")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Bimbingan Jabatan", "Layanan Pencari Kerja"), groups);
        assertTrue(text("main").contains("Jenjang Ahli Pertama") && text("main").contains("Jenjang Ahli Madya"),
                "tasks of every level, each with its level");
        checkPage("part 1, step 2 (tasks of two subkompetensi)");
        resetStatus();
        d.findElement(By.id("tugas-AMU-05-01")).click();
        d.findElement(By.id("tugas-AP-08-01")).click();
        assertEquals("2 tugas dicentang", text(".progress"), "the progress follows at once");
        waitForSaved();
        awaitDraft(siti, "/part1", "ticks", 2); // autosaved to the server
        d.navigate().refresh();
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        assertTrue(d.findElement(By.id("tugas-AMU-05-01")).isSelected() && d.findElement(By.id("tugas-AP-08-01")).isSelected(),
                "the draft resumes after a reload");
        d.findElement(By.cssSelector("button[value=kirim]")).click();
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        checkPage("part 1 submitted (read-only)");

        // Part 2: autosave, reload, an incomplete submit, a lost connection, the submit
        d.findElement(By.partialLinkText("Selanjutnya: Bagian 2")).click();
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian diri");
        List<String> items = itemCodes();
        assertEquals(9, items.size(), "Ahli Muda in BISINDO: three subkompetensi of three statements");
        assertTrue(text("legend.group-legend").length() > 3);
        assertTrue(text("main").contains("Tidak pernah") && text("main").contains("Tidak dapat menilai"));
        checkPage("part 2 (9 statements)");
        resetStatus();
        for (int i = 0; i < 4; i++) {
            d.findElement(By.id(items.get(i) + "-" + (i == 0 ? "NA" : String.valueOf(1 + i % 4)))).click();
        }
        waitForSaved();
        awaitDraft(siti, "/part2/" + BISINDO, "answers", 4);
        assertEquals("4 dari 9 butir terjawab", text(".progress"));
        REPORT.put("autosave", "status after the debounce: '" + text("[data-status]") + "'; progress: '" + text(".progress") + "'");
        d.navigate().refresh();
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian diri");
        assertTrue(d.findElement(By.id(items.get(0) + "-NA")).isSelected() && d.findElement(By.id(items.get(3) + "-4")).isSelected(),
                "the draft resumes after a reload");
        d.findElement(By.cssSelector("button[value=kirim]")).click();
        summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("Masih ada 5 butir yang belum dijawab"), summary.getText());
        assertTrue(summary.findElement(By.tagName("a")).getAttribute("href").endsWith("#" + items.get(4) + "-1"));
        assertTrue(d.findElement(By.id(items.get(3) + "-4")).isSelected(), "answers kept");
        checkPage("part 2 with an error");
        summary.findElement(By.tagName("a")).click();
        assertEquals(items.get(4) + "-1", d.switchTo().activeElement().getAttribute("id"), "the summary leads to the first unanswered");
        resetStatus();
        for (int i = 4; i < 8; i++) {
            d.findElement(By.id(items.get(i) + "-" + (1 + i % 4))).click();
        }
        waitForSaved();
        awaitDraft(siti, "/part2/" + BISINDO, "answers", 8);
        browser.driver.setNetworkConditions(offline(true));
        d.findElement(By.id(items.get(8) + "-3")).click();
        new Browser.PageWait(d, Duration.ofSeconds(15)).until(x -> text("[data-status]").startsWith("Belum tersimpan"));
        REPORT.put("autosave without a connection", "'" + text("[data-status]") + "'");
        assertEquals("Belum tersimpan \u2014 koneksi terputus, akan dicoba lagi", text("[data-status]"));
        browser.driver.deleteNetworkConditions();
        waitForSaved();
        awaitDraft(siti, "/part2/" + BISINDO, "answers", 9); // saved once the connection is back
        d.findElement(By.cssSelector("button[value=kirim]")).click();
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        assertTrue(text("main").contains("Terima kasih, formulir ini sudah terkirim."));
        checkPage("part 2 submitted (read-only)");
        // a second submit (another tab, a retry) stores nothing more and shows the submitted form
        HttpResponse<String> again = postForm("/t/" + siti + "/bagian-2/" + BISINDO, items.stream().map(c -> "j." + c + "=1")
                .collect(Collectors.joining("&")) + "&aksi=kirim", evkin.url(""));
        assertEquals(303, again.statusCode(), again.body());
        JsonNode stored = linkJson(siti, "/part2/" + BISINDO);
        assertEquals("SUBMITTED", stored.path("status").asText());
        assertEquals("NA", stored.path("answers").path(items.get(0)).asText(), "the first submit stands");

        // the service user, without e-mail: a printable sheet with the short code and a QR code
        open("/t/" + siti);
        d.findElement(By.linkText("Isi Tunjuk pengguna layanan")).click();
        waitForText(By.tagName("h1"), "Tunjuk pengguna layanan");
        checkPage("service user nomination");
        type("pengguna-nama", "Pak Joko (pencari kerja)");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Kode penilaian untuk Pak Joko (pencari kerja)");
        penggunaCode = text(".code-big");
        assertTrue(penggunaCode.matches("[A-Z0-9]{8}"), penggunaCode);
        assertEquals(evkin.url("/k/" + penggunaCode), text(".code-address"));
        assertTrue(d.findElement(By.cssSelector("svg.qr path")).getAttribute("d").startsWith("M"));
        assertTrue(d.findElement(By.cssSelector("[data-print]")).isDisplayed(), "with JavaScript the print button appears");
        checkPage("code sheet with QR code");

        // monitoring: each rater's state, and a new link for the supervisor
        replacedAtasan = evkin.latestToken("atasan.siti@example.go.id", 1);
        d.findElement(By.linkText("Ke halaman pemantauan")).click();
        waitForText(By.tagName("h1"), "Pemantauan penilai");
        String monitoring = text("main");
        assertTrue(monitoring.contains("Pak Joko (pencari kerja)") && monitoring.contains("Bapak Atasan") && monitoring.contains("2 dari 2"),
                monitoring);
        checkPage("monitoring");
        d.findElement(By.xpath("//button[normalize-space()='Kirim ulang tautan ke atasan langsung']")).click();
        waitForText(By.cssSelector(".notice"), "Tautan baru sudah dikirim ke Bapak Atasan.");
        REPORT.put("participant flow with JavaScript", "identity, profile, Part 1, Part 2, service user, monitoring in " + seconds(t0));
    }

    // ---- the supervisor, keyboard only ----

    @Test
    @Order(2)
    void theSupervisorFillsBothPartsWithTheKeyboardAlone() throws Exception {
        long t0 = System.nanoTime();
        String atasan = evkin.latestToken("atasan.siti@example.go.id", 2);
        WebDriver d = browser.driver;
        open("/t/" + atasan);
        assertEquals("Penilaian kinerja Siti Aminah", h1());
        String body = text("main");
        assertTrue(body.contains("Disnaker Kota Yogyakarta") && body.contains("Ahli Muda"));
        assertFalse(body.contains("199001012020011001"), "raters do not see the NIP");
        assertTrue(body.contains("tidak pernah jawaban Anda per butir") && body.contains("tidak sepenuhnya anonim"));
        checkPage("rater overview (notice on anonymity)");
        int keys = 0;
        keys += tabTo(e -> "Isi Bagian 1: Pemetaan aktivitas kerja".equals(e.getText()));
        keys += press(Keys.ENTER);
        waitForText(By.cssSelector(".step-of"), "Langkah 1 dari 2");
        keys += tabTo(e -> "lingkup-8".equals(e.getAttribute("id")));
        keys += press(Keys.SPACE);
        keys += tabTo(e -> "lanjut".equals(e.getAttribute("value")));
        keys += press(Keys.ENTER);
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        keys += tabTo(e -> "tugas-AMU-08-01".equals(e.getAttribute("id")));
        keys += press(Keys.SPACE);
        keys += tabTo(e -> "tugas-AMA-08-01".equals(e.getAttribute("id")));
        keys += press(Keys.SPACE);
        keys += tabTo(e -> "kirim".equals(e.getAttribute("value")));
        keys += press(Keys.ENTER);
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        assertEquals(2, linkJson(atasan, "/part1").path("ticks").size());
        keys += tabTo(e -> e.getText().startsWith("Selanjutnya: Bagian 2"));
        keys += press(Keys.ENTER);
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian kinerja");
        assertTrue(text("main").contains("Yang bersangkutan"), "statements phrased for the other raters");
        List<String> items = itemCodes();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String code = items.get(i);
            keys += tabTo(e -> ("j." + code).equals(e.getAttribute("name")));
            // in a radio group the arrow keys move and choose; Space chooses the focused option
            int value = 1 + i % 4;
            if (i == 2) {
                keys += press(Keys.ARROW_UP); // wraps around to the last option: tidak dapat menilai
                chosen.put(code, "NA");
            } else {
                keys += value == 1 ? press(Keys.SPACE) : press(Keys.ARROW_DOWN, value - 1);
                chosen.put(code, String.valueOf(value));
            }
            String v = chosen.get(code);
            assertTrue(d.findElement(By.id(code + "-" + v)).isSelected(), code + " should be " + v);
        }
        keys += tabTo(e -> "kirim".equals(e.getAttribute("value")));
        keys += press(Keys.ENTER);
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        JsonNode stored = linkJson(atasan, "/part2/" + BISINDO);
        assertEquals("SUBMITTED", stored.path("status").asText());
        chosen.forEach((code, v) -> assertEquals(v, stored.path("answers").path(code).asText(), code));
        assertTrue(text("main").contains("Jawaban: Tidak dapat menilai"));
        checkPage("rater's part 2 submitted");
        REPORT.put("keyboard-only rater", keys + " key presses (Tab, Space, arrows, Enter) for Part 1 and Part 2 with "
                + items.size() + " statements, in " + seconds(t0));
    }

    // ---- the service user, by short code ----

    @Test
    @Order(3)
    void theServiceUserOpensTheShortCodeAndSubmits() throws Exception {
        assertNotNull(penggunaCode, "the participant's run names the service user");
        WebDriver d = browser.driver;
        open("/k/" + penggunaCode.toLowerCase());
        assertEquals("Penilaian kinerja Siti Aminah", h1());
        assertTrue(text("main").contains("sebagai pengguna layanan"));
        assertTrue(d.findElements(By.partialLinkText("Bagian 1")).isEmpty(), "no Part 1 for the service user");
        checkPage("rater overview by short code");
        d.findElement(By.partialLinkText("Bagian 2")).click();
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian kinerja");
        for (String code : itemCodes()) {
            d.findElement(By.id(code + "-3")).click();
        }
        d.findElement(By.cssSelector("button[value=kirim]")).click();
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        open("/t/" + siti + "/pemantauan");
        String pengguna = d.findElements(By.cssSelector(".rater")).get(3).getText();
        assertTrue(pengguna.contains("Pak Joko") && pengguna.contains("1 dari 1") && pengguna.contains("Lengkap"), pengguna);
    }

    // ---- a participant without JavaScript ----

    @Test
    @Order(4)
    void everythingWorksWithJavaScriptSwitchedOff() throws Exception {
        long t0 = System.nanoTime();
        try (FormBrowser nojs = FormBrowser.withoutJavaScript(work)) {
            WebDriver d = nojs.driver;
            d.get(evkin.url("/t/" + budi));
            d.findElement(By.cssSelector("main form button")).click();
            waitForUrl(d, "/t/" + budi + "/profil");
            fill(d, Map.of("lokasi", "Disnaker Kabupaten Sleman", "atasan-nama", "Ibu Kepala", "atasan-email", "atasan.budi@example.go.id",
                    "rekan-nama", "Pak Rekan", "rekan-email", "rekan.budi@example.go.id"));
            d.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitFor(d, By.cssSelector(".notice"));

            // Part 1: two round trips; the scope is the draft between them
            d.findElement(By.linkText("Isi Bagian 1: Pemetaan aktivitas kerja")).click();
            d.findElement(By.id("lingkup-7")).click();
            d.findElement(By.cssSelector("button[value=lanjut]")).click();
            waitForText(d, By.cssSelector(".step-of"), "Langkah 2 dari 2");
            assertEquals(List.of(7), ints(linkJson(budi, "/part1").path("scope")), "the scope saved between the steps");
            WebElement first = d.findElements(By.cssSelector("input[name=tugas]")).get(0);
            String task = first.getAttribute("value");
            first.click();
            Thread.sleep(300);
            assertEquals("0 tugas dicentang", d.findElement(By.cssSelector(".progress")).getText(),
                    "no script runs in this browser (with one, the progress would follow the tick)");
            d.findElement(By.cssSelector("button[value=simpan]")).click();
            waitForText(d, By.cssSelector(".notice"), "Jawaban Anda tersimpan sementara.");
            d.get(evkin.url("/t/" + budi + "/bagian-1"));
            assertTrue(d.findElement(By.id("tugas-" + task)).isSelected(), "the saved draft comes back");
            d.findElement(By.cssSelector("button[value=kirim]")).click();
            waitForText(d, By.cssSelector(".done-box h2"), "Sudah dikirim");

            // Part 2: save, come back, an incomplete submit, the submit
            d.findElement(By.partialLinkText("Selanjutnya: Bagian 2")).click();
            List<String> items = d.findElements(By.cssSelector("fieldset.item input[value='1']")).stream()
                    .map(e -> e.getAttribute("name").substring(2)).toList();
            assertEquals(9, items.size());
            d.findElement(By.id(items.get(0) + "-2")).click();
            d.findElement(By.cssSelector("button[value=simpan]")).click();
            waitForText(d, By.cssSelector(".notice"), "Jawaban Anda tersimpan sementara.");
            d.get(evkin.url("/t/" + budi));
            d.findElement(By.partialLinkText("Lanjutkan Bagian 2")).click();
            assertTrue(d.findElement(By.id(items.get(0) + "-2")).isSelected());
            assertEquals("1 dari 9 butir terjawab", d.findElement(By.cssSelector(".progress")).getText());
            d.findElement(By.id(items.get(1) + "-4")).click();
            d.findElement(By.cssSelector("button[value=kirim]")).click();
            WebElement summary = waitFor(d, By.cssSelector(".error-summary"));
            assertTrue(summary.getText().contains("Masih ada 7 butir"), summary.getText());
            assertTrue(d.findElement(By.id(items.get(1) + "-4")).isSelected(), "values kept");
            for (int i = 2; i < items.size(); i++) {
                d.findElement(By.id(items.get(i) + "-" + (1 + i % 4))).click();
            }
            d.findElement(By.cssSelector("button[value=kirim]")).click();
            waitForText(d, By.cssSelector(".done-box h2"), "Sudah dikirim");

            // the service user without e-mail: the sheet, with the print hint instead of the button
            d.get(evkin.url("/t/" + budi + "/pengguna"));
            d.findElement(By.id("pengguna-nama")).sendKeys("Bu Sari (pemberi kerja)");
            d.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitForText(d, By.tagName("h1"), "Kode penilaian untuk Bu Sari (pemberi kerja)");
            assertFalse(d.findElement(By.cssSelector("[data-print]")).isDisplayed());
            assertTrue(d.findElement(By.cssSelector("[data-print-hint]")).isDisplayed());
            d.findElement(By.linkText("Ke halaman pemantauan")).click();
            assertTrue(d.findElement(By.tagName("main")).getText().contains("Bu Sari (pemberi kerja)"));
            d.findElement(By.xpath("//button[normalize-space()='Kirim ulang tautan ke rekan kerja']")).click();
            waitForText(d, By.cssSelector(".notice"), "Tautan baru sudah dikirim ke Pak Rekan.");
        }
        REPORT.put("participant flow without JavaScript", "profile, Part 1 (two round trips), Part 2 (save, resume, error, submit), "
                + "service user, monitoring in " + seconds(t0));
    }

    // ---- the heaviest pages, and a closed period ----

    @Test
    @Order(5)
    void theHeaviestFormsStayUnderTheBudgetAndAClosedPeriodSaysSo() throws Exception {
        WebDriver d = browser.driver;
        open("/t/" + dewi);
        d.findElement(By.cssSelector("main form button")).click();
        waitForUrl("/t/" + dewi + "/profil");
        type("lokasi", "Disnakertrans Provinsi Jawa Tengah");
        type("atasan-nama", "Bapak Kabid");
        type("atasan-email", "kabid@example.go.id");
        type("rekan-nama", "Ibu Fungsional");
        type("rekan-email", "fungsional@example.go.id");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector(".notice"));
        assertTrue(text("main").contains("Periode pengisian ditutup"), "the overview says which program is closed");

        // Part 1 with every subkompetensi: the whole catalog of all four levels on one page
        open("/t/" + dewi + "/bagian-1");
        for (WebElement box : d.findElements(By.cssSelector("input[name=lingkup]"))) {
            box.click();
        }
        d.findElement(By.cssSelector("button[value=lanjut]")).click();
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        int tasks = d.findElements(By.cssSelector("input[name=tugas]")).size();
        assertTrue(tasks > 120, "the whole task catalog: " + tasks);
        checkPage("part 1, step 2 with the whole catalog (" + tasks + " tasks)");

        open("/t/" + dewi + "/bagian-2/" + CDMP);
        int items = itemCodes().size();
        assertEquals(30, items, "Ahli Madya in CDMP-SEA-2025");
        checkPage("part 2 with " + items + " statements (the largest battery)");

        open("/t/" + dewi + "/bagian-2/" + GENAI);
        String closed = text(".notice-warn");
        assertTrue(closed.startsWith("Formulir ini tidak dapat diisi sekarang: periode pengisian berakhir pada"), closed);
        assertTrue(d.findElements(By.cssSelector("input[type=radio]")).isEmpty());
        checkPage("part 2 after the period");
        HttpResponse<String> late = postForm("/t/" + dewi + "/bagian-2/" + GENAI, "aksi=simpan", evkin.url(""));
        assertEquals(410, late.statusCode());
        assertTrue(late.body().contains("Periode pengisian ditutup") && late.body().contains("Tidak ada data yang diubah."), late.body());
        assertEquals(0, linkJson(dewi, "/part2/" + GENAI).path("answers").size());
    }

    // ---- bad input ----

    @Test
    @Order(6)
    void badInputGetsAClearPageAndChangesNothing() throws Exception {
        // an unknown link, a malformed one, an unknown short code
        HttpResponse<String> r = get("/t/" + "x".repeat(43));
        assertEquals(404, r.statusCode());
        open("/t/" + "x".repeat(43));
        assertEquals("Tautan tidak dikenal", h1());
        checkPage("unknown link (404)");
        assertEquals(404, get("/t/terpotong").statusCode());
        r = get("/k/ZZZZ2222");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Tautan tidak dikenal"), r.body());

        // the supervisor's first link, replaced by the participant's resend
        assertNotNull(replacedAtasan);
        open("/t/" + replacedAtasan);
        assertEquals("Tautan tidak berlaku lagi", h1());
        assertTrue(text("main").contains("sudah diganti"));
        checkPage("replaced link (410)");

        // a rater on the participant's pages
        String rekan = evkin.latestToken("rekan.siti@example.go.id", 1);
        open("/t/" + rekan + "/pemantauan");
        assertEquals("Halaman ini tidak tersedia untuk tautan Anda", h1());
        checkPage("wrong role (403)");
        assertEquals(403, postForm("/t/" + rekan + "/pemantauan", "peran=ATASAN", evkin.url("")).statusCode());
        assertEquals(403, postForm("/t/" + rekan + "/profil", "lokasi=x", evkin.url("")).statusCode());

        // tampered codes and values in a post: refused whole, the draft untouched
        String path = "/t/" + rekan + "/bagian-2/" + BISINDO;
        assertEquals(200, get(path).statusCode());
        List<String> items = new ArrayList<>();
        linkJson(rekan, "/part2/" + BISINDO).path("sections").forEach(s -> s.path("entries").forEach(e -> items.add(e.path("code").asText())));
        assertEquals(303, postForm(path, "aksi=simpan&j." + items.get(0) + "=2", evkin.url("")).statusCode());
        r = postForm(path, "aksi=kirim&j." + items.get(0) + "=4&j.BISINDO-AU-05-01=4", evkin.url(""));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Isian tidak dapat diterima") && r.body().contains("BISINDO-AU-05-01"), r.body());
        r = postForm(path, "aksi=simpan&j." + items.get(0) + "=5", evkin.url(""));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("tidak valid"), r.body());
        open(path);
        // the refusal page itself, rendered in the browser from a post with a tampered item
        ((JavascriptExecutor) browser.driver).executeScript("var i=document.createElement('input');i.type='hidden';i.name='j.PALSU-01';"
                + "i.value='3';document.querySelector('form.rating-form').appendChild(i);");
        browser.driver.findElement(By.cssSelector("button[value=simpan]")).click();
        waitForText(By.tagName("h1"), "Isian tidak dapat diterima");
        checkPage("tampered form (400)");
        assertEquals("2", linkJson(rekan, "/part2/" + BISINDO).path("answers").path(items.get(0)).asText(), "nothing changed");

        // a post from another site never reaches the workflow
        r = postForm(path, "aksi=kirim&j." + items.get(0) + "=1", "http://penyerang.example");
        assertEquals(403, r.statusCode());
        assertEquals("DRAFT", linkJson(rekan, "/part2/" + BISINDO).path("status").asText());
        assertEquals(List.of(), evkin.stackTraceLines(), "no stack trace in the log");
    }

    // ---- helpers ----

    private static void open(String path) {
        browser.driver.get(evkin.url(path));
    }

    private static String h1() {
        return Browser.textOf(browser.driver, By.tagName("h1"));
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private static void type(String id, String value) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static void fill(WebDriver d, Map<String, String> fields) {
        fields.forEach((id, value) -> d.findElement(By.id(id)).sendKeys(value));
    }

    private static List<String> itemCodes() {
        return browser.driver.findElements(By.cssSelector("fieldset.item input[value='1']")).stream()
                .map(e -> e.getAttribute("name").substring(2)).toList();
    }

    private static WebElement waitFor(By by) {
        return waitFor(browser.driver, by);
    }

    private static WebElement waitFor(WebDriver d, By by) {
        return new Browser.PageWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void waitForText(By by, String text) {
        waitForText(browser.driver, by, text);
    }

    private static void waitForText(WebDriver d, By by, String text) {
        new Browser.PageWait(d, Duration.ofSeconds(20)).until(x -> {
            List<WebElement> found = x.findElements(by);
            return !found.isEmpty() && found.get(0).getText().startsWith(text);
        });
    }

    private static void waitForUrl(String path) {
        waitForUrl(browser.driver, path);
    }

    private static void waitForUrl(WebDriver d, String path) {
        new Browser.PageWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(evkin.url(path)));
    }

    /** Empties the autosave status, so that the next "Tersimpan" seen is the next save's. */
    private static void resetStatus() {
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('[data-status]').textContent = ''");
    }

    private static void waitForSaved() {
        new Browser.PageWait(browser.driver, Duration.ofSeconds(30))
                .until(x -> text("[data-status]").matches("Tersimpan \\d{1,2}\\.\\d{2}"));
    }

    /** Waits until the link's draft on the server holds n answers (Part 2) or ticks (Part 1). */
    private static JsonNode awaitDraft(String token, String path, String field, int n) throws Exception {
        JsonNode form = null;
        for (int i = 0; i < 100; i++) {
            form = linkJson(token, path);
            if (form.path(field).size() == n) {
                return form;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the draft at " + path + " holds " + form.path(field).size() + " " + field + ", not " + n);
    }

    private static ChromiumNetworkConditions offline(boolean off) {
        ChromiumNetworkConditions c = new ChromiumNetworkConditions();
        c.setOffline(off);
        return c;
    }

    private static int tabTo(Predicate<WebElement> target) {
        Actions keys = new Actions(browser.driver);
        for (int i = 1; i <= 80; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if (target.test(browser.driver.switchTo().activeElement())) {
                return i;
            }
        }
        WebElement active = browser.driver.switchTo().activeElement();
        throw new AssertionError("80 Tab presses did not reach the target; focus is on <" + active.getTagName() + " id="
                + active.getAttribute("id") + "> " + active.getText());
    }

    private static int press(Keys key) {
        return press(key, 1);
    }

    private static int press(Keys key, int times) {
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < times; i++) {
            keys.sendKeys(key);
        }
        keys.perform();
        return times;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /** What the JSON API says about a link's form (GET /api/t/{token}{path}). */
    private static JsonNode linkJson(String token, String path) throws Exception {
        return FormDistribution.json(evkin.api("GET", "/api/t/" + token + path, null, null), 200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return evkin.send(HttpRequest.newBuilder(URI.create(evkin.url(path))).GET());
    }

    private static HttpResponse<String> postForm(String path, String body, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return evkin.send(b);
    }

    private static String seconds(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /** Zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA, and best practices) and under the weight budget. */
    private static void checkPage(String label) throws Exception {
        Browser.AxeCheck axe = browser.axe(AXE_TAGS);
        Browser.PageWeight weight = browser.weight();
        Path shot = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("link-pages-screens")
                .resolve(label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
        REPORT.put(label, weight + "; axe-core (WCAG 2.0/2.1/2.2 A+AA and best practices): " + axe.violationCount() + " violations, "
                + axe.passedRules() + " rules passed, " + axe.incomplete() + " to review by hand");
        assertEquals("", axe.violations(), "axe-core found problems on " + label + " (" + browser.driver.getCurrentUrl() + "):");
        assertTrue(axe.passedRules() >= 5, "axe-core checked next to nothing on " + label);
        assertTrue(weight.total() < PAGE_BUDGET_BYTES, label + " weighs " + weight);
    }
}
