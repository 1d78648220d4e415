package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
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
import java.util.ArrayList;
import java.util.List;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/** Reminders on a configurable schedule: without anyone clicking, a late participant gets a reminder with a new link. */
class ScheduledRemindersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLateParticipantIsRemindedAutomatically() throws Exception {
        int smtpPort = Distribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Distribution evkin = Assembled.copy("scheduled-reminders")) {
            evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
            evkin.writeConfig("org.evkin.monitoring.cfg", "reminder.after.hours=0\nreminder.check.seconds=10\nescalate.after.reminders=5\n");
            evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
            evkin.start().awaitReady(Duration.ofSeconds(120));
            String admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
            for (int i = 0; i < 300 && evkin.get("/api/instruments/GENAI-PAK-2025").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            long cycle = Distribution.JSON.readTree(post(evkin, "/api/cycles", admin, "application/json", "{\"name\":\"EvKin jadwal\"}"))
                    .path("id").asLong();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
            HttpResponse<String> b = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + evkin.port + "/api/cycles/" + cycle
                    + "/batteries/GENAI-PAK-2025")).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"periodStart\":\"" + today + "\",\"periodEnd\":\"" + today.plusDays(9) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, b.statusCode(), b.body());
            post(evkin, "/api/cycles/" + cycle + "/participants/import", admin, "text/csv",
                    "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n"
                            + ";Lambat;lambat@example.com;;PAK;;Portal Kerja;Bali;Denpasar;GENAI-PAK-2025;90\n");
            post(evkin, "/api/cycles/" + cycle + "/invitations", admin, "application/json", "");

            List<String> subjects = new ArrayList<>();
            for (int i = 0; i < 400 && subjects.size() < 2; i++) {
                subjects.clear();
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    subjects.add(m.getSubject());
                }
                Thread.sleep(100);
            }
            assertEquals(2, subjects.size(), "the invitation, then a reminder without any click: " + subjects + "\n" + evkin.log());
            assertTrue(subjects.get(1).startsWith("Pengingat"), subjects.toString());
            assertTrue(evkin.log().contains("Automatic reminders for cycle EvKin jadwal: 1 reminded"), evkin.log());
        } finally {
            smtp.stop();
        }
    }

    private static String post(Distribution evkin, String path, String token, String type, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + evkin.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, path + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }
}
