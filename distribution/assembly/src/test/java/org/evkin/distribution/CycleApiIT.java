package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The start of an evaluation cycle over the real API on the embedded MariaDB: sign-in, cycle, batteries, participant
 * import (preview, commit, idempotent re-import, all-or-nothing rejection, regional scope), invitations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CycleApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "nip;nama;email;telepon;kategori;jenjang;instansi;provinsi;kabupaten_kota;program;nilai_pelatihan\n";
    private static final String CSV = "\uFEFF" + HEADER
            + "199001012020011001;Siti Aminah;siti@example.go.id;08123456789;PK;Ahli Pertama;Disnaker Kota Yogyakarta;DIY;Kota Yogyakarta;COP-BISINDO-2025;85,5\n"
            + "199202022020012002;Budi Santoso;budi@example.go.id;;PK;Ahli Muda;Disnaker Jawa Tengah;Jateng;Kota Semarang;COP-BISINDO-2025;65\n"
            + ";Rina Wati;rina@bkk-smk1.sch.id;;PAK;;BKK SMK 1 Wonogiri;Jawa Tengah;Kabupaten Wonogiri;BIMTEK-PAK-WONOGIRI-2025;90.25\n";
    private static Distribution evkin;
    private static String admin;
    private static long cycle;

    @BeforeAll
    static void start() throws Exception {
        evkin = Assembled.copy("cycle-api");
        evkin.env("EVKIN_ADMIN_EMAIL", AdminApiIT.ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", AdminApiIT.ADMIN_PASSWORD);
        evkin.start().awaitReady(Duration.ofSeconds(120));
        admin = AdminApiIT.login(evkin, AdminApiIT.ADMIN_EMAIL, AdminApiIT.ADMIN_PASSWORD);
        for (int i = 0; i < 300 && evkin.get("/api/instruments/BIMTEK-PAK-WONOGIRI-2025").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        evkin.close();
    }

    @Test
    @Order(1)
    void signInRefusesWrongPasswordsAndLocksAfterRepeatedFailures() throws Exception {
        HttpResponse<String> r = json("POST", "/api/auth/token", null, Map.of("email", AdminApiIT.ADMIN_EMAIL, "password", "salah"));
        assertEquals(401, r.statusCode());
        assertEquals("E-mail atau kata sandi salah.", body(r).path("message").asText());
        assertEquals(401, json("GET", "/api/cycles", null, null).statusCode());
        assertEquals(401, json("GET", "/api/cycles", "not-a-token", null).statusCode());
        int status = 0;
        for (int i = 0; i < 6; i++) {
            status = json("POST", "/api/auth/token", null, Map.of("email", "nobody@example.com", "password", "salah-" + i)).statusCode();
        }
        assertEquals(423, status, "locked after repeated failures");
    }

    @Test
    @Order(2)
    void createsACycleOnceAndSetsBatteries() throws Exception {
        HttpResponse<String> r = json("POST", "/api/cycles", admin, Map.of("name", "EvKin 2025"));
        assertEquals(201, r.statusCode(), r.body());
        cycle = body(r).path("id").asLong();
        r = json("POST", "/api/cycles", admin, Map.of("name", "EvKin 2025"));
        assertEquals(409, r.statusCode());
        assertTrue(body(r).path("message").asText().contains("sudah ada"), r.body());

        r = json("PUT", "/api/cycles/" + cycle + "/batteries/COP-BISINDO-2025", admin,
                Map.of("periodStart", "2025-11-30", "periodEnd", "2025-11-01"));
        assertEquals(400, r.statusCode());
        assertTrue(body(r).path("message").asText().contains("sebelum tanggal mulai"), r.body());
        assertEquals(404, json("PUT", "/api/cycles/" + cycle + "/batteries/NO-SUCH-PROGRAM", admin,
                Map.of("periodStart", "2025-11-01", "periodEnd", "2025-11-30")).statusCode());
        for (String program : new String[] {"COP-BISINDO-2025", "BIMTEK-PAK-WONOGIRI-2025"}) {
            r = json("PUT", "/api/cycles/" + cycle + "/batteries/" + program, admin,
                    Map.of("periodStart", "2025-11-01", "periodEnd", "2025-11-30", "extendedUntil", "2025-12-07"));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("2025-12-07", body(r).path("closesAfter").asText());
        }
        assertEquals(2, body(json("GET", "/api/cycles/" + cycle, admin, null)).path("batteries").size());
    }

    @Test
    @Order(3)
    void importsParticipantsAfterAPreviewAndAReImportChangesNothing() throws Exception {
        JsonNode preview = body(csv(admin, CSV, false));
        assertEquals(false, preview.path("committed").asBoolean());
        assertEquals(3, preview.path("rows").asInt());
        assertEquals(2, preview.path("eligible").asInt());
        assertEquals(3, preview.path("participantsCreated").asInt());
        assertEquals("Daerah Istimewa Yogyakarta", preview.path("preview").get(0).path("province").asText());
        assertEquals(3, body(csv(admin, CSV, false)).path("participantsCreated").asInt(), "the preview wrote nothing");

        JsonNode first = body(csv(admin, CSV, true));
        assertEquals(3, first.path("enrolmentsCreated").asInt());
        // the same rows again, this time comma-separated (the decimal comma then needs quotes)
        HttpResponse<String> r = csv(admin, CSV.replace(';', ',').replace(",85,5", ",\"85,5\""), true);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode again = body(r);
        assertEquals(0, again.path("participantsCreated").asInt() + again.path("participantsUpdated").asInt()
                + again.path("enrolmentsCreated").asInt() + again.path("enrolmentsUpdated").asInt(), again.toString());
        assertEquals(3, again.path("enrolmentsUnchanged").asInt());
    }

    @Test
    @Order(35)
    void importsAnXlsxFileWithNumericCells() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "EvKin", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Peserta");
        String[] header = HEADER.strip().split(";");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        Object[] row = {"199404042020014004", "Wayan Sudarma", "wayan@example.go.id", "", "PK", "Ahli Madya", "Disnaker Provinsi Bali",
            "Bali", "Kota Denpasar", "COP-BISINDO-2025", 88.75};
        for (int c = 0; c < row.length; c++) {
            if (row[c] instanceof Number n) {
                ws.value(1, c, n);
            } else if (!"".equals(row[c])) {
                ws.value(1, c, (String) row[c]);
            }
        }
        wb.finish();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/participants/import"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = body(r);
        assertEquals(1, b.path("participantsCreated").asInt(), b.toString());
        assertEquals("88.75", b.path("preview").get(0).path("trainingScore").asText());
        assertEquals("AHLI_MADYA", b.path("preview").get(0).path("level").asText());
    }

    @Test
    @Order(4)
    void aFileWithErrorsIsRejectedWholeWithEveryErrorByRowAndColumn() throws Exception {
        String bad = CSV.replace("85,5", "8,5,1").replace(";Jateng;", ";Atlantis;")
                + "199303032020013003;Tono;tono@example.go.id;;PK;Ahli Madya;Disnaker;Bali;Denpasar;COP-BISINDO-2025;90\n";
        HttpResponse<String> r = csv(admin, bad, true);
        assertEquals(400, r.statusCode());
        JsonNode b = body(r);
        assertEquals("importInvalid", b.path("error").asText());
        assertTrue(b.path("message").asText().contains("Tidak ada data yang diubah"), r.body());
        assertTrue(r.body().contains("\"row\":2") && r.body().contains("nilai_pelatihan"), r.body());
        assertTrue(r.body().contains("\"row\":3") && r.body().contains("provinsi"), r.body());
        // the valid new row 5 (Tono) was not imported either
        assertEquals(0, body(csv(admin, CSV, false)).path("participantsCreated").asInt());
        assertEquals(400, csv(admin, "nama;email\nx;y\n", true).statusCode());
    }

    @Test
    @Order(5)
    void aRegionalAdminImportsOnlyWithinItsProvince() throws Exception {
        HttpResponse<String> r = json("POST", "/api/accounts", admin, Map.of("email", "disnaker@jatengprov.go.id", "name",
                "Admin Jawa Tengah", "password", "Kata-Sandi-Jateng-2025", "role", "REGIONAL_ADMIN", "province", "Jateng"));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("Jawa Tengah", body(r).path("province").asText());
        String regional = AdminApiIT.login(evkin, "disnaker@jatengprov.go.id", "Kata-Sandi-Jateng-2025");
        r = csv(regional, CSV, true);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("di luar wilayah"), r.body());
        String jatengOnly = HEADER + CSV.lines().skip(2).reduce("", (a, l) -> a + l + "\n");
        assertEquals(200, csv(regional, jatengOnly, true).statusCode());
        assertEquals(403, json("POST", "/api/cycles", regional, Map.of("name", "EvKin Jateng")).statusCode());
    }

    @Test
    @Order(6)
    void invitesEligibleParticipantsOnce() throws Exception {
        JsonNode r = body(json("POST", "/api/cycles/" + cycle + "/invitations", admin, null));
        assertEquals(2, r.path("invited").asInt(), r.toString());
        assertEquals(1, r.path("ineligible").asInt());
        JsonNode again = body(json("POST", "/api/cycles/" + cycle + "/invitations", admin, null));
        assertEquals(0, again.path("invited").asInt());
        assertEquals(2, again.path("alreadyInvited").asInt());
    }

    @Test
    @Order(7)
    void importsPaperFormsAllOrNothingAndIdempotently() throws Exception {
        JsonNode form = body(json("GET", "/api/instruments/COP-BISINDO-2025/form?level=AHLI_PERTAMA&rater=ATASAN", null, null));
        List<String> items = new java.util.ArrayList<>();
        form.path("groups").forEach(g -> g.path("items").forEach(i -> items.add(i.path("code").asText())));
        assertEquals(9, items.size());
        StringBuilder csv = new StringBuilder("nip_or_email,program,rater_role,rater_name,rater_email,part,item_code,value\n");
        String[][] raters = {{"DIRI", "", ""}, {"ATASAN", "Pak Kepala Bidang", "kabid@jogjakota.go.id"},
            {"REKAN", "Bu Rekan", ""}, {"PENGGUNA", "Pencari Kerja", ""}};
        for (String[] r : raters) {
            for (int i = 0; i < items.size(); i++) {
                csv.append("199001012020011001,COP-BISINDO-2025,").append(r[0]).append(',').append(r[1]).append(',').append(r[2])
                        .append(",2,").append(items.get(i)).append(',').append(i == 0 ? "NA" : String.valueOf(1 + i % 4)).append('\n');
            }
        }
        for (String[] r : java.util.Arrays.copyOf(raters, 3)) {
            csv.append("siti@example.go.id,,").append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(",1,AP-08-01,1\n");
            csv.append("siti@example.go.id,,").append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(",1,AMU-08-02,0\n");
        }
        JsonNode preview = body(responses(csv.toString(), false));
        assertEquals(7, preview.path("forms").asInt(), preview.toString());
        assertEquals(7, preview.path("created").asInt());
        JsonNode first = body(responses(csv.toString(), true));
        assertEquals(7, first.path("created").asInt(), first.toString());
        JsonNode again = body(responses(csv.toString(), true));
        assertEquals(0, again.path("created").asInt());
        assertEquals(7, again.path("unchanged").asInt(), "a re-import of the same rows changes nothing");

        String changed = csv.toString().replace(items.get(1) + ",2\n", items.get(1) + ",4\n");
        assertTrue(!changed.equals(csv.toString()));
        HttpResponse<String> r = responses(changed, true);
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("sudah dikirim dengan isi yang berbeda"), r.body());
        r = responses(csv + "199001012020011001,COP-BISINDO-2025,ATASAN,Pak Kepala Bidang,kabid@jogjakota.go.id,2,NO-SUCH-ITEM,3\n", true);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("item_code"), r.body());
    }

    private static HttpResponse<String> responses(String csv, boolean commit) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/responses/import?commit=" + commit))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> csv(String token, String csv, boolean commit) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/participants/import?commit=" + commit))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> json(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        String json = body == null ? "" : Distribution.JSON.writeValueAsString(body);
        b.method(method, body == null && !method.equals("PUT") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return Distribution.JSON.readTree(r.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + evkin.port + path);
    }
}
