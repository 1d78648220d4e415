package org.evkin.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One whole evaluation cycle in a real browser, as the people would do it, against a copy of the assembled distribution
 * with a real SMTP server (GreenMail): the national admin signs in, creates the cycle, schedules COP-BISINDO-2025,
 * imports one participant (preview, then commit) and sends the invitation; the participant follows the link from her
 * mail, confirms her data, names her supervisor and peer, maps her tasks (Part 1), assesses herself (Part 2, one
 * "Tidak dapat menilai") and names a service user with an e-mail; supervisor, peer and service user each follow the link
 * from their own mail and fill their forms; the participant's monitoring page then shows all four complete, and the
 * admin's monitoring page the participant complete (1 of 1) with no late rater. Every distinct page type on the way:
 * zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA). Each person gets exactly one mail. Everything goes through the
 * pages; the only other request is the wait until the program's instrument is deployed.
 */
class WholeCycleIT {

    private static final String PROGRAM = "COP-BISINDO-2025";
    private static final String CYCLE = "EvKin 2025";
    private static final String NAME = "Rina Wulandari";
    private static final String NIP = "199505052022032005";
    private static final String EMAIL = "rina@example.go.id";
    private static final String ATASAN = "Bapak Hendra Atasan";
    private static final String ATASAN_EMAIL = "atasan.rina@example.go.id";
    private static final String REKAN = "Ibu Sri Rekan";
    private static final String REKAN_EMAIL = "rekan.rina@example.go.id";
    private static final String PENGGUNA = "Pak Joko (pencari kerja)";
    private static final String PENGGUNA_EMAIL = "joko@example.com";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/t/([A-Za-z0-9_-]{43})");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, String> report = new LinkedHashMap<>();
    private final List<String> checked = new ArrayList<>();
    private GreenMail smtp;
    private AdminDistribution evkin;
    private Browser browser;
    private long started;

    @AfterEach
    void stop() throws Exception {
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
        String text = report.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        System.out.println("Whole cycle measured:\n" + text);
        Path out = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("whole-cycle-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + "\n");
    }

    @Test
    void anAdminAParticipantAndThreeRatersCompleteACycleThroughThePages() throws Exception {
        started = System.nanoTime();
        Path work = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve("whole-cycle-work").toAbsolutePath();
        WebDistribution.deleteTree(work);
        Files.createDirectories(work);
        int smtpPort = WebDistribution.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        evkin = AdminDistribution.copy("whole-cycle");
        evkin.config("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
        evkin.config("org.evkin.invitations.cfg", "base.url=" + evkin.url("") + "\n");
        // an unfinished rater counts as late at once (so "no late rater" at the end means something); no automatic
        // reminder runs, so that every mail in this test comes from a step of the scenario
        evkin.config("org.evkin.monitoring.cfg", "reminder.after.hours=0\nreminder.check.seconds=0\nescalate.after.reminders=9\n");
        evkin.start();
        browser = Browser.start(work);
        awaitInstrument();
        lap("start: distribution with GreenMail, Chromium, instrument deployed");

        long cycle = adminPreparesTheCycle(work);
        lap("admin: sign in, cycle, schedule, import, invitation");

        String participant = linkFrom(EMAIL);
        browser.driver.manage().deleteAllCookies(); // the participant is not the signed-in admin
        participantFillsEverything(participant);
        lap("participant: identity, profile, Part 1, Part 2, service user");

        raterFillsBothParts(linkFrom(ATASAN_EMAIL), "atasan langsung", 8, true);
        raterFillsBothParts(linkFrom(REKAN_EMAIL), "rekan kerja", 5, false);
        serviceUserFillsPartTwo(linkFrom(PENGGUNA_EMAIL));
        lap("raters: supervisor and peer (Part 1 and 2), service user (Part 2)");

        participantSeesEveryoneComplete(participant);
        adminSeesTheParticipantComplete(cycle);
        lap("monitoring: participant's and admin's pages");

        // exactly one mail per person: the invitation, and one personal link for each rater
        assertEquals(List.of("Undangan Evaluasi Kinerja " + CYCLE), subjectsTo(EMAIL), "mails to the participant");
        for (String rater : List.of(ATASAN_EMAIL, REKAN_EMAIL, PENGGUNA_EMAIL)) {
            assertEquals(List.of("Permohonan penilaian kinerja " + NAME), subjectsTo(rater), "mails to " + rater);
        }
        List<String> all = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            all.add(m.getRecipients(Message.RecipientType.TO)[0] + ": " + m.getSubject());
        }
        assertEquals(4, all.size(), "no other mail (no reminder, no escalation): " + all);
        assertEquals(List.of(), evkin.stackTraceLines(), "no stack trace in the log:\n" + evkin.log());
        report.put("axe-core WCAG 2.0/2.1/2.2 A+AA", checked.size() + " page types, 0 violations: " + String.join("; ", checked));
        report.put("total", seconds(started));
    }

    // ---- the admin ----

    private long adminPreparesTheCycle(Path work) throws Exception {
        signIn();
        checkPage("admin: dashboard");
        click(By.linkText("Buat siklus evaluasi baru"));
        waitForUrl("/admin/siklus/baru");
        assertEquals("Buat siklus evaluasi", h1());
        checkPage("admin: new cycle");
        browser.driver.findElement(By.id("nama")).sendKeys(CYCLE);
        submit(By.cssSelector("main form button[type=submit]"));
        waitFor(By.cssSelector("[role=status]"));
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.matches(".*/admin/siklus/\\d+\\?dibuat=1"), url);
        long cycle = Long.parseLong(url.replaceAll(".*/admin/siklus/(\\d+).*", "$1"));
        assertEquals("Siklus " + CYCLE, h1());
        checkPage("admin: cycle");

        // the battery: COP-BISINDO-2025, open from yesterday to a month from now
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        browser.driver.findElement(By.id("baru-program")).sendKeys(PROGRAM);
        setDate("baru-mulai", today.minusDays(1));
        setDate("baru-selesai", today.plusDays(30));
        submit(By.cssSelector("#baru-judul + form button[type=submit]"));
        new Browser.PageWait(browser.driver, WAIT).until(ExpectedConditions.urlContains("disimpan=" + PROGRAM));
        assertEquals("Jadwal program " + PROGRAM + " sudah disimpan.", text("[role=status]"));
        String batteries = browser.driver.findElement(By.id("baterai-tabel")).findElement(By.xpath("..")).getText();
        assertTrue(batteries.contains(PROGRAM) && batteries.contains("Aktif"), batteries);

        // the participant file: preview, then commit
        click(By.cssSelector("main a[href='/admin/siklus/" + cycle + "/peserta']"));
        waitForUrl("/admin/siklus/" + cycle + "/peserta");
        assertEquals("Impor peserta", h1());
        checkPage("admin: participant import");
        Path csv = work.resolve("peserta.csv");
        Files.writeString(csv, "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                + NIP + ";" + NAME + ";" + EMAIL + ";;PK;Ahli Pertama;Disnaker Kabupaten Bantul;DIY;Kabupaten Bantul;" + PROGRAM + ";88\n",
                StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("berkas")).sendKeys(csv.toString());
        submit(By.cssSelector("main form[enctype='multipart/form-data'] button[type=submit]"));
        waitFor(By.cssSelector("input[name=pratinjau]"));
        assertEquals("Pratinjau impor peserta", h1());
        assertEquals("1", stat("Baris data"));
        assertEquals("1", stat("Peserta baru"));
        assertEquals("1", stat("Memenuhi syarat"), "an Ahli Pertama PK in the program is eligible");
        String rows = browser.driver.findElement(By.cssSelector("table:has(#baris-pratinjau)")).getText();
        assertTrue(rows.contains(NAME) && rows.contains("Kabupaten Bantul"), rows);
        checkPage("admin: import preview");
        submit(By.xpath("//main//button[normalize-space()='Impor sekarang']"));
        new Browser.PageWait(browser.driver, WAIT).until(d -> "Hasil impor peserta".equals(h1()));
        assertEquals("Impor berhasil: 1 baris disimpan.", text("[role=status]"));
        checkPage("admin: import result");

        // the invitation
        click(By.cssSelector("main a[href='/admin/siklus/" + cycle + "/undangan']"));
        waitForUrl("/admin/siklus/" + cycle + "/undangan");
        assertEquals("Undangan peserta \u2014 seluruh Indonesia", h1());
        checkPage("admin: invitations");
        submit(By.cssSelector("main form button[type=submit]"));
        waitFor(By.cssSelector("[role=status]"));
        assertEquals("Undangan diproses: 1 peserta diundang sekarang.", text("[role=status]"));
        assertEquals("1", stat("Diundang sekarang"));
        checkPage("admin: invitations sent");

        // before anyone has filled anything: nobody complete, the participant's own forms outstanding
        click(By.linkText("Lanjut: pantau penyelesaian"));
        waitForUrl("/admin/siklus/" + cycle + "/pantau");
        assertEquals("1", stat("Memenuhi syarat"));
        assertEquals("0", stat("Selesai"));
        List<WebElement> late = browser.driver.findElements(By.xpath("//table[caption[starts-with(normalize-space(),'Penilai yang belum')]]"));
        assertTrue(late.size() == 1 && late.get(0).getText().contains(NAME),
                "with reminder.after.hours=0 the participant's unfinished forms are listed as late:\n" + text("main"));
        return cycle;
    }

    private void adminSeesTheParticipantComplete(long cycle) throws Exception {
        signIn();
        click(By.linkText(CYCLE));
        waitForUrl("/admin/siklus/" + cycle);
        click(By.cssSelector("main a[href='/admin/siklus/" + cycle + "/pantau']"));
        waitForUrl("/admin/siklus/" + cycle + "/pantau");
        assertEquals("Pemantauan penyelesaian \u2014 seluruh Indonesia", h1());
        String main = text("main");
        assertEquals("1", stat("Peserta terdaftar"), main);
        assertEquals("1", stat("Memenuhi syarat"), main);
        assertEquals("1", stat("Selesai"), "the participant is complete once all four have submitted:\n" + main);
        assertEquals("100%", stat("Persentase selesai"), main);
        assertEquals(List.of(PROGRAM, "1", "1", "100%"), row("Penyelesaian per program", PROGRAM));
        assertEquals(List.of("Ahli Pertama", "1", "1", "100%"), row("Penyelesaian per jenjang", "Ahli Pertama"));
        // forms per source: Part 1 and Part 2 from the participant, the supervisor and the peer; Part 2 from the service user
        for (Map.Entry<String, String> source : Map.of("Diri sendiri (peserta)", "2", "Atasan", "2", "Rekan kerja", "2",
                "Pengguna layanan", "1").entrySet()) {
            assertEquals(List.of(source.getKey(), source.getValue(), source.getValue(), "100%"),
                    row("Formulir per sumber penilai", source.getKey()));
        }
        assertEquals("Tidak ada penilai yang terlambat.", browser.driver.findElement(By.cssSelector("#terlambat-judul + p")).getText());
        assertTrue(browser.driver.findElements(By.xpath("//main//button[normalize-space()='Kirim pengingat']")).isEmpty(),
                "nobody to remind");
        checkPage("admin: monitoring, all complete");
    }

    // ---- the participant ----

    private void participantFillsEverything(String token) throws Exception {
        open("/t/" + token);
        assertEquals("Periksa data diri Anda", h1());
        String body = text("main");
        for (String shown : List.of(NAME, NIP, "Ahli Pertama", "Disnaker Kabupaten Bantul", CYCLE)) {
            assertTrue(body.contains(shown), shown + " missing from the identity check:\n" + body);
        }
        checkPage("participant: identity check");
        submit(By.cssSelector("main form button"));
        waitForUrl("/t/" + token + "/profil");
        assertEquals("Profil dan penilai Anda", h1());
        checkPage("participant: profile");
        type("lokasi", "Disnaker Kabupaten Bantul, Bidang Penempatan Tenaga Kerja");
        type("atasan-nama", ATASAN);
        type("atasan-email", ATASAN_EMAIL);
        type("rekan-nama", REKAN);
        type("rekan-email", REKAN_EMAIL);
        submit(By.cssSelector("main form button[type=submit]"));
        waitForText(By.cssSelector(".notice"), "Profil tersimpan.");
        assertEquals("Evaluasi kinerja Anda", h1());
        checkPage("participant: overview");

        // Part 1: two subkompetensi, then some of their tasks
        click(By.linkText("Isi Bagian 1: Pemetaan aktivitas kerja"));
        waitForText(By.cssSelector(".step-of"), "Langkah 1 dari 2");
        checkPage("part 1, step 1 (subkompetensi)");
        browser.driver.findElement(By.id("lingkup-5")).click();
        browser.driver.findElement(By.id("lingkup-8")).click();
        submit(By.cssSelector("button[value=lanjut]"));
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        List<WebElement> tasks = browser.driver.findElements(By.cssSelector("input[name=tugas]"));
        assertTrue(tasks.size() >= 3, "tasks of two subkompetensi: " + tasks.size());
        checkPage("part 1, step 2 (tasks)");
        List<String> ticked = new ArrayList<>();
        for (WebElement task : List.of(tasks.get(0), tasks.get(1), tasks.get(tasks.size() - 1))) {
            task.click();
            ticked.add(task.getAttribute("value"));
        }
        assertEquals("3 tugas dicentang", text(".progress"));
        submit(By.cssSelector("button[value=kirim]"));
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        assertEquals(3, browser.driver.findElements(By.cssSelector(".task-list li")).size(), "the three ticked tasks: " + ticked
                + "\n" + text("main"));
        checkPage("part 1 submitted");

        // Part 2 for COP-BISINDO-2025: every statement, the first one "Tidak dapat menilai"
        click(By.partialLinkText("Selanjutnya: Bagian 2"));
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian diri");
        assertTrue(text(".lead").contains(PROGRAM) || text(".lead").startsWith("Program:"), text(".lead"));
        List<String> items = itemCodes();
        assertFalse(items.isEmpty(), "Ahli Pertama has statements in " + PROGRAM);
        checkPage("part 2 (" + items.size() + " statements)");
        answerAll(items);
        assertEquals(items.size() + " dari " + items.size() + " butir terjawab", text(".progress"));
        submit(By.cssSelector("button[value=kirim]"));
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        assertTrue(text("main").contains("Jawaban: Tidak dapat menilai"), text("main"));
        checkPage("part 2 submitted");

        // the service user, with an e-mail: the fourth rater gets a link by mail
        click(By.linkText("Kembali ke halaman utama penilaian"));
        waitForText(By.tagName("h1"), "Evaluasi kinerja Anda");
        click(By.linkText("Isi Tunjuk pengguna layanan"));
        waitForText(By.tagName("h1"), "Tunjuk pengguna layanan");
        checkPage("participant: service user nomination");
        type("pengguna-nama", PENGGUNA);
        type("pengguna-email", PENGGUNA_EMAIL);
        submit(By.cssSelector("main form button[type=submit]"));
        waitForText(By.tagName("h1"), "Pemantauan penilai");
        assertEquals("Pengguna layanan " + PENGGUNA + " sudah ditunjuk dan menerima tautan penilaian lewat e-mail.", text("[role=status]"));
        List<WebElement> raters = browser.driver.findElements(By.cssSelector(".rater"));
        assertEquals(4, raters.size());
        assertTrue(raters.get(0).getText().contains("Lengkap") && !raters.get(0).getText().contains("Belum lengkap"),
                "her own forms are complete: " + raters.get(0).getText());
        for (int i = 1; i < 4; i++) {
            assertTrue(raters.get(i).getText().contains("Belum lengkap") && raters.get(i).getText().contains("Sudah dikirim"),
                    "invited, not complete yet: " + raters.get(i).getText());
        }
        checkPage("participant: monitoring");
    }

    private void participantSeesEveryoneComplete(String token) {
        open("/t/" + token);
        click(By.linkText("Pantau para penilai Anda"));
        waitForText(By.tagName("h1"), "Pemantauan penilai");
        List<WebElement> raters = browser.driver.findElements(By.cssSelector(".rater"));
        assertEquals(4, raters.size());
        List<String> names = List.of(NAME, ATASAN, REKAN, PENGGUNA);
        List<String> forms = List.of("2 dari 2", "2 dari 2", "2 dari 2", "1 dari 1");
        for (int i = 0; i < 4; i++) {
            String r = raters.get(i).getText();
            assertTrue(r.contains(forms.get(i)) && r.contains("Lengkap") && !r.contains("Belum lengkap"), "complete (" + forms.get(i)
                    + "): " + r);
            if (i > 0) {
                assertTrue(r.contains(names.get(i)), names.get(i) + " in " + r);
            }
        }
    }

    // ---- the raters ----

    private void raterFillsBothParts(String token, String role, int subkompetensi, boolean check) throws Exception {
        open("/t/" + token);
        assertEquals("Penilaian kinerja " + NAME, h1());
        String body = text("main");
        assertTrue(body.contains("sebagai " + role) && body.contains("Ahli Pertama"), body);
        assertFalse(body.contains(NIP), "raters do not see the NIP");
        if (check) {
            checkPage("rater: overview");
        }
        click(By.linkText("Isi Bagian 1: Pemetaan aktivitas kerja"));
        waitForText(By.cssSelector(".step-of"), "Langkah 1 dari 2");
        browser.driver.findElement(By.id("lingkup-" + subkompetensi)).click();
        submit(By.cssSelector("button[value=lanjut]"));
        waitForText(By.cssSelector(".step-of"), "Langkah 2 dari 2");
        if (check) {
            checkPage("rater: part 1, step 2");
        }
        browser.driver.findElements(By.cssSelector("input[name=tugas]")).get(0).click();
        submit(By.cssSelector("button[value=kirim]"));
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        click(By.partialLinkText("Selanjutnya: Bagian 2"));
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian kinerja");
        assertTrue(text("main").contains("Yang bersangkutan"), "statements phrased for the other raters");
        List<String> items = itemCodes();
        if (check) {
            checkPage("rater: part 2");
        }
        answerAll(items);
        submit(By.cssSelector("button[value=kirim]"));
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        click(By.linkText("Kembali ke halaman utama penilaian"));
        waitForText(By.cssSelector("[role=status]"), "Terima kasih. Semua penilaian Anda sudah terkirim");
        if (check) {
            checkPage("rater: overview, all submitted");
        }
    }

    private void serviceUserFillsPartTwo(String token) throws Exception {
        open("/t/" + token);
        assertEquals("Penilaian kinerja " + NAME, h1());
        assertTrue(text("main").contains("sebagai pengguna layanan"), text("main"));
        assertTrue(browser.driver.findElements(By.partialLinkText("Bagian 1")).isEmpty(), "no Part 1 for the service user");
        checkPage("service user: overview (Part 2 only)");
        click(By.partialLinkText("Bagian 2"));
        waitForText(By.tagName("h1"), "Bagian 2: Penilaian kinerja");
        answerAll(itemCodes());
        submit(By.cssSelector("button[value=kirim]"));
        waitForText(By.cssSelector(".done-box h2"), "Sudah dikirim");
        click(By.linkText("Kembali ke halaman utama penilaian"));
        waitForText(By.cssSelector("[role=status]"), "Terima kasih. Semua penilaian Anda sudah terkirim");
    }

    /** Chooses an answer for each statement: the first "Tidak dapat menilai", the others 1 to 4 in turn. */
    private void answerAll(List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            browser.driver.findElement(By.id(items.get(i) + "-" + (i == 0 ? "NA" : String.valueOf(1 + i % 4)))).click();
        }
    }

    // ---- mail ----

    /** The personal link in the one mail to this address, polled from GreenMail for up to 30 s; checks its port. */
    private String linkFrom(String to) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                    String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
                    Matcher matcher = LINK.matcher(body);
                    assertTrue(matcher.find(), "the mail to " + to + " carries no personal link:\n" + body);
                    assertEquals(evkin.port, Integer.parseInt(matcher.group(1)), "the link points at this distribution");
                    return matcher.group(2);
                }
            }
            Thread.sleep(100); // mail polling
        }
        throw new AssertionError("no mail reached " + to + " within 30 s; received: " + subjectsTo(null) + "\n" + evkin.log());
    }

    /** Subjects of the mails to this address (every mail, as "to: subject", when to is null). */
    private List<String> subjectsTo(String to) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String recipient = m.getRecipients(Message.RecipientType.TO)[0].toString();
            if (to == null) {
                out.add(recipient + ": " + m.getSubject());
            } else if (recipient.equals(to)) {
                out.add(m.getSubject());
            }
        }
        return out;
    }

    // ---- browser helpers ----

    private void signIn() {
        open("/masuk");
        if (checked.stream().noneMatch(c -> c.startsWith("sign-in"))) {
            try {
                checkPage("sign-in");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        browser.driver.findElement(By.id("email")).sendKeys(AdminDistribution.ADMIN_EMAIL);
        browser.driver.findElement(By.id("password")).sendKeys(AdminDistribution.ADMIN_PASSWORD);
        submit(By.cssSelector("main button[type=submit]"));
        waitForUrl("/admin");
    }

    private void open(String path) {
        browser.driver.get(evkin.url(path));
    }

    private WebElement waitFor(By by) {
        return new Browser.PageWait(browser.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void waitForUrl(String path) {
        new Browser.PageWait(browser.driver, WAIT).until(ExpectedConditions.urlToBe(evkin.url(path)));
    }

    private void waitForText(By by, String start) {
        try {
            new Browser.PageWait(browser.driver, WAIT).until(d -> {
                List<WebElement> found = d.findElements(by);
                return !found.isEmpty() && found.get(0).getText().startsWith(start);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            List<WebElement> found = browser.driver.findElements(by);
            throw new AssertionError("expected " + by + " to start with '" + start + "' on " + browser.driver.getCurrentUrl() + "; it "
                    + (found.isEmpty() ? "is missing" : "reads '" + found.get(0).getText() + "'") + ". The page:\n"
                    + browser.driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Clicks a link (waiting until it is there) and waits until the next page has replaced this one. */
    private void click(By link) {
        WebElement old = browser.driver.findElement(By.tagName("html"));
        new Browser.PageWait(browser.driver, WAIT).until(ExpectedConditions.elementToBeClickable(link)).click();
        new Browser.PageWait(browser.driver, WAIT).until(Browser.gone(old));
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private void submit(By button) {
        click(button);
    }

    private String h1() {
        return Browser.textOf(browser.driver, By.tagName("h1"));
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private void type(String id, String value) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private List<String> itemCodes() {
        return browser.driver.findElements(By.cssSelector("fieldset.item input[value='1']")).stream()
                .map(e -> e.getAttribute("name").substring(2)).toList();
    }

    /** The value shown for a labelled number of the admin's summaries. */
    private String stat(String label) {
        return browser.driver.findElement(By.xpath("//dl[@class='stats']/div[dt[normalize-space()='" + label + "']]/dd")).getText();
    }

    /** The cells of the row headed by rowHeader in the table with this caption. */
    private List<String> row(String caption, String rowHeader) {
        WebElement tr = browser.driver.findElement(By.xpath("//table[caption[normalize-space()='" + caption + "']]/tbody/tr[th[normalize-space()='"
                + rowHeader + "']]"));
        List<String> cells = new ArrayList<>();
        cells.add(tr.findElement(By.tagName("th")).getText());
        tr.findElements(By.tagName("td")).forEach(td -> cells.add(td.getText()));
        return cells;
    }

    /** Sets a date field as the date picker would (typing into it depends on the browser's locale). */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", browser.driver.findElement(By.id(id)),
                date.toString());
    }

    /** Zero axe-core WCAG 2.0/2.1/2.2 A and AA violations on the page shown. */
    private void checkPage(String label) throws Exception {
        long t0 = System.nanoTime();
        Browser.AxeCheck wcag = browser.axe(Browser.WCAG_AA);
        assertEquals("", wcag.violations(), "axe-core found WCAG violations on " + label + " (" + browser.driver.getCurrentUrl() + "):");
        assertTrue(wcag.passedRules() >= 5, "axe-core checked next to nothing on " + label + ": " + wcag);
        checked.add(label + " (" + wcag.passedRules() + " rules passed, " + seconds(t0) + ")");
    }

    /** Waits until the program's instrument is deployed (the distribution deploys the instruments after it starts). */
    private void awaitInstrument() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(evkin.url("/api/instruments/" + PROGRAM))).timeout(Duration.ofSeconds(10)).GET().build();
        for (int i = 0; i < 300; i++) {
            if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(PROGRAM + " was not deployed within 30 s:\n" + evkin.log());
    }

    private long lapStart;

    private void lap(String what) {
        long now = System.nanoTime();
        report.put(what, String.format("%.1f s", (now - (lapStart == 0 ? started : lapStart)) / 1e9));
        lapStart = now;
    }

    private static String seconds(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }
}
