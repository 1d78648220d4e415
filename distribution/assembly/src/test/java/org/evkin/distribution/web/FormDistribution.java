package org.evkin.distribution.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution for the personal-link browser tests: a real SMTP server (GreenMail) receives the
 * invitations, mail and invitation settings are written before the start (links point at this copy's port), and the
 * first admin comes from the environment. The web bundle and the jars it needs are added to system/ when the assembly
 * does not hold them yet (the module's latest build wins over an older one).
 */
final class FormDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/t/([A-Za-z0-9_-]{43})");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final int port;
    final GreenMail smtp;
    private Process process;
    private Path log;
    private String adminToken;

    private FormDistribution(Path home, int port, GreenMail smtp) {
        this.home = home;
        this.port = port;
        this.smtp = smtp;
    }

    static FormDistribution start(String name) throws Exception {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
        Path home = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve(name).toAbsolutePath();
        WebDistribution.deleteTree(home);
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
        int smtpPort = WebDistribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        FormDistribution d = new FormDistribution(home, WebDistribution.freePort(), smtp);
        Files.writeString(home.resolve("config/org.evkin.mail.cfg"), "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
        Files.writeString(home.resolve("config/org.evkin.invitations.cfg"), "base.url=http://127.0.0.1:" + d.port + "\n");
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

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    // ---- the JSON API, as the admin or behind a link ----

    String admin() throws Exception {
        if (adminToken == null) {
            adminToken = json(api("POST", "/api/auth/token", null, Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)), 200)
                    .path("token").asText();
        }
        return adminToken;
    }

    HttpResponse<String> api(String method, String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r, int expected) throws Exception {
        if (r.statusCode() != expected) {
            throw new AssertionError(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    // ---- invitations ----

    /** The token of the latest mail to this address that carries a personal link; waits up to 30 s for one. */
    String latestToken(String to, int atLeastMails) throws Exception {
        for (int i = 0; i < 300; i++) {
            String token = null;
            int mails = 0;
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
                    if (matcher.find()) {
                        token = matcher.group(1);
                        mails++;
                    }
                }
            }
            if (token != null && mails >= atLeastMails) {
                return token;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(atLeastMails + " mail(s) with a link did not reach " + to + "\n" + log());
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } finally {
            smtp.stop();
        }
    }
}
