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
            int exit = evkin.stop();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            assertTrue(evkin.log().contains("Embedded MariaDB stopped"), evkin.log());
            assertTrue(evkin.log().contains("EvKin stopped"), evkin.log());
            assertFalse(Distribution.alive(mariadb), "the embedded MariaDB must stop with EvKin");

            evkin.start().awaitReady(START);
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
}
