package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/**
 * SMTP down while invitations are sent: the mails wait in the database outbox, /api/health says the mail server is down
 * (while the platform stays UP), and once the SMTP server is back each mail is delivered exactly once.
 */
class MailOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void invitationsWaitWhileSmtpIsDownAndGoOutOnceWhenItIsBack() throws Exception {
        int smtpPort = Distribution.freePort();
        try (Distribution evkin = Assembled.copy("mail-outage")) {
            evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                    + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\nretry.initial.seconds=1\nretry.max.seconds=2\n");
            evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
            evkin.start().awaitReady(Duration.ofSeconds(120));
            String admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
            for (int i = 0; i < 300 && evkin.get("/api/instruments/GENAI-PAK-2025").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            long cycle = send(evkin, "POST", "/api/cycles", admin, Map.of("name", "EvKin SMTP")).path("id").asLong();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
            send(evkin, "PUT", "/api/cycles/" + cycle + "/batteries/GENAI-PAK-2025", admin,
                    Map.of("periodStart", today.toString(), "periodEnd", today.plusDays(30).toString()));
            StringBuilder csv = new StringBuilder("nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n");
            for (int i = 1; i <= 5; i++) {
                csv.append(";Peserta ").append(i).append(";peserta").append(i).append("@example.com;;PAK;;Portal Kerja;Bali;Denpasar;GENAI-PAK-2025;90\n");
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(evkin, "/api/cycles/" + cycle + "/participants/import"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(5, send(evkin, "POST", "/api/cycles/" + cycle + "/invitations", admin, null).path("invited").asInt());

            JsonNode health = null;
            for (int i = 0; i < 100; i++) {
                health = evkin.getJson("/api/health", 200);
                if ("DOWN".equals(health.path("mail").path("status").asText())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("DOWN", health.path("mail").path("status").asText(), health.toString());
            assertEquals("UP", health.path("status").asText(), "an SMTP outage does not take the platform down");
            assertEquals(5, health.path("mail").path("waiting").asInt(), health.toString());
            Thread.sleep(3000);
            assertEquals(0, evkin.getJson("/api/health", 200).path("mail").path("failed").asInt(), "waiting mails are never failed");

            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                for (int i = 0; i < 200 && smtp.getReceivedMessages().length < 5; i++) {
                    Thread.sleep(100);
                }
                Thread.sleep(3000);
                assertEquals(5, smtp.getReceivedMessages().length, "each waiting mail delivered exactly once");
                JsonNode after = evkin.getJson("/api/health", 200);
                assertEquals(0, after.path("mail").path("waiting").asInt(), after.toString());
                assertEquals("UP", after.path("mail").path("status").asText());
                assertTrue(evkin.log().lines().filter(l -> l.contains("unreachable")).count() <= 2,
                        "one line when SMTP goes down, not one per attempt:\n" + evkin.log());
            } finally {
                smtp.stop();
            }
        }
    }

    private static JsonNode send(Distribution evkin, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(evkin, path)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Distribution.JSON.writeValueAsString(body)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return Distribution.JSON.readTree(r.body());
    }

    private static URI uri(Distribution evkin, String path) {
        return URI.create("http://127.0.0.1:" + evkin.port + path);
    }
}
