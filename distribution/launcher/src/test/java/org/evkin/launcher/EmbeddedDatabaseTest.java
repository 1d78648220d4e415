package org.evkin.launcher;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    /** The web server's port is checked free but bound only after MariaDB started: MariaDB must never get it. */
    @Test
    void mariaDbNeverGetsTheWebServersPort() throws Exception {
        for (int i = 0; i < 200; i++) {
            int http;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                http = s.getLocalPort(); // free again once closed, as the web server's port is before Jetty binds it
            }
            int db = EmbeddedDatabase.freePort(http);
            assertNotEquals(http, db);
            assertTrue(db > 0 && db < 65536, "a port: " + db);
        }
    }
}
