package org.evkin.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema migrations against a real embedded MariaDB: applied once, in order, never re-run or silently changed. */
class MigrationsTest {

    private static TestDatabase db;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = TestDatabase.start("migrations");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void bundledMigrationsApplyOnAFreshDatabaseAndAreIdempotent() throws Exception {
        try (Connection c = db.connect("fresh")) {
            Migrations bundled = Migrations.bundled();
            assertEquals(bundled.latestVersion(), bundled.migrate(c));
            insertStart(c);
            assertEquals(bundled.latestVersion(), bundled.migrate(c));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM server_start"), "a second migrate must not reset data");
            assertEquals(bundled.latestVersion(), count(c, "SELECT COUNT(*) FROM schema_migration"));
        }
    }

    @Test
    void anExistingDatabaseIsMigratedForwardKeepingItsData() throws Exception {
        Migration v1 = Migration.of("V001__one.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n");
        Migration v2 = Migration.of("V002__two.sql", "-- adds a column\nALTER TABLE t1 ADD COLUMN name VARCHAR(10);\n"
                + "UPDATE t1 SET name = 'x';\n");
        try (Connection c = db.connect("forward")) {
            assertEquals(1, new Migrations(List.of(v1)).migrate(c));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t1 (id) VALUES (7)");
            }
            assertEquals(2, new Migrations(List.of(v1, v2)).migrate(c));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM t1 WHERE id = 7 AND name = 'x'"));
        }
    }

    @Test
    void aChangedAppliedMigrationStopsTheStart() throws Exception {
        try (Connection c = db.connect("changed")) {
            new Migrations(List.of(Migration.of("V001__one.sql", "CREATE TABLE t1 (id INT);"))).migrate(c);
            SQLException e = assertThrows(SQLException.class, () -> new Migrations(
                    List.of(Migration.of("V001__one.sql", "CREATE TABLE t1 (id BIGINT);"))).migrate(c));
            assertTrue(e.getMessage().contains("was changed after it was applied"), e.getMessage());
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        try (Connection c = db.connect("newer")) {
            new Migrations(List.of(Migration.of("V001__one.sql", "CREATE TABLE t1 (id INT);"),
                    Migration.of("V002__two.sql", "CREATE TABLE t2 (id INT);"))).migrate(c);
            SQLException e = assertThrows(SQLException.class, () -> new Migrations(
                    List.of(Migration.of("V001__one.sql", "CREATE TABLE t1 (id INT);"))).migrate(c));
            assertTrue(e.getMessage().contains("older than the database"), e.getMessage());
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        Migration m = Migration.of("V003__x_y.sql", "-- c\nCREATE TABLE a (\n id INT\n);\n\nINSERT INTO a VALUES (1);\n");
        assertEquals(List.of("CREATE TABLE a (\n id INT\n)", "INSERT INTO a VALUES (1)"), m.statements());
        assertEquals("x y", m.description());
        assertThrows(IllegalArgumentException.class, () -> Migration.of("001.sql", ""));
    }

    private static void insertStart(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO server_start (started_at, version, host) VALUES (NOW(3), 't', 'h')");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
