package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/**
 * A whole cycle over the real API, with the invitations read from a real SMTP server (GreenMail): the admin imports and
 * invites; the participant confirms, names supervisor and peer, maps tasks, self-assesses and names a service user
 * without e-mail; the three raters fill their forms; monitoring shows everyone complete. Bad input on the way changes
 * nothing.
 */
class FormFlowIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/t/([A-Za-z0-9_-]{43})");

    @Test
    void aParticipantAndThreeRatersCompleteTheirForms() throws Exception {
        int smtpPort = Distribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Distribution evkin = Assembled.copy("form-flow")) {
            evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                    + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
            evkin.writeConfig("org.evkin.invitations.cfg", "base.url=http://127.0.0.1:" + evkin.port + "\n");
            // every unfinished rater counts as late at once; the first reminder is escalated
            evkin.writeConfig("org.evkin.monitoring.cfg", "reminder.after.hours=0\nreminder.check.seconds=0\nescalate.after.reminders=1\n");
            evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
            evkin.start().awaitReady(Duration.ofSeconds(120));
            String admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
            for (int i = 0; i < 300 && evkin.get("/api/instruments/COP-BISINDO-2025").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            long cycle = call(evkin, "POST", "/api/cycles", admin, Map.of("name", "EvKin 2025"), 201).path("id").asLong();
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
            call(evkin, "PUT", "/api/cycles/" + cycle + "/batteries/COP-BISINDO-2025", admin,
                    Map.of("periodStart", today.minusDays(1).toString(), "periodEnd", today.plusDays(30).toString()), 200);
            String csv = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                    + "199001012020011001;Siti Aminah;siti@example.go.id;;PK;Ahli Muda;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;COP-BISINDO-2025;85,5\n";
            HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(uri(evkin, "/api/cycles/" + cycle + "/participants/import"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, imported.statusCode(), imported.body());
            assertEquals(1, call(evkin, "POST", "/api/cycles/" + cycle + "/invitations", admin, null, 200).path("invited").asInt());

            String participant = tokenFrom(smtp, "siti@example.go.id", evkin);
            JsonNode access = call(evkin, "GET", "/api/t/" + participant, null, null, 200);
            assertEquals("DIRI", access.path("role").asText());
            assertEquals("Siti Aminah", access.path("participant").path("name").asText());
            assertTrue(access.path("partOneApplies").asBoolean());
            assertEquals("COP-BISINDO-2025", access.path("programs").get(0).path("code").asText());
            call(evkin, "POST", "/api/t/" + participant + "/identity", null, null, 200);

            // the participant may not name herself, nor leave the supervisor's e-mail out
            Map<String, Object> profile = new HashMap<>(Map.of("workLocation", "Disnaker Kota Yogyakarta, Bidang Penempatan",
                    "supervisor", Map.of("name", "Bapak Atasan", "email", "siti@example.go.id"),
                    "peer", Map.of("name", "Ibu Rekan", "email", "rekan@example.go.id")));
            assertEquals(400, send(evkin, "PUT", "/api/t/" + participant + "/profile", null, profile).statusCode());
            profile.put("supervisor", Map.of("name", "Bapak Atasan", "email", "atasan@example.go.id"));
            JsonNode raters = call(evkin, "PUT", "/api/t/" + participant + "/profile", null, profile, 200);
            assertEquals(4, raters.path("raters").size());

            // Part 1: choose the subkompetensi that apply, tick tasks; the draft survives a reload
            JsonNode part1 = call(evkin, "GET", "/api/t/" + participant + "/part1", null, null, 200);
            assertTrue(part1.path("sections").size() >= 14, "the whole catalog, all four levels");
            Map<String, Object> p1 = Map.of("scope", List.of(5, 8), "ticks", List.of("AMU-05-01", "AP-08-01", "AMA-08-02"));
            call(evkin, "PUT", "/api/t/" + participant + "/part1/draft", null, p1, 200);
            JsonNode reloaded = call(evkin, "GET", "/api/t/" + participant + "/part1", null, null, 200);
            assertEquals("private, no-store, no-transform", send(evkin, "GET", "/api/t/" + participant + "/part1", null, null)
                    .headers().firstValue("Cache-Control").orElse(null), "personal answers are never cached");
            assertEquals(3, reloaded.path("ticks").size());
            assertEquals("DRAFT", reloaded.path("status").asText());
            HttpResponse<String> tampered = send(evkin, "POST", "/api/t/" + participant + "/part1/submit", null,
                    Map.of("scope", List.of(5), "ticks", List.of("AMA-08-02")));
            assertEquals(400, tampered.statusCode(), "a task outside the chosen subkompetensi");
            assertEquals("SUBMITTED", call(evkin, "POST", "/api/t/" + participant + "/part1/submit", null, p1, 200).path("status").asText());

            // Part 2: incomplete and tampered submits are refused and change nothing; a second submit stores one
            String part2 = "/api/t/" + participant + "/part2/COP-BISINDO-2025";
            JsonNode form = call(evkin, "GET", part2, null, null, 200);
            List<String> items = new ArrayList<>();
            form.path("sections").forEach(s -> s.path("entries").forEach(e -> items.add(e.path("code").asText())));
            assertEquals(9, items.size(), "Ahli Muda in BISINDO: subkompetensi 5, 7, 8 with three items each");
            assertTrue(form.path("sections").get(0).path("entries").get(0).path("text").asText().startsWith("Saya"));
            Map<String, String> answers = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                answers.put(items.get(i), i == 0 ? "NA" : String.valueOf(1 + i % 4));
            }
            Map<String, String> partial = new HashMap<>(answers);
            partial.remove(items.get(8));
            HttpResponse<String> r = send(evkin, "POST", part2 + "/submit", null, Map.of("answers", partial));
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("belum dijawab"), r.body());
            Map<String, String> forged = new HashMap<>(answers);
            forged.put("BISINDO-AU-05-01", "4");
            assertEquals(400, send(evkin, "POST", part2 + "/submit", null, Map.of("answers", forged)).statusCode());
            Map<String, String> badValue = new HashMap<>(answers);
            badValue.put(items.get(1), "5");
            assertEquals(400, send(evkin, "POST", part2 + "/submit", null, Map.of("answers", badValue)).statusCode());
            assertEquals("DRAFT", call(evkin, "GET", part2, null, null, 200).path("status").asText());
            // the pages' autosave asks for the short answer (RFC 7240): the saved state, not the form's texts again
            HttpResponse<String> minimal = send(evkin, "PUT", part2 + "/draft", null, Map.of("answers", partial), "return=minimal");
            assertEquals(200, minimal.statusCode(), minimal.body());
            assertEquals("return=minimal", minimal.headers().firstValue("Preference-Applied").orElse(null));
            JsonNode ack = Distribution.JSON.readTree(minimal.body());
            assertEquals(List.of("status", "revision", "answered"), fieldNames(ack));
            assertEquals("DRAFT", ack.path("status").asText());
            assertEquals(8, ack.path("answered").asInt());
            JsonNode full = call(evkin, "PUT", part2 + "/draft", null, Map.of("answers", partial), 200);
            List<String> fullItems = new ArrayList<>();
            full.path("sections").forEach(sec -> sec.path("entries").forEach(e -> fullItems.add(e.path("code").asText())));
            assertEquals(items, fullItems, "without it: the whole form");
            assertTrue(full.path("sections").get(0).path("entries").get(0).path("text").asText().startsWith("Saya"));
            assertEquals(ack.path("revision").asInt() + 1, full.path("revision").asInt());
            assertEquals(8, call(evkin, "GET", part2, null, null, 200).path("answers").size(), "the minimal autosave was stored");
            assertEquals("SUBMITTED", call(evkin, "POST", part2 + "/submit", null, Map.of("answers", answers), 200).path("status").asText());
            Map<String, String> changed = new HashMap<>(answers);
            changed.put(items.get(1), "4");
            JsonNode second = call(evkin, "POST", part2 + "/submit", null, Map.of("answers", changed), 200);
            assertEquals(answers.get(items.get(1)), second.path("answers").path(items.get(1)).asText(), "the first submit stands");
            assertEquals(409, send(evkin, "PUT", part2 + "/draft", null, Map.of("answers", changed)).statusCode());

            // the service user, without e-mail: a short code and a link to hand over
            JsonNode pengguna = call(evkin, "POST", "/api/t/" + participant + "/service-user", null,
                    Map.of("name", "Pak Joko (pencari kerja)"), 200);
            assertEquals(8, pengguna.path("shortCode").asText().length());
            String penggunaToken = pengguna.path("link").asText().replaceAll(".*/t/", "");
            // the short code opens the same forms as the link, e.g. typed by a job seeker on the landing page
            String code = pengguna.path("shortCode").asText();
            assertEquals("PENGGUNA", call(evkin, "GET", "/api/t/k:" + code.toLowerCase(), null, null, 200).path("role").asText());
            assertEquals(404, send(evkin, "GET", "/api/t/k:ZZZZ2222", null, null).statusCode());

            String firstAtasan = tokenFrom(smtp, "atasan@example.go.id", evkin);
            assertEquals(200, send(evkin, "GET", "/api/t/" + firstAtasan, null, null).statusCode());

            // the admin sees who is late and reminds them with one click: a fresh link each, escalated to participant and admin
            JsonNode progress = call(evkin, "GET", "/api/cycles/" + cycle + "/monitoring", admin, null, 200);
            assertEquals(1, progress.path("eligible").asInt());
            assertEquals(0, progress.path("complete").asInt());
            List<String> lateRoles = new ArrayList<>();
            progress.path("late").forEach(l -> lateRoles.add(l.path("role").asText()));
            assertTrue(lateRoles.containsAll(List.of("ATASAN", "REKAN", "PENGGUNA")) && !lateRoles.contains("DIRI"), lateRoles.toString());
            JsonNode reminded = call(evkin, "POST", "/api/cycles/" + cycle + "/reminders", admin, null, 200);
            assertEquals(2, reminded.path("reminded").asInt(), reminded.toString());
            assertEquals(1, reminded.path("withoutEmail").asInt());
            assertEquals(2, reminded.path("escalated").asInt());
            awaitMails(smtp, 7, evkin);
            assertEquals(410, send(evkin, "GET", "/api/t/" + firstAtasan, null, null).statusCode(), "the reminder's link replaces it");
            String atasan = latestTokenFrom(smtp, "atasan@example.go.id", evkin);
            String rekan = latestTokenFrom(smtp, "rekan@example.go.id", evkin);
            JsonNode atasanAccess = call(evkin, "GET", "/api/t/" + atasan, null, null, 200);
            assertEquals("ATASAN", atasanAccess.path("role").asText());
            assertTrue(atasanAccess.path("participant").path("nip").isNull(), "raters do not see the NIP");
            assertEquals(403, send(evkin, "POST", "/api/t/" + atasan + "/service-user", null, Map.of("name", "x")).statusCode());
            for (String rater : List.of(atasan, rekan)) {
                call(evkin, "POST", "/api/t/" + rater + "/part1/submit", null, Map.of("scope", List.of(8), "ticks", List.of("AMU-08-01")), 200);
                JsonNode f = call(evkin, "GET", "/api/t/" + rater + "/part2/COP-BISINDO-2025", null, null, 200);
                assertTrue(f.path("sections").get(0).path("entries").get(0).path("text").asText().startsWith("Yang bersangkutan"));
                call(evkin, "POST", "/api/t/" + rater + "/part2/COP-BISINDO-2025/submit", null, Map.of("answers", answers), 200);
            }
            assertEquals(403, send(evkin, "GET", "/api/t/" + penggunaToken + "/part1", null, null).statusCode());
            call(evkin, "POST", "/api/t/" + penggunaToken + "/part2/COP-BISINDO-2025/submit", null, Map.of("answers", answers), 200);

            JsonNode monitoring = call(evkin, "GET", "/api/t/" + participant + "/raters", null, null, 200);
            for (JsonNode s : monitoring.path("raters")) {
                assertEquals(s.path("expected").asInt(), s.path("submitted").asInt(), s.toString());
            }
            assertEquals(403, send(evkin, "GET", "/api/t/" + rekan + "/raters", null, null).statusCode(), "another participant's view");

            // a new link for the supervisor: the old one stops working
            call(evkin, "POST", "/api/t/" + participant + "/raters/ATASAN/resend", null, null, 200);
            assertEquals(410, send(evkin, "GET", "/api/t/" + atasan, null, null).statusCode());
            assertEquals(404, send(evkin, "GET", "/api/t/" + "x".repeat(43), null, null).statusCode());

            JsonNode done = call(evkin, "GET", "/api/cycles/" + cycle + "/monitoring", admin, null, 200);
            assertEquals(1, done.path("complete").asInt(), done.toString());
            assertEquals(0, done.path("late").size());
            // the participant's own report, through the personal link: the combined result only, never a rater
            HttpResponse<String> page = send(evkin, "GET", "/t/" + participant + "/laporan", null, null);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Siti Aminah") && page.body().contains("Berkinerja"), page.body());
            assertFalse(page.body().contains("Bapak Atasan") || page.body().contains("Ibu Rekan"), "no rater's name in the report");
            HttpResponse<String> pdf = send(evkin, "GET", "/t/" + participant + "/laporan.pdf", null, null);
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(pdf.body().startsWith("%PDF-"));
            assertEquals(403, send(evkin, "GET", "/t/" + rekan + "/laporan", null, null).statusCode(), "a rater sees no report");
            long participantId = access.path("participant").path("id").asLong();
            JsonNode report = call(evkin, "GET", "/api/participants/" + participantId + "/report", admin, null, 200);
            assertEquals("FINAL", report.path("status").asText(), report.toString());
            String predicate = report.path("conclusion").path("predicate").asText();
            assertTrue(predicate.startsWith("Berkinerja") && page.body().contains(predicate), predicate + " on the participant's page");
            assertEquals(401, send(evkin, "GET", "/api/participants/" + participantId + "/report", null, null).statusCode());

            awaitMails(smtp, 10, evkin);
            assertEquals(3, count(smtp, "siti@example.go.id"), "the invitation and two escalations, each once");
            assertEquals(3, count(smtp, "atasan@example.go.id"), "the invitation, the reminder and the resent link");
            assertEquals(2, count(smtp, "rekan@example.go.id"), "the invitation and the reminder");
            assertEquals(2, count(smtp, AdminApiIT.ADMIN_EMAIL), "escalations to the admin who sent the reminders");
            assertEquals(List.of(), evkin.stackTraceLines());
        } finally {
            smtp.stop();
        }
    }

    private static String tokenFrom(GreenMail smtp, String to, Distribution evkin) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail with a link reached " + to + "\n" + evkin.log());
    }

    private static String latestTokenFrom(GreenMail smtp, String to, Distribution evkin) throws Exception {
        String token = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
                if (matcher.find()) {
                    token = matcher.group(1);
                }
            }
        }
        assertNotNull(token, "no mail with a link reached " + to + "\n" + evkin.log());
        return token;
    }

    private static void awaitMails(GreenMail smtp, int n, Distribution evkin) throws Exception {
        for (int i = 0; i < 300 && smtp.getReceivedMessages().length < n; i++) {
            Thread.sleep(100);
        }
        assertTrue(smtp.getReceivedMessages().length >= n, evkin.log());
        Thread.sleep(2500);
    }

    private static long count(GreenMail smtp, String to) throws Exception {
        long n = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode call(Distribution evkin, String method, String path, String token, Object body, int expected)
            throws Exception {
        HttpResponse<String> r = send(evkin, method, path, token, body);
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        assertNotNull(r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        return Distribution.JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(Distribution evkin, String method, String path, String token, Object body)
            throws Exception {
        return send(evkin, method, path, token, body, null);
    }

    private static HttpResponse<String> send(Distribution evkin, String method, String path, String token, Object body, String prefer)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(evkin, path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Distribution.JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static URI uri(Distribution evkin, String path) {
        return URI.create("http://127.0.0.1:" + evkin.port + path);
    }
}
