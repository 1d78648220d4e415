package org.evkin.distribution.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.evkin.distribution.Assembled;
import org.evkin.testing.Distribution;

/**
 * A copy of the assembled distribution (target/evkin) started with bin/evkin as a real process, with the first national
 * admin from the environment, and the HTTP calls the report tests make. One per test class. Copying, starting, the log
 * and stopping are {@link Distribution}'s.
 */
final class ReportDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";

    /** Reads decimals as BigDecimal, so that 3.405 stays 3.405. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    final Path home;
    final int port;
    private final Distribution evkin;

    private ReportDistribution(Distribution evkin) {
        this.evkin = evkin;
        this.home = evkin.home;
        this.port = evkin.port;
    }

    /** Copies target/evkin to target/e2e/name, starts it and waits until the first admin exists. */
    static ReportDistribution start(String name) throws Exception {
        ReportDistribution d = new ReportDistribution(Assembled.copy(name));
        d.evkin.startWithFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        return d;
    }

    /** Signs in and returns the API token. */
    String login(String email, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/auth/token", null, Map.of("email", email, "password", password));
        if (r.statusCode() != 200) {
            throw new AssertionError("cannot sign in as " + email + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("token").asText();
    }

    /** Waits until every one of these programs is served. */
    void awaitPrograms(List<String> codes) throws Exception {
        for (String code : codes) {
            for (int i = 0; i < 600 && get("/api/instruments/" + code, null).statusCode() != 200; i++) {
                Thread.sleep(100);
            }
        }
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String path, String token, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET that must answer 200 with JSON. */
    JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** GET that must answer 200; the body's bytes. */
    byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = getBytes(path, token, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    HttpResponse<String> send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POST/PUT of JSON that must answer this status; the answer. */
    JsonNode call(String method, String path, String token, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, token, body);
        if (r.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + " instead of " + expected + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POST of a CSV file (an import) that must answer 200; the answer. */
    JsonNode postCsv(String path, String token, byte[] csv) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request(path, token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            String body = r.body();
            throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": "
                    + (body.length() > 4000 ? body.substring(0, 4000) + "…" : body));
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(evkin.url(path))).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Lines of the log that look like a Java stack trace. */
    List<String> stackTraceLines() {
        return evkin.stackTraceLines();
    }

    @Override
    public void close() throws Exception {
        evkin.discard();
    }
}
