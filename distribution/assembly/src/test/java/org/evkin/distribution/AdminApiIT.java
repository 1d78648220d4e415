package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.evkin.testing.Distribution;
import org.evkin.testing.InstrumentJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API for programs over real HTTP: upload (multipart), rejection with every problem, schedule, withdraw. */
class AdminApiIT {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String TOKEN;
    private static Distribution evkin;
    private static ObjectNode bisindo;

    @BeforeAll
    static void start() throws Exception {
        evkin = Assembled.copy("admin-api");
        evkin.env("EVKIN_ADMIN_EMAIL", ADMIN_EMAIL).env("EVKIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        evkin.start().awaitReady(Duration.ofSeconds(120));
        TOKEN = login(evkin, ADMIN_EMAIL, ADMIN_PASSWORD);
        try (Stream<Path> s = Files.list(evkin.home.resolve("deploy"))) {
            bisindo = InstrumentJars.descriptorOf(s.filter(p -> p.toString().contains("cop-bisindo")).findFirst().orElseThrow());
        }
        for (int i = 0; i < 300 && evkin.get("/api/instruments/COP-BISINDO-2025").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        evkin.close();
    }

    @Test
    void uploadsAValidBundleAndServesIt() throws Exception {
        ObjectNode d = bisindo.deepCopy().put("code", "ADMIN-UPLOAD-2026").put("title", "Unggahan admin");
        HttpResponse<String> r = upload(jar("evkin-instrument-admin-upload", "1.0.0", d), TOKEN);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = Distribution.JSON.readTree(r.body());
        assertEquals("1.0.0", body.path("version").asText());
        assertTrue(body.path("deployed").asBoolean());
        assertTrue(Files.exists(evkin.home.resolve("deploy/evkin-instrument-admin-upload.jar")), "uploads land in deploy/");
        assertEquals(200, evkin.get("/api/instruments/ADMIN-UPLOAD-2026/form?level=AHLI_PERTAMA&rater=DIRI").statusCode());
    }

    @Test
    void rejectsABrokenBundleNamingEveryProblemAndKeepsThePreviousVersion() throws Exception {
        ObjectNode d = bisindo.deepCopy().put("code", "ADMIN-BROKEN-2026");
        assertEquals(201, upload(jar("evkin-instrument-admin-broken", "1.0.0", d), TOKEN).statusCode());
        ObjectNode broken = d.deepCopy().put("version", "1.1.0");
        ((ObjectNode) broken.withArray("items").get(0)).put("level", "AHLI_UTAMA");
        ((ObjectNode) broken.withArray("items").get(2)).put("code", broken.withArray("items").get(1).path("code").asText());
        ((ObjectNode) broken.withArray("items").get(3)).put("self", "");
        HttpResponse<String> r = upload(jar("evkin-instrument-admin-broken", "1.1.0", broken), TOKEN);
        assertEquals(422, r.statusCode(), r.body());
        JsonNode body = Distribution.JSON.readTree(r.body());
        assertEquals("Bundle instrumen ditolak; lihat daftar masalah.", body.path("message").asText());
        List<String> paths = body.path("problems").findValuesAsText("path");
        assertTrue(paths.containsAll(List.of("$.items[0].level", "$.items[2].code", "$.items[3].self")), paths.toString());
        assertEquals("1.0.0", evkin.getJson("/api/instruments/ADMIN-BROKEN-2026", 200).path("currentVersion").asText());

        ObjectNode lower = d.deepCopy().put("version", "0.9.0");
        r = upload(jar("evkin-instrument-admin-broken", "0.9.0", lower), TOKEN);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("lower than version 1.0.0"), r.body());

        HttpResponse<String> problems = send(HttpRequest.newBuilder(uri("/api/admin/instruments/problems")).header("Authorization",
                "Bearer " + TOKEN).GET());
        assertEquals(200, problems.statusCode());
        assertTrue(problems.body().contains("evkin-instrument-admin-broken"), problems.body());
    }

    @Test
    void rejectsWhatIsNotAnInstrumentBundle() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/admin/instruments")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofString("not a jar")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("bukan bundle instrumen"), r.body());
    }

    @Test
    void refusesWithoutTheToken() throws Exception {
        ObjectNode d = bisindo.deepCopy().put("code", "ADMIN-NOTOKEN-2026");
        HttpResponse<String> r = upload(jar("evkin-instrument-admin-notoken", "1.0.0", d), "wrong-token-wrong-token-wrong");
        assertEquals(401, r.statusCode());
        assertFalse(Files.exists(evkin.home.resolve("deploy/evkin-instrument-admin-notoken.jar")));
        assertEquals(404, evkin.get("/api/instruments/ADMIN-NOTOKEN-2026").statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(uri("/api/admin/instruments")).GET()).statusCode());
    }

    @Test
    void setsStatusAndPeriodAndRefusesAPeriodEndingBeforeItStarts() throws Exception {
        HttpResponse<String> r = schedule("COP-BISINDO-2025", "{\"status\":\"INACTIVE\",\"periodStart\":\"2026-01-05\",\"periodEnd\":\"2026-02-28\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = evkin.getJson("/api/instruments/COP-BISINDO-2025", 200);
        assertEquals("INACTIVE", s.path("status").asText());
        assertEquals("2026-01-05", s.path("periodStart").asText());
        r = schedule("COP-BISINDO-2025", "{\"status\":\"ACTIVE\",\"periodStart\":\"2026-03-01\",\"periodEnd\":\"2026-02-01\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("sebelum dimulai"), r.body());
        assertEquals("INACTIVE", evkin.getJson("/api/instruments/COP-BISINDO-2025", 200).path("status").asText(), "nothing changed");
        assertEquals(404, schedule("NO-SUCH-2026", "{\"status\":\"ACTIVE\"}").statusCode());
        assertEquals(400, schedule("COP-BISINDO-2025", "{\"status\":\"SOMETIMES\"}").statusCode());
    }

    @Test
    void withdrawsAProgramAndKeepsItsHistory() throws Exception {
        ObjectNode d = bisindo.deepCopy().put("code", "ADMIN-WITHDRAW-2026");
        assertEquals(201, upload(jar("evkin-instrument-admin-withdraw", "1.0.0", d), TOKEN).statusCode());
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/admin/instruments/ADMIN-WITHDRAW-2026"))
                .header("Authorization", "Bearer " + TOKEN).DELETE());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = evkin.getJson("/api/instruments/ADMIN-WITHDRAW-2026", 200);
        assertFalse(s.path("deployed").asBoolean());
        assertEquals("1.0.0", s.path("version").asText());
        assertEquals(404, evkin.get("/api/instruments/ADMIN-WITHDRAW-2026/form?level=AHLI_PERTAMA").statusCode());
    }

    /** Signs in through POST /api/auth/token (retrying while the first admin is being created) and returns the token. */
    static String login(Distribution evkin, String email, String password) throws Exception {
        String body = Distribution.JSON.writeValueAsString(java.util.Map.of("email", email, "password", password));
        HttpResponse<String> r = null;
        for (int i = 0; i < 100; i++) {
            r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + evkin.port + "/api/auth/token"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return Distribution.JSON.readTree(r.body()).path("token").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("cannot sign in: " + r.statusCode() + " " + r.body() + "\n" + evkin.log());
    }

    private static HttpResponse<String> schedule(String code, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/admin/instruments/" + code + "/schedule")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static byte[] jar(String bsn, String version, ObjectNode descriptor) throws Exception {
        Path tmp = Files.createTempDirectory(Path.of("target"), "jar").resolve(bsn + ".jar");
        InstrumentJars.write(tmp, bsn, version, descriptor);
        return Files.readAllBytes(tmp);
    }

    private static HttpResponse<String> upload(byte[] jar, String token) throws Exception {
        String boundary = "----evkin" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bundle.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jar);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/admin/instruments")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + evkin.port + path);
    }
}
