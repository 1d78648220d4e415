package org.evkin.distribution.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution (target/evkin) started with bin/evkin as a real process, with the first national
 * admin from the environment, and the HTTP calls the report tests make. One per test class.
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
    private Process process;
    private Path log;

    private ReportDistribution(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Copies target/evkin to target/e2e/name, starts it and waits until the first admin exists. */
    static ReportDistribution start(String name) throws Exception {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
        Path home = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve(name).toAbsolutePath();
        deleteTree(home);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = home.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        ReportDistribution d = new ReportDistribution(home, freePort());
        d.launch();
        return d;
    }

    private void launch() throws Exception {
        log = home.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("EVKIN_HTTP_PORT", Integer.toString(port), "EVKIN_ADMIN_EMAIL", ADMIN_EMAIL,
                "EVKIN_ADMIN_PASSWORD", ADMIN_PASSWORD));
        process = pb.start();
        await("EvKin is ready at http://127.0.0.1:" + port + "/", Duration.ofSeconds(120));
        await("First national admin " + ADMIN_EMAIL + " created", Duration.ofSeconds(60));
    }

    private void await(String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("EvKin exited with " + process.exitValue() + " before '" + line + "':\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EvKin did not log '" + line + "' within " + timeout + ":\n" + log());
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the log that look like a Java stack trace. */
    List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
