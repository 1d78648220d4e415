package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/** A wrong setting gives one clear log line naming it, and /api/health says what is down; no stack traces. */
class BadSettingsIT {

    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void unreachableExternalDatabase() throws Exception {
        try (Distribution evkin = Assembled.copy("bad-jdbc")) {
            int closed = Distribution.freePort();
            evkin.writeConfig("org.evkin.store.cfg", "url=jdbc:mariadb://127.0.0.1:" + closed + "/evkin\nuser=evkin\npassword=x\n"
                    + "retry.seconds=2\n");
            evkin.start().awaitReady(START);
            JsonNode health = awaitDatabaseProblem(evkin);
            assertEquals("DOWN", health.path("status").asText());
            assertEquals("UP", health.path("framework").path("status").asText(), health.toString());
            String problem = health.path("database").path("problem").asText();
            assertTrue(problem.contains("setting 'url' in config/org.evkin.store.cfg"), problem);
            assertTrue(evkin.log().contains("setting 'url' in config/org.evkin.store.cfg"), evkin.log());
            assertEquals(1, errorLines(evkin).size(), "one error line, retries do not repeat it:\n" + evkin.log());
            assertTrue(!Files.exists(evkin.home.resolve("data/mariadb")), "no embedded MariaDB with an external URL");
            assertEquals(List.of(), evkin.stackTraceLines());
        }
    }

    @Test
    void malformedJdbcUrl() throws Exception {
        try (Distribution evkin = Assembled.copy("malformed-jdbc")) {
            evkin.writeConfig("org.evkin.store.cfg", "url=postgresql://db.example/evkin\n");
            evkin.start().awaitReady(START);
            JsonNode health = awaitDatabaseProblem(evkin);
            String problem = health.path("database").path("problem").asText();
            assertTrue(problem.contains("is not a MariaDB JDBC URL") && problem.contains("'url'"), problem);
            assertEquals(1, errorLines(evkin).size(), evkin.log());
            assertEquals(List.of(), evkin.stackTraceLines());
        }
    }

    @Test
    void portInUse() throws Exception {
        try (Distribution evkin = Assembled.copy("port-in-use");
                ServerSocket occupier = new ServerSocket()) {
            occupier.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), evkin.port));
            evkin.start();
            assertEquals(2, evkin.awaitExit(Duration.ofSeconds(60)), evkin.log());
            List<String> errors = errorLines(evkin);
            assertEquals(1, errors.size(), evkin.log());
            assertTrue(errors.get(0).contains("'http.port'") && errors.get(0).contains(Integer.toString(evkin.port)), errors.get(0));
            assertTrue(!Files.exists(evkin.home.resolve("data/mariadb")), "nothing started before the check");
            assertEquals(List.of(), evkin.stackTraceLines());
        }
    }

    @Test
    void requestThreadsOutOfRange() throws Exception {
        try (Distribution evkin = Assembled.copy("bad-threads")) {
            evkin.env("EVKIN_HTTP_THREADS", "4").start();
            assertEquals(2, evkin.awaitExit(Duration.ofSeconds(60)), evkin.log());
            List<String> errors = errorLines(evkin);
            assertEquals(1, errors.size(), evkin.log());
            assertTrue(errors.get(0).contains("'http.threads'") && errors.get(0).contains("from 8 to 1000") && errors.get(0).contains("'4'"),
                    errors.get(0));
            assertTrue(!Files.exists(evkin.home.resolve("data/mariadb")), "nothing started before the check");
            assertEquals(List.of(), evkin.stackTraceLines());
        }
    }

    @Test
    void unusableDataFolder() throws Exception {
        try (Distribution evkin = Assembled.copy("bad-data")) {
            Files.writeString(evkin.home.resolve("not-a-folder"), "a file where the data folder should be");
            evkin.env("EVKIN_DATA_DIR", "not-a-folder").start().awaitReady(START);
            JsonNode health = evkin.getJson("/api/health", 503);
            String problem = health.path("database").path("problem").asText();
            assertTrue(problem.contains("data folder") && problem.contains("'data.dir'"), problem);
            assertEquals("UP", health.path("framework").path("status").asText(), health.toString());
            List<String> errors = errorLines(evkin);
            assertTrue(errors.get(0).contains("'data.dir'"), evkin.log());
            assertEquals(List.of(), evkin.stackTraceLines());
        }
    }

    private static JsonNode awaitDatabaseProblem(Distribution evkin) throws Exception {
        JsonNode health = null;
        for (int i = 0; i < 100; i++) {
            health = evkin.getJson("/api/health", 503);
            if (health.path("database").path("problem").isTextual()) {
                return health;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no database problem reported: " + health);
    }

    private static List<String> errorLines(Distribution evkin) {
        return evkin.log().lines().filter(l -> l.contains("[ERROR]")).toList();
    }
}
