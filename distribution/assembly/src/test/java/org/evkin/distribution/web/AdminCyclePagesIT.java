package org.evkin.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin's cycle pages in a real browser against the assembled distribution, one cycle from start to end: create
 * the cycle and a program's schedule through the pages; a participant file with errors (every problem shown by row and
 * column, nothing imported), then a valid one by keyboard alone (preview, commit, counts; a second commit imports
 * nothing); invitations read from a real SMTP server (GreenMail); a responses import; monitoring and one-click
 * reminders; a regional admin's 403 and region. Every page: zero axe-core WCAG 2.0/2.1/2.2 A+AA violations, under
 * 100 KB. The tests run in order on one distribution and share the cycle.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCyclePagesIT {

    private static final long PAGE_BUDGET_BYTES = 100_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> REPORT = new LinkedHashMap<>();
    private static final String PROGRAM = "COP-BISINDO-2025";
    private static final String HEADER = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n";
    private static final String REGIONAL_EMAIL = "disnaker@jogjaprov.go.id";
    private static final String REGIONAL_PASSWORD = "Rahasia-Daerah-2025!";

    private static AdminDistribution evkin;
    private static Browser browser;
    private static GreenMail smtp;
    private static Path work;
    private static String apiToken;
    private static long cycle;

    @BeforeAll
    static void start() throws Exception {
        work = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("admin-cycle-pages-work").toAbsolutePath();
        WebDistribution.deleteTree(work);
        Files.createDirectories(work);
        int smtpPort = WebDistribution.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        evkin = AdminDistribution.copy("admin-cycle-pages");
        evkin.config("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
        evkin.config("org.evkin.invitations.cfg", "base.url=" + evkin.url("") + "\n");
        // raters count as late at once; no automatic runs; no escalation in this test
        evkin.config("org.evkin.monitoring.cfg", "reminder.after.hours=0\nreminder.check.seconds=0\nescalate.after.reminders=9\n");
        evkin.start();
        browser = Browser.start(work);
        apiToken = apiLogin(AdminDistribution.ADMIN_EMAIL, AdminDistribution.ADMIN_PASSWORD);
        for (int i = 0; i < 300 && get("/api/instruments/" + PROGRAM, null).statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (evkin != null) {
                    evkin.close();
                }
            } finally {
                if (smtp != null) {
                    smtp.stop();
                }
            }
        }
        String report = REPORT.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        System.out.println("Admin cycle pages measured:\n" + report);
        Path out = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("admin-cycle-pages-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    @Test
    @Order(1)
    void aNationalAdminCreatesTheCycleAndSchedulesAProgramThroughThePages() throws Exception {
        signIn(AdminDistribution.ADMIN_EMAIL, AdminDistribution.ADMIN_PASSWORD);
        browser.driver.findElement(By.linkText("Buat siklus evaluasi baru")).click();
        waitForUrl("/admin/siklus/baru");
        assertEquals("Buat siklus evaluasi", h1());
        checkPage("/admin/siklus/baru");

        submit(By.cssSelector("main form button[type=submit]"));
        WebElement summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("Masukkan nama siklus."), summary.getText());
        assertEquals("true", browser.driver.findElement(By.id("nama")).getAttribute("aria-invalid"));
        checkPage("/admin/siklus/baru with an error");

        browser.driver.findElement(By.id("nama")).sendKeys("EvKin 2025 Uji Admin");
        submit(By.cssSelector("main form button[type=submit]"));
        waitFor(By.cssSelector("[role=status]"));
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.matches(".*/admin/siklus/\\d+\\?dibuat=1"), url);
        cycle = Long.parseLong(url.replaceAll(".*/admin/siklus/(\\d+).*", "$1"));
        assertEquals("Siklus EvKin 2025 Uji Admin", h1());
        assertTrue(text("[role=status]").contains("sudah dibuat"));
        checkPage("/admin/siklus/{id} (new cycle)");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        browser.driver.findElement(By.id("baru-program")).sendKeys(PROGRAM);
        setDate("baru-mulai", today.plusDays(30));
        setDate("baru-selesai", today.minusDays(1));
        submit(By.cssSelector("#baru-judul + form button[type=submit]"));
        summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("tanggal akhir"), summary.getText());
        assertTrue(summary.findElement(By.tagName("a")).getAttribute("href").endsWith("#baru-selesai"));
        assertEquals("true", browser.driver.findElement(By.id("baru-selesai")).getAttribute("aria-invalid"));
        assertEquals(PROGRAM, browser.driver.findElement(By.id("baru-program")).getAttribute("value"), "the input is kept");
        checkPage("/admin/siklus/{id} with a schedule error");

        setDate("baru-mulai", today.minusDays(1));
        setDate("baru-selesai", today.plusDays(30));
        submit(By.cssSelector("#baru-judul + form button[type=submit]"));
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("disimpan=" + PROGRAM));
        assertEquals("Jadwal program " + PROGRAM + " sudah disimpan.", text("[role=status]"));
        WebElement table = browser.driver.findElement(By.cssSelector("#baterai-tabel")).findElement(By.xpath(".."));
        assertTrue(table.getText().contains(PROGRAM) && table.getText().contains("Aktif"), table.getText());
        assertEquals(today.minusDays(1).toString(), browser.driver.findElement(By.id("p0-mulai")).getAttribute("value"));
        checkPage("/admin/siklus/{id} with a program");

        JsonNode c = JSON.readTree(get("/api/cycles/" + cycle, apiToken).body());
        assertEquals("ACTIVE", c.path("batteries").get(0).path("status").asText(), c.toString());
        assertEquals(today.plusDays(30).toString(), c.path("batteries").get(0).path("periodEnd").asText());

        open("/admin");
        browser.driver.findElement(By.linkText("EvKin 2025 Uji Admin")).click();
        waitForUrl("/admin/siklus/" + cycle);
    }

    @Test
    @Order(2)
    void aFileWithErrorsShowsEveryProblemByRowAndColumnAndImportsNothing() throws Exception {
        Path bad = write("peserta-salah.csv", HEADER
                + "12345;Siti Aminah;siti@contoh;;PK;Ahli Muda;Disnaker Kota Yogyakarta;Atlantis;Kota Yogyakarta;" + PROGRAM + ";delapan\n"
                + "198502022010012002;Budi Santoso;budi@example.go.id;;PK;;Disnaker Jawa Tengah;Jawa Tengah;Kota Semarang;" + PROGRAM
                + ";90\n");
        open("/admin/siklus/" + cycle + "/peserta");
        assertEquals("Impor peserta", h1());
        checkPage("/admin/siklus/{id}/peserta");
        browser.driver.findElement(By.id("berkas")).sendKeys(bad.toString());
        submit(By.cssSelector("main form[enctype='multipart/form-data'] button[type=submit]"));
        WebElement summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("Berkas ditolak karena 5 masalah. Tidak ada data yang diimpor."), summary.getText());
        assertTrue(browser.driver.getTitle().startsWith("Galat:"), browser.driver.getTitle());
        List<String> cells = new ArrayList<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("table:has(#masalah) tbody tr"))) {
            cells.add(row.findElement(By.cssSelector("th[scope=row]")).getText() + "|" + row.findElements(By.tagName("td")).get(0).getText());
        }
        assertEquals(List.of("2|nip", "2|email", "2|provinsi", "2|nilai_pelatihan", "3|jenjang"), cells);
        String all = browser.driver.findElement(By.cssSelector("table:has(#masalah)")).getText();
        assertTrue(all.contains("'12345' bukan NIP yang sah") && all.contains("'Atlantis' bukan nama provinsi")
                && all.contains("'delapan' bukan angka"), all);
        assertEquals(List.of("Baris", "Kolom", "Masalah"), browser.driver.findElements(By.cssSelector("table:has(#masalah) thead th[scope=col]"))
                .stream().map(WebElement::getText).toList());
        assertTrue(browser.driver.findElements(By.cssSelector("input[name=pratinjau]")).isEmpty(), "nothing to commit");
        checkPage("/admin/siklus/{id}/peserta with a rejected file");

        JsonNode progress = JSON.readTree(get("/api/cycles/" + cycle + "/monitoring", apiToken).body());
        assertEquals(0, progress.path("participants").asInt(), "nothing imported: " + progress);
    }

    @Test
    @Order(3)
    void aValidFileIsPreviewedAndImportedByKeyboardAloneAndOnlyOnce() throws Exception {
        Path good = write("peserta.csv", HEADER
                + "199001012020011001;Siti Aminah;siti@example.go.id;;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;" + PROGRAM
                + ";85,5\n"
                + "198502022010012002;Budi Santoso;budi@example.go.id;0812-3456-7890;PK;Ahli Pertama;Disnaker Jawa Tengah;Jawa Tengah;"
                + "Kota Semarang;" + PROGRAM + ";90\n");
        open("/admin/siklus/" + cycle + "/peserta");
        Actions keys = new Actions(browser.driver);
        int tabs = tabUntil(keys, e -> "berkas".equals(e.getAttribute("id")), 30);
        browser.driver.switchTo().activeElement().sendKeys(good.toString());
        keys.sendKeys(Keys.TAB).perform();
        WebElement button = browser.driver.switchTo().activeElement();
        assertEquals("Unggah dan periksa", button.getText());
        keys.sendKeys(Keys.ENTER).perform();
        waitFor(By.cssSelector("input[name=pratinjau]"));
        assertEquals("Pratinjau impor peserta", h1());
        assertEquals("2", stat("Baris data"));
        assertEquals("2", stat("Peserta baru"));
        assertEquals("2", stat("Memenuhi syarat"));
        String rows = browser.driver.findElement(By.cssSelector("table:has(#baris-pratinjau)")).getText();
        assertTrue(rows.contains("Siti Aminah") && rows.contains("Daerah Istimewa Yogyakarta, Kota Yogyakarta") && rows.contains("85,5"), rows);
        checkPage("/admin/siklus/{id}/peserta preview");
        String previewId = browser.driver.findElement(By.cssSelector("input[name=pratinjau]")).getAttribute("value");
        String csrf = browser.driver.findElement(By.cssSelector("main input[name=_csrf]")).getAttribute("value");
        assertEquals(0, JSON.readTree(get("/api/cycles/" + cycle + "/monitoring", apiToken).body()).path("participants").asInt(),
                "the preview stores nothing");

        int tabs2 = tabUntil(keys, e -> "Impor sekarang".equals(e.getText()), 40);
        keys.sendKeys(Keys.SPACE).perform();
        waitFor(By.cssSelector("[role=status]"));
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(d -> "Hasil impor peserta".equals(h1()));
        assertEquals("Impor berhasil: 2 baris disimpan.", browser.driver.findElement(By.cssSelector("[role=status]")).getText());
        assertEquals("2", stat("Pendaftaran program baru"));
        checkPage("/admin/siklus/{id}/peserta/simpan (imported)");
        REPORT.put("keyboard import", tabs + " Tab press(es) to the file field, Tab, Enter (preview); " + tabs2
                + " Tab press(es) to Impor sekarang, Space (imported)");

        // the same preview posted again (a second tab, a retry): nothing is imported twice
        String cookie = "EVKIN_SESSION=" + browser.driver.manage().getCookieNamed("EVKIN_SESSION").getValue();
        HttpResponse<String> again = post("/admin/siklus/" + cycle + "/peserta/simpan", form(Map.of("_csrf", csrf, "pratinjau",
                previewId)), cookie);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("Berkas ini sudah diimpor sebelumnya"), again.body());
        JsonNode progress = JSON.readTree(get("/api/cycles/" + cycle + "/monitoring", apiToken).body());
        assertEquals(2, progress.path("participants").asInt(), progress.toString());
        assertEquals(2, progress.path("eligible").asInt());
    }

    @Test
    @Order(4)
    void invitationsAreSentWithOneButtonAndTheMailsArrive() throws Exception {
        open("/admin/siklus/" + cycle + "/undangan");
        assertEquals("Undangan peserta \u2014 seluruh Indonesia", h1());
        checkPage("/admin/siklus/{id}/undangan");
        submit(By.cssSelector("main form button[type=submit]"));
        waitFor(By.cssSelector("[role=status]"));
        assertEquals("Undangan diproses: 2 peserta diundang sekarang.", text("[role=status]"));
        assertEquals("2", stat("Diundang sekarang"));
        checkPage("/admin/siklus/{id}/undangan (sent)");
        awaitMail("siti@example.go.id", 1);
        awaitMail("budi@example.go.id", 1);
        assertTrue(subjectsTo("siti@example.go.id").get(0).contains("Undangan Evaluasi Kinerja EvKin 2025 Uji Admin"));

        submit(By.cssSelector("main form button[type=submit]"));
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> text("[role=status]").equals("Undangan diproses: 0 peserta diundang sekarang."));
        assertEquals("2", stat("Sudah diundang sebelumnya"));
    }

    @Test
    @Order(5)
    void paperResponsesAreImportedWithTheSamePreviewAndCommit() throws Exception {
        JsonNode instrument = JSON.readTree(get("/api/instruments/" + PROGRAM, apiToken).body());
        StringBuilder csv = new StringBuilder("nip_or_email,program,rater_role,rater_name,rater_email,part,item_code,value\n");
        int n = 0;
        for (JsonNode item : instrument.path("items")) {
            if ("AHLI_MUDA".equals(item.path("level").asText())) {
                csv.append("199001012020011001,").append(PROGRAM).append(",DIRI,,,2,").append(item.path("code").asText()).append(",")
                        .append(1 + n++ % 4).append('\n');
            }
        }
        assertEquals(9, n, instrument.toString());
        open("/admin/siklus/" + cycle + "/jawaban");
        checkPage("/admin/siklus/{id}/jawaban");
        browser.driver.findElement(By.id("berkas")).sendKeys(write("jawaban.csv", csv.toString()).toString());
        submit(By.cssSelector("main form[enctype='multipart/form-data'] button[type=submit]"));
        waitFor(By.cssSelector("input[name=pratinjau]"));
        assertEquals("9", stat("Baris jawaban"));
        assertEquals("1", stat("Formulir baru"));
        checkPage("/admin/siklus/{id}/jawaban preview");
        submit(By.cssSelector("main form button[type=submit]"));
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(d -> "Hasil impor jawaban".equals(h1()));
        assertEquals("Impor berhasil: 9 baris disimpan.", text("[role=status]"));
        checkPage("/admin/siklus/{id}/jawaban/simpan (imported)");
    }

    @Test
    @Order(6)
    void monitoringShowsCompletionTablesAndLateRatersAndRemindsWithOneClick() throws Exception {
        open("/admin/siklus/" + cycle + "/pantau");
        assertEquals("Pemantauan penyelesaian \u2014 seluruh Indonesia", h1());
        assertEquals("2", stat("Memenuhi syarat"));
        for (String caption : List.of("Penyelesaian per program", "Penyelesaian per jenjang", "Penyelesaian per provinsi",
                "Formulir per sumber penilai")) {
            WebElement table = browser.driver.findElement(By.xpath("//caption[normalize-space()='" + caption + "']/.."));
            assertFalse(table.findElements(By.cssSelector("thead th[scope=col]")).isEmpty(), caption);
            assertFalse(table.findElements(By.cssSelector("tbody th[scope=row]")).isEmpty(), caption);
        }
        String levels = browser.driver.findElement(By.xpath("//caption[normalize-space()='Penyelesaian per jenjang']/..")).getText();
        assertTrue(levels.contains("Ahli Muda") && levels.contains("Ahli Pertama"), levels);
        String sources = browser.driver.findElement(By.xpath("//caption[normalize-space()='Formulir per sumber penilai']/..")).getText();
        assertTrue(sources.contains("Diri sendiri (peserta) 4 1 25%"), sources);
        WebElement late = browser.driver.findElement(By.xpath("//caption[starts-with(normalize-space(),'Penilai yang belum')]/.."));
        assertTrue(late.getText().contains("Siti Aminah") && late.getText().contains("Budi Santoso") && late.getText().contains("1 dari 2"),
                late.getText());
        checkPage("/admin/siklus/{id}/pantau");

        int before = smtp.getReceivedMessages().length;
        submit(By.xpath("//main//button[normalize-space()='Kirim pengingat']"));
        waitFor(By.cssSelector("[role=status]"));
        assertEquals("Pengingat terkirim kepada 2 penilai; 0 penilai dilaporkan kepada peserta dan admin; 0 penilai terlambat tidak"
                + " memiliki e-mail.", text("[role=status]"));
        checkPage("/admin/siklus/{id}/pantau/pengingat (reminded)");
        awaitMail("siti@example.go.id", 2);
        awaitMail("budi@example.go.id", 2);
        assertTrue(subjectsTo("budi@example.go.id").get(1).startsWith("Pengingat"), subjectsTo("budi@example.go.id").toString());
        assertEquals(before + 2, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(7)
    void aRegionalAdminGetsAClear403ForANewCycleAndSeesOnlyItsRegion() throws Exception {
        HttpResponse<String> created = api("POST", "/api/accounts", apiToken, Map.of("email", REGIONAL_EMAIL, "name", "Admin Disnaker DIY",
                "password", REGIONAL_PASSWORD, "role", "REGIONAL_ADMIN", "province", "DIY"));
        assertEquals(201, created.statusCode(), created.body());
        browser.driver.manage().deleteAllCookies();
        signIn(REGIONAL_EMAIL, REGIONAL_PASSWORD);
        browser.driver.findElement(By.linkText("Buat siklus evaluasi baru")).click();
        // the page before has an h1 too: wait for this one's
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).withMessage(() -> "h1: " + h1())
                .until(d -> "Hanya admin nasional yang dapat membuat siklus".equals(Browser.textOf(d, By.tagName("h1"))));
        assertEquals("Hanya admin nasional yang dapat membuat siklus", h1());
        assertTrue(browser.driver.getPageSource().contains("Kode status HTTP 403"));
        assertEquals(403, get("/admin/siklus/baru", "EVKIN_SESSION=" + browser.driver.manage().getCookieNamed("EVKIN_SESSION").getValue())
                .statusCode());
        checkPage("/admin/siklus/baru as a regional admin (403)");

        open("/admin/siklus/" + cycle);
        assertTrue(browser.driver.findElements(By.id("baru-program")).isEmpty(), "no schedule form for a regional admin");
        open("/admin/siklus/" + cycle + "/pantau");
        assertEquals("Pemantauan penyelesaian \u2014 Daerah Istimewa Yogyakarta", h1());
        assertEquals("1", stat("Memenuhi syarat"));
        WebElement late = browser.driver.findElement(By.xpath("//caption[starts-with(normalize-space(),'Penilai yang belum')]/.."));
        assertTrue(late.getText().contains("Siti Aminah") && !late.getText().contains("Budi Santoso"), late.getText());
        checkPage("/admin/siklus/{id}/pantau as a regional admin");
        assertEquals(List.of(), evkin.stackTraceLines(), evkin.log());
    }

    // ---- helpers ----

    private static void open(String path) {
        browser.driver.get(evkin.url(path));
    }

    private static WebElement waitFor(By by) {
        return new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void waitForUrl(String path) {
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(evkin.url(path)));
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private static void submit(By button) {
        WebElement old = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(button).click();
        new Browser.PageWait(browser.driver, Duration.ofSeconds(30)).until(Browser.gone(old));
    }

    private static String h1() {
        return Browser.textOf(browser.driver, By.tagName("h1"));
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    /** The value shown for a labelled number of a summary. */
    private static String stat(String label) {
        return browser.driver.findElement(By.xpath("//dl[@class='stats']/div[dt[normalize-space()='" + label + "']]/dd")).getText();
    }

    /** Sets a date field as the date picker would (typing into it depends on the browser's locale). */
    private static void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", browser.driver.findElement(By.id(id)),
                date.toString());
    }

    private static int tabUntil(Actions keys, java.util.function.Predicate<WebElement> reached, int max) {
        int tabs = 0;
        while (tabs == 0 || !reached.test(browser.driver.switchTo().activeElement())) {
            assertTrue(tabs++ < max, "Tab never got there; focus is on " + browser.driver.switchTo().activeElement().getTagName() + " "
                    + browser.driver.switchTo().activeElement().getText());
            keys.sendKeys(Keys.TAB).perform();
        }
        return tabs;
    }

    private static void signIn(String email, String password) {
        open("/masuk");
        browser.driver.findElement(By.id("email")).sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        waitForUrl("/admin");
    }

    /** Zero WCAG 2.x A/AA violations and no best-practice ones, and a weight under the budget, for the page shown. */
    private static void checkPage(String label) throws Exception {
        Browser.AxeCheck wcag = browser.axe(Browser.WCAG_AA);
        Browser.AxeCheck practice = browser.axe(List.of("best-practice"));
        Browser.PageWeight weight = browser.weight();
        Path shot = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("admin-cycle-pages-screens")
                .resolve(label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, fullPageScreenshot());
        REPORT.put(label, weight + "; axe-core WCAG 2.0/2.1/2.2 A+AA: " + wcag.violationCount() + " violations, "
                + wcag.passedRules() + " rules passed, " + wcag.incomplete() + " to review by hand; best practices: "
                + practice.violationCount() + " violations" + practice.violations());
        assertEquals("", wcag.violations(), "axe-core found WCAG violations on " + label + " (" + browser.driver.getCurrentUrl() + "):");
        assertEquals("", practice.violations(), "axe-core found best-practice problems on " + label + ":");
        assertTrue(wcag.passedRules() >= 5, "axe-core checked next to nothing on " + label + ": " + wcag);
        assertTrue(weight.total() < PAGE_BUDGET_BYTES, label + " weighs " + weight);
    }

    /** The whole page, not only the phone-sized viewport, through the DevTools protocol; the viewport if that fails. */
    @SuppressWarnings("unchecked")
    private static byte[] fullPageScreenshot() {
        try {
            Map<String, Object> metrics = browser.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height",
                            size.get("height"), "scale", 1)));
            return java.util.Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return browser.driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    private static Path write(String name, String content) throws Exception {
        Path p = work.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void awaitMail(String to, int count) throws Exception {
        for (int i = 0; i < 300 && subjectsTo(to).size() < count; i++) {
            Thread.sleep(100);
        }
        assertEquals(count, subjectsTo(to).size(), "mails to " + to + "\n" + evkin.log());
    }

    private static List<String> subjectsTo(String to) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                out.add(m.getSubject());
            }
        }
        return out;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (auth != null) {
            b.header(auth.startsWith("EVKIN_SESSION=") ? "Cookie" : "Authorization", auth.startsWith("EVKIN_SESSION=") ? auth : "Bearer " + auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie).header("Origin", evkin.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String apiLogin(String email, String password) throws Exception {
        HttpResponse<String> r = api("POST", "/api/auth/token", null, Map.of("email", email, "password", password));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("token").asText();
    }

    private static HttpResponse<String> api(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
