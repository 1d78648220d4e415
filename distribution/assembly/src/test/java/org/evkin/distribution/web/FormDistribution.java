package org.evkin.distribution.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.distribution.Assembled;
import org.evkin.testing.Distribution;

/**
 * A copy of the assembled distribution for the personal-link browser tests: a real SMTP server (GreenMail) receives the
 * invitations, mail and invitation settings are written before the start (links point at this copy's port), and the
 * first admin comes from the environment. Copying, starting, the log and stopping are {@link Distribution}'s.
 */
final class FormDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = WebDistribution.ADMIN_EMAIL;
    static final String ADMIN_PASSWORD = WebDistribution.ADMIN_PASSWORD;
    static final ObjectMapper JSON = Distribution.JSON;
    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/t/([A-Za-z0-9_-]{43})");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final int port;
    final GreenMail smtp;
    private final Distribution evkin;
    private String adminToken;

    private FormDistribution(Distribution evkin, GreenMail smtp) {
        this.evkin = evkin;
        this.home = evkin.home;
        this.port = evkin.port;
        this.smtp = smtp;
    }

    static FormDistribution start(String name) throws Exception {
        Assembled.path(); // fails before GreenMail starts when there is nothing to copy
        int smtpPort = Distribution.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start(); // before the copy picks its free port, so that the two cannot get the same one
        Distribution evkin = Assembled.copy(name);
        FormDistribution d = new FormDistribution(evkin, smtp);
        evkin.writeConfig("org.evkin.mail.cfg", "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort
                + "\nfrom.address=evkin@kemnaker.go.id\npoll.seconds=1\n");
        evkin.writeConfig("org.evkin.invitations.cfg", "base.url=http://127.0.0.1:" + d.port + "\n");
        evkin.startWithFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        return d;
    }

    String url(String path) {
        return evkin.url(path);
    }

    String log() {
        return evkin.log();
    }

    List<String> stackTraceLines() {
        return evkin.stackTraceLines();
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
            evkin.discard();
        } finally {
            smtp.stop();
        }
    }
}
