package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evkin.testing.Distribution;
import org.evkin.testing.InstrumentJars;
import org.junit.jupiter.api.Test;

/**
 * A newer instrument version serves new forms while forms already started keep their version (and are scored with
 * it): a participant who opened her form before an update keeps 1.0.0; one who opens after it gets 1.1.0.
 */
class VersionPinningIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("/t/([A-Za-z0-9_-]{43})");

    @Test
    void formsStartedBeforeAnUpdateKeepTheirVersion() throws Exception {
        int smtpPort = Distribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Distribution evkin = Assembled.copy("version-pinning")) {
            evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
            evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
            evkin.start().awaitReady(Duration.ofSeconds(120));
            String admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
            for (int i = 0; i < 300 && evkin.get("/api/instruments/COP-BISINDO-2025").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            long cycle = send(evkin, "POST", "/api/cycles", admin, Map.of("name", "EvKin versi")).path("id").asLong();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
            send(evkin, "PUT", "/api/cycles/" + cycle + "/batteries/COP-BISINDO-2025", admin,
                    Map.of("periodStart", today.minusDays(1).toString(), "periodEnd", today.plusDays(30).toString()));
            String csv = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                    + "199001012020011001;Awal;awal@example.go.id;;PK;Ahli Muda;Disnaker;Bali;Denpasar;COP-BISINDO-2025;80\n"
                    + "199001012020011002;Akhir;akhir@example.go.id;;PK;Ahli Muda;Disnaker;Bali;Denpasar;COP-BISINDO-2025;80\n";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(evkin, "/api/cycles/" + cycle + "/participants/import"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            send(evkin, "POST", "/api/cycles/" + cycle + "/invitations", admin, null);
            String early = token(smtp, "awal@example.go.id", evkin);
            String late = token(smtp, "akhir@example.go.id", evkin);

            JsonNode before = send(evkin, "GET", "/api/t/" + early + "/part2/COP-BISINDO-2025", null, null);
            assertEquals("1.0.0", before.path("version").asText());
            String firstText = before.path("sections").get(0).path("entries").get(0).path("text").asText();

            // version 1.1.0 with a reworded first item lands in deploy/
            ObjectNode d;
            try (Stream<Path> s = Files.list(evkin.home.resolve("deploy"))) {
                d = InstrumentJars.descriptorOf(s.filter(p -> p.toString().contains("cop-bisindo")).findFirst().orElseThrow());
            }
            d.put("version", "1.1.0");
            String firstCode = before.path("sections").get(0).path("entries").get(0).path("code").asText();
            ObjectNode item = null;
            for (JsonNode i : d.withArray("items")) {
                if (i.path("code").asText().equals(firstCode)) {
                    item = (ObjectNode) i;
                }
            }
            assertEquals("AHLI_MUDA", item.path("level").asText());
            item.put("self", "Saya (versi 1.1) " + item.path("self").asText()).put("other", "Yang bersangkutan (versi 1.1) menilai.");
            Path jar;
            try (Stream<Path> s = Files.list(evkin.home.resolve("deploy"))) {
                jar = s.filter(p -> p.toString().contains("cop-bisindo")).findFirst().orElseThrow();
            }
            InstrumentJars.write(jar, "evkin-instrument-cop-bisindo-2025", "1.1.0", d);
            for (int i = 0; i < 200 && !"1.1.0".equals(evkin.getJson("/api/instruments/COP-BISINDO-2025", 200).path("currentVersion").asText()); i++) {
                Thread.sleep(50);
            }
            assertEquals("1.1.0", evkin.getJson("/api/instruments/COP-BISINDO-2025", 200).path("currentVersion").asText());

            JsonNode kept = send(evkin, "GET", "/api/t/" + early + "/part2/COP-BISINDO-2025", null, null);
            assertEquals("1.0.0", kept.path("version").asText(), "a form started on 1.0.0 stays on 1.0.0");
            assertEquals(firstText, kept.path("sections").get(0).path("entries").get(0).path("text").asText());
            JsonNode fresh = send(evkin, "GET", "/api/t/" + late + "/part2/COP-BISINDO-2025", null, null);
            assertEquals("1.1.0", fresh.path("version").asText(), "a new form gets the new version");
            assertNotEquals(firstText, fresh.path("sections").get(0).path("entries").get(0).path("text").asText());
        } finally {
            smtp.stop();
        }
    }

    private static String token(GreenMail smtp, String to, Distribution evkin) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(to)) {
                    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no invitation for " + to + "\n" + evkin.log());
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
