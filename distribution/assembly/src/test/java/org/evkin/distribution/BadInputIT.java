package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the personal-link API: an expired link, a form after its period, a foreign or made-up link, another
 * participant's data, an oversized body, malformed JSON — each answered with a clear Indonesian message, changing nothing.
 */
class BadInputIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("/t/([A-Za-z0-9_-]{43})");
    private static Distribution evkin;
    private static GreenMail smtp;
    private static String admin;
    private static long cycle;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort = Distribution.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        evkin = Assembled.copy("bad-input");
        evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
        evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
        evkin.start().awaitReady(Duration.ofSeconds(120));
        admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
        for (int i = 0; i < 300 && evkin.get("/api/instruments/GENAI-PAK-2025").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
        cycle = json("POST", "/api/cycles", admin, Map.of("name", "EvKin uji")).path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        evkin.close();
        smtp.stop();
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        battery("BIMTEK-PAK-YOGYA-2025", today.minusDays(30), today.minusDays(10));
        String token = invite("BIMTEK-PAK-YOGYA-2025", "lama@example.com");
        HttpResponse<String> r = send("GET", "/api/t/" + token, null);
        assertEquals(410, r.statusCode());
        assertEquals("Masa pengisian untuk tautan ini sudah berakhir.", body(r).path("message").asText());
    }

    @Test
    void aFormAfterItsPeriodIsRefusedAndNothingIsStored() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        battery("GENAI-PAK-2025", today.minusDays(1), today.plusDays(20));
        String token = invite("GENAI-PAK-2025", "tutup@example.com");
        JsonNode form = body(send("GET", "/api/t/" + token + "/part2/GENAI-PAK-2025", null));
        String item = form.path("sections").get(0).path("entries").get(0).path("code").asText();
        assertEquals(200, send("PUT", "/api/t/" + token + "/part2/GENAI-PAK-2025/draft", Map.of("answers", Map.of(item, "3"))).statusCode());
        battery("GENAI-PAK-2025", today.minusDays(20), today.minusDays(1));
        HttpResponse<String> r = send("PUT", "/api/t/" + token + "/part2/GENAI-PAK-2025/draft", Map.of("answers", Map.of(item, "1")));
        assertEquals(410, r.statusCode());
        assertTrue(body(r).path("message").asText().contains("sudah berakhir"), r.body());
        assertEquals("3", body(send("GET", "/api/t/" + token + "/part2/GENAI-PAK-2025", null)).path("answers").path(item).asText());
        battery("GENAI-PAK-2025", today.minusDays(20), today.minusDays(1), today.plusDays(5));
        assertEquals(200, send("PUT", "/api/t/" + token + "/part2/GENAI-PAK-2025/draft", Map.of("answers", Map.of(item, "2"))).statusCode(),
                "an admin's extension reopens the form");
    }

    @Test
    void madeUpAndMalformedLinksAreRefused() throws Exception {
        HttpResponse<String> r = send("GET", "/api/t/" + "A".repeat(43), null);
        assertEquals(404, r.statusCode());
        assertTrue(body(r).path("message").asText().startsWith("Tautan tidak dikenal"));
        assertEquals(404, send("GET", "/api/t/short", null).statusCode());
        assertEquals(404, send("GET", "/api/t/" + "A".repeat(43) + "/part1", null).statusCode());
    }

    @Test
    void aParticipantCannotReachAnotherProgramOrPartAndOversizedOrBrokenBodiesAreRefused() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        battery("BIMTEK-PAK-WONOGIRI-2025", today.minusDays(1), today.plusDays(20));
        String token = invite("BIMTEK-PAK-WONOGIRI-2025", "pak@example.com");
        assertEquals(404, send("GET", "/api/t/" + token + "/part2/COP-BISINDO-2025", null).statusCode(), "not one of her programs");
        HttpResponse<String> r = send("GET", "/api/t/" + token + "/part1", null);
        assertEquals(403, r.statusCode(), "PAK has no Part 1");
        assertTrue(body(r).path("message").asText().contains("Bagian 1"));

        String big = "{\"answers\":{\"x\":\"" + "9".repeat(1_100_000) + "\"}}";
        HttpResponse<String> tooBig = HTTP.send(HttpRequest.newBuilder(uri("/api/t/" + token + "/part2/BIMTEK-PAK-WONOGIRI-2025/draft"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode());
        assertTrue(tooBig.body().contains("terlalu besar"), tooBig.body());
        HttpResponse<String> broken = HTTP.send(HttpRequest.newBuilder(uri("/api/t/" + token + "/part2/BIMTEK-PAK-WONOGIRI-2025/draft"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"answers\": [")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, broken.statusCode(), broken.body());
        assertFalse(broken.body().contains("Exception") || broken.body().contains("at org."), broken.body());
        assertEquals("DRAFT", body(send("GET", "/api/t/" + token + "/part2/BIMTEK-PAK-WONOGIRI-2025", null)).path("status").asText());
        assertEquals(0, body(send("GET", "/api/t/" + token + "/part2/BIMTEK-PAK-WONOGIRI-2025", null)).path("answers").size());
        assertEquals(List.of(), evkin.stackTraceLines());
    }

    @Test
    void aFormBodyTheServerCannotReadIsAnsweredWithAClearJsonError() throws Exception {
        // found by the fuzzer: a form-encoded body with a broken chunk was read by Jersey before any resource ran and
        // ended as Jetty's bare 500 page with an ERROR in the log
        long logFrom = evkin.logLength();
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", evkin.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/t/" + "A".repeat(43) + " HTTP/1.1\r\nHost: 127.0.0.1:" + evkin.port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "-1\r\n_csrf=x\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("application/json") && answer.contains("\"message\":\"Permintaan tidak valid.\""), answer);
        String log = evkin.logFrom(logFrom);
        assertFalse(log.contains("[ERROR]"), log);
        assertEquals(List.of(), evkin.stackTraceLines());
    }

    @Test
    void theFormRequestsAreAnsweredAsJerseyAnswersThem() throws Exception {
        // A rater's form requests are answered outside Jersey when they succeed (FormRequests in org.evkin.rest); with a
        // query string the same request is left to Jersey. Both ways must give the same status, headers and JSON.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        battery("BIMTEK-PAK-WONOGIRI-2025", today.minusDays(1), today.plusDays(20));
        String link = "/api/t/" + invite("BIMTEK-PAK-WONOGIRI-2025", "sama@example.com");
        String form = link + "/part2/BIMTEK-PAK-WONOGIRI-2025";
        same(send("GET", link, null), send("GET", link + "?jersey", null), false);
        HttpResponse<String> opened = send("GET", form, null);
        assertEquals(200, opened.statusCode(), opened.body());
        same(opened, send("GET", form + "?jersey", null), false);
        List<String> items = new java.util.ArrayList<>();
        body(opened).path("sections").forEach(s -> s.path("entries").forEach(e -> items.add(e.path("code").asText())));
        Map<String, Object> some = Map.of("answers", Map.of(items.get(0), "3"));
        same(send("PUT", form + "/draft", some, "return=minimal"), send("PUT", form + "/draft?jersey", some, "return=minimal"), true);
        same(send("PUT", form + "/draft", some), send("PUT", form + "/draft?jersey", some), true);
        // what Jersey refuses or reads its own way is Jersey's answer either way
        same(send("POST", form + "/submit", some), send("POST", form + "/submit?jersey", some), false);
        for (String text : new String[] {"{\"answers\": [", "[]", "", "{\"answers\":{}} {", "{\"answers\":{\"x\":null}}"}) {
            same(sendText("PUT", form + "/draft", text), sendText("PUT", form + "/draft?jersey", text), true);
        }
        same(send("GET", "/api/t/" + "B".repeat(43), null), send("GET", "/api/t/" + "B".repeat(43) + "?jersey", null), false);
        same(send("GET", link + "/part2/COP-BISINDO-2025", null), send("GET", link + "/part2/COP-BISINDO-2025?jersey", null), false);
        Map<String, String> all = new java.util.HashMap<>();
        items.forEach(i -> all.put(i, "3"));
        HttpResponse<String> submitted = send("POST", form + "/submit", Map.of("answers", all));
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("SUBMITTED", body(submitted).path("status").asText());
        same(submitted, send("POST", form + "/submit?jersey", Map.of("answers", all)), false);
        same(send("PUT", form + "/draft", some), send("PUT", form + "/draft?jersey", some), false);
        same(send("GET", form, null), send("GET", form + "?jersey", null), false);
        assertEquals(List.of(), evkin.stackTraceLines());
    }

    /** The same answer: status, the headers that carry meaning, and the JSON; with revised, Jersey's saved once more. */
    private static void same(HttpResponse<String> direct, HttpResponse<String> jersey, boolean revised) throws Exception {
        String what = direct.request().method() + " " + direct.uri().getPath() + ": " + shortened(direct.body()) + " | "
                + shortened(jersey.body());
        assertEquals(jersey.statusCode(), direct.statusCode(), what);
        for (String h : List.of("Content-Type", "Cache-Control", "Preference-Applied", "Retry-After")) {
            assertEquals(jersey.headers().allValues(h), direct.headers().allValues(h), h + " of " + what);
        }
        JsonNode a = body(direct);
        JsonNode b = body(jersey);
        if (revised && direct.statusCode() == 200) {
            assertEquals(a.path("revision").asInt() + 1, b.path("revision").asInt(), what);
            ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("revision");
            ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("revision");
        }
        assertEquals(b, a, what);
    }

    private static String shortened(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static void battery(String program, LocalDate start, LocalDate end) throws Exception {
        battery(program, start, end, null);
    }

    private static void battery(String program, LocalDate start, LocalDate end, LocalDate extended) throws Exception {
        Map<String, Object> b = new java.util.HashMap<>(Map.of("periodStart", start.toString(), "periodEnd", end.toString()));
        if (extended != null) {
            b.put("extendedUntil", extended.toString());
        }
        json("PUT", "/api/cycles/" + cycle + "/batteries/" + program, admin, b);
    }

    private static String invite(String program, String email) throws Exception {
        String csv = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                + ";Peserta " + email + ";" + email + ";;PAK;;BKK SMK 2;Jawa Tengah;Kota Surakarta;" + program + ";80\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/participants/import"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        json("POST", "/api/cycles/" + cycle + "/invitations", admin, null);
        for (int i = 0; i < 300; i++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(email)) {
                    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no invitation for " + email + "\n" + evkin.log());
    }

    private static JsonNode json(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Distribution.JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + " " + r.statusCode() + " " + r.body());
        return Distribution.JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return send(method, path, body, null);
    }

    private static HttpResponse<String> send(String method, String path, Object body, String prefer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Distribution.JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendText(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return Distribution.JSON.readTree(r.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + evkin.port + path);
    }
}
