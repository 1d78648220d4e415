package org.evkin.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web pages in a real browser against the assembled distribution: WCAG 2.2 AA by axe-core with zero violations,
 * keyboard-only sign-in, sign-out by the button, page weight under 100 KB, and posts without a valid CSRF token or
 * from another origin refused with 403 while nothing changes.
 */
class WebPagesIT {

    private static final long PAGE_BUDGET_BYTES = 100_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> REPORT = new LinkedHashMap<>();

    private static WebDistribution evkin;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("web-pages-browser").toAbsolutePath();
        Files.createDirectories(work);
        browser = Browser.start(work);
        evkin = WebDistribution.start("web-pages");
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
        System.out.println("Web pages measured:\n" + report);
        Path out = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("web-pages-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    @BeforeEach
    void freshBrowserSession() {
        browser.driver.get(evkin.url("/static/evkin.css"));
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void landingPageIsAccessibleSmallAndOffersBothWaysIn() throws Exception {
        open("/");
        assertEquals("id", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.driver.getTitle().endsWith("EvKin"), browser.driver.getTitle());
        assertEquals(1, browser.driver.findElements(By.tagName("main")).size());
        assertNotNull(browser.driver.findElement(By.cssSelector("form[action='/kode'] input#kode")));
        assertEquals(evkin.url("/masuk"), browser.driver.findElement(By.linkText("Masuk sebagai admin")).getAttribute("href"));
        checkPage("/ (beranda)");
    }

    @Test
    void signInPageIsAccessibleAlsoWhenItShowsAnError() throws Exception {
        open("/masuk");
        checkPage("/masuk");
        browser.driver.findElement(By.id("email")).sendKeys(WebDistribution.ADMIN_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys("bukan-sandinya");
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        WebElement summary = waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("E-mail atau kata sandi salah."), summary.getText());
        String link = summary.findElement(By.tagName("a")).getAttribute("href");
        assertTrue(link.endsWith("#email"), "the summary links to the field: " + link);
        WebElement email = browser.driver.findElement(By.id("email"));
        assertEquals(WebDistribution.ADMIN_EMAIL, email.getAttribute("value"), "the e-mail is kept");
        assertEquals("true", email.getAttribute("aria-invalid"));
        assertEquals("masuk-galat", email.getAttribute("aria-describedby"));
        assertEquals("", browser.driver.findElement(By.id("password")).getAttribute("value"), "the password is not kept");
        assertTrue(browser.driver.getTitle().startsWith("Galat:"), browser.driver.getTitle());
        checkPage("/masuk with an error");

        browser.driver.findElement(By.id("email")).clear();
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(By.id("email-galat"));
        assertEquals("email-galat", browser.driver.findElement(By.id("email")).getAttribute("aria-describedby"));
        assertEquals("password-galat", browser.driver.findElement(By.id("password")).getAttribute("aria-describedby"));
        checkPage("/masuk with empty fields");
    }

    @Test
    void keyboardAloneSignsInAndReachesTheDashboard() throws Exception {
        open("/admin");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/masuk?lanjut=/admin"), browser.driver.getCurrentUrl());
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver.switchTo().activeElement();
        assertEquals("Langsung ke isi utama", first.getText(), "the first Tab reaches the skip link");
        assertTrue(first.getAttribute("href").endsWith("#isi"));
        int tabs = 1;
        while (!"email".equals(browser.driver.switchTo().activeElement().getAttribute("id"))) {
            assertTrue(tabs++ < 10, "Tab never reached the e-mail field; focus is on " + describe(browser.driver.switchTo().activeElement()));
            keys.sendKeys(Keys.TAB).perform();
        }
        keys.sendKeys(WebDistribution.ADMIN_EMAIL).sendKeys(Keys.TAB).perform();
        assertEquals("password", browser.driver.switchTo().activeElement().getAttribute("id"), "Tab goes from e-mail to password");
        keys.sendKeys(WebDistribution.ADMIN_PASSWORD).sendKeys(Keys.ENTER).perform();
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(evkin.url("/admin")));
        assertEquals("Dasbor admin", Browser.textOf(browser.driver, By.tagName("h1")));
        REPORT.put("keyboard sign-in", tabs + " Tab press(es) to the e-mail field, then Tab, Enter: reached /admin");
    }

    @Test
    void dashboardListsCyclesInAnAccessibleTable() throws Exception {
        String token = apiToken();
        String name = "EvKin 2025 Uji Web";
        HttpResponse<String> r = api("POST", "/api/cycles", token, Map.of("name", name));
        assertEquals(201, r.statusCode(), r.body());
        long cycle = JSON.readTree(r.body()).path("id").asLong();
        for (int i = 0; i < 300 && get("/api/instruments/COP-BISINDO-2025", null).statusCode() != 200; i++) {
            Thread.sleep(100);
        }
        r = api("PUT", "/api/cycles/" + cycle + "/batteries/COP-BISINDO-2025", token,
                Map.of("periodStart", "2025-11-01", "periodEnd", "2025-11-30", "extendedUntil", "2025-12-07"));
        assertEquals(200, r.statusCode(), r.body());

        signIn();
        WebElement table = browser.driver.findElement(By.cssSelector("main table"));
        assertEquals("Program pada siklus " + name, table.findElement(By.tagName("caption")).getText());
        assertEquals(List.of("Kode program", "Status", "Periode pengisian"),
                table.findElements(By.cssSelector("thead th[scope=col]")).stream().map(WebElement::getText).toList());
        String row = table.findElement(By.cssSelector("tbody tr")).getText();
        assertTrue(row.contains("COP-BISINDO-2025") && row.contains("Aktif") && row.contains("1 November 2025 s.d. 30 November 2025")
                && row.contains("diperpanjang sampai 7 Desember 2025"), row);
        checkPage("/admin (signed in, one cycle)");
    }

    @Test
    void notFoundPageIsInIndonesianAndAccessible() throws Exception {
        HttpResponse<String> r = get("/tidak-ada-halaman-ini", null);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Halaman tidak ditemukan"), r.body());
        open("/tidak-ada-halaman-ini");
        assertEquals("Halaman tidak ditemukan", Browser.textOf(browser.driver, By.tagName("h1")));
        checkPage("404 page");
    }

    @Test
    void anUnknownCodeIsRefusedWithAClearPage() throws Exception {
        open("/");
        browser.driver.findElement(By.id("kode")).sendKeys("K7M2QX9D");
        browser.driver.findElement(By.cssSelector("form[action='/kode'] button")).click();
        // the home page has an h1 too: wait for the new page itself, not for any h1
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).withMessage(() -> browser.driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().endsWith("/k/K7M2QX9D") && d.getPageSource().contains("Tautan tidak dikenal"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/k/K7M2QX9D"), browser.driver.getCurrentUrl());
        assertTrue(browser.driver.getPageSource().contains("Tautan tidak dikenal"), browser.driver.getPageSource());
        checkPage("POST /kode -> /k/{unknown code}");
        HttpResponse<String> r = post("/kode", "kode=abc", null, evkin.url(""));
        assertEquals(400, r.statusCode());
    }

    @Test
    void theSignOutButtonEndsTheSession() throws Exception {
        signIn();
        WebElement button = browser.driver.findElement(By.cssSelector("header form[action='/keluar'] button"));
        assertEquals("Keluar", button.getText());
        assertFalse(browser.driver.findElement(By.cssSelector("header form[action='/keluar'] input[name=_csrf]"))
                .getAttribute("value").isEmpty());
        button.click();
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/masuk?keluar=1"));
        assertEquals("Anda telah keluar.", browser.driver.findElement(By.cssSelector("[role=status]")).getText());
        assertTrue(browser.driver.findElements(By.cssSelector("header form[action='/keluar']")).isEmpty());
        checkPage("/masuk after signing out");
        open("/admin");
        assertTrue(browser.driver.getCurrentUrl().contains("/masuk?lanjut=/admin"), "the session is gone");
    }

    @Test
    void postsWithoutAValidCsrfTokenOrFromAnotherSiteAreRefusedAndChangeNothing() throws Exception {
        HttpResponse<String> login = post("/masuk", form(Map.of("email", WebDistribution.ADMIN_EMAIL, "password",
                WebDistribution.ADMIN_PASSWORD, "lanjut", "/admin")), null, evkin.url(""));
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/admin", login.headers().firstValue("Location").orElse("").replace(evkin.url(""), ""));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("EVKIN_SESSION=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax")
                && setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP without the setting: no Secure flag");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertEquals(200, get("/admin", cookie).statusCode());

        HttpResponse<String> forged = post("/keluar", "_csrf=palsu", cookie, evkin.url(""));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("Permintaan ditolak") && forged.body().contains("tidak ada yang diubah"), forged.body());
        assertEquals(403, post("/keluar", "", cookie, null).statusCode(), "no token at all");
        assertEquals(200, get("/admin", cookie).statusCode(), "the session survived both refused posts");

        HttpResponse<String> crossSite = post("/keluar", "_csrf=" + csrfOf(get("/admin", cookie).body()), cookie,
                "http://penyerang.example");
        assertEquals(403, crossSite.statusCode(), "a valid token from another origin is still refused");
        assertEquals(200, get("/admin", cookie).statusCode());

        HttpResponse<String> foreignLogin = post("/masuk", form(Map.of("email", WebDistribution.ADMIN_EMAIL, "password",
                WebDistribution.ADMIN_PASSWORD)), null, "http://penyerang.example");
        assertEquals(403, foreignLogin.statusCode());
        assertTrue(foreignLogin.headers().firstValue("Set-Cookie").isEmpty(), "no session from a cross-site sign-in");

        HttpResponse<String> real = post("/keluar", "_csrf=" + csrfOf(get("/admin", cookie).body()), cookie, evkin.url(""));
        assertEquals(303, real.statusCode());
        assertEquals(303, get("/admin", cookie).statusCode(), "the real sign-out ends the session");
    }

    @Test
    void repeatedFailuresLockTheSignInWithAnIndonesianMessage() throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 5; i++) {
            r = post("/masuk", form(Map.of("email", "tamu@contoh.go.id", "password", "salah-" + i)), null, null);
        }
        assertEquals(423, r.statusCode());
        assertTrue(r.body().contains("Terlalu banyak percobaan masuk yang gagal"), r.body());
        assertTrue(r.body().contains("value=\"tamu@contoh.go.id\""), "the e-mail is kept");
    }

    @Test
    void theJsonApiAndTheStyleSheetAreNotShadowedByThePages() throws Exception {
        HttpResponse<String> health = get("/api/health", null);
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), health.body());
        HttpResponse<String> missing = get("/api/gak-ada", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "the API's own 404");
        HttpResponse<String> css = get("/static/evkin.css", null);
        assertEquals(200, css.statusCode());
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(evkin.url("/static/evkin.css")))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        open("/");
        String href = browser.driver.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href");
        assertTrue(href.contains("?v=" + etag.replace("\"", "")), href);
        HttpResponse<String> versioned = get(URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery(), null);
        assertTrue(versioned.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(evkin.url("/masuk"))).method("DELETE",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theAccessibilityCheckItselfCatchesAFaultyPage() {
        browser.driver.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>x</title></head><body>"
                + "<img src='x.png'><input type='text'><p style='color:%23bbb'>pucat</p></body></html>");
        Browser.AxeCheck check = browser.axe(Browser.WCAG_AA);
        for (String rule : List.of("html-has-lang", "image-alt", "label", "color-contrast")) {
            assertTrue(check.violations().contains("- " + rule + " "), rule + " not reported:" + check.violations());
        }
    }

    // ---- helpers ----

    private void open(String path) {
        browser.driver.get(evkin.url(path));
    }

    private WebElement waitFor(By by) {
        return new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Signs in through the form in the browser and lands on /admin. */
    private void signIn() {
        open("/masuk");
        browser.driver.findElement(By.id("email")).sendKeys(WebDistribution.ADMIN_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(WebDistribution.ADMIN_PASSWORD);
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        new Browser.PageWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(evkin.url("/admin")));
    }

    /** Zero WCAG 2.x A/AA violations (and no best-practice ones) and a weight under the budget for the page shown. */
    private void checkPage(String label) throws Exception {
        Browser.AxeCheck wcag = browser.axe(Browser.WCAG_AA);
        Browser.AxeCheck practice = browser.axe(List.of("best-practice"));
        Browser.PageWeight weight = browser.weight();
        Path shot = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("web-pages-screens")
                .resolve(label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver.getScreenshotAs(OutputType.BYTES));
        REPORT.put(label, weight + "; axe-core WCAG 2.0/2.1/2.2 A+AA: " + wcag.violationCount() + " violations, "
                + wcag.passedRules() + " rules passed, " + wcag.incomplete() + " to review by hand; best practices: "
                + practice.violationCount() + " violations" + practice.violations());
        assertEquals("", wcag.violations(), "axe-core found WCAG violations on " + label + " (" + browser.driver.getCurrentUrl() + "):");
        assertEquals("", practice.violations(), "axe-core found best-practice problems (landmarks, headings) on " + label + ":");
        assertTrue(wcag.passedRules() >= 5, "axe-core checked next to nothing on " + label + ": " + wcag);
        assertTrue(weight.total() < PAGE_BUDGET_BYTES, label + " weighs " + weight);
    }

    private static String describe(WebElement e) {
        return "<" + e.getTagName() + " id=" + e.getAttribute("id") + "> " + e.getText();
    }

    private static String csrfOf(String html) {
        int i = html.indexOf("name=\"_csrf\" value=\"");
        assertTrue(i >= 0, "no CSRF field in " + html);
        int start = i + "name=\"_csrf\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String apiToken() throws Exception {
        HttpResponse<String> r = api("POST", "/api/auth/token", null,
                Map.of("email", WebDistribution.ADMIN_EMAIL, "password", WebDistribution.ADMIN_PASSWORD));
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
