package org.evkin.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the bundled schema migrations in order, each once, recording them in schema_migration.
 * An existing database is only ever migrated forward; a changed applied script stops the start.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String DIR = "migrations/";

    private final List<Migration> all;

    Migrations(List<Migration> all) {
        this.all = List.copyOf(all);
    }

    /** The migrations listed in migrations/index.txt beside this class. */
    static Migrations bundled() {
        List<Migration> list = new ArrayList<>();
        for (String line : read(DIR + "index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                list.add(Migration.of(name, read(DIR + name)));
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).version() != i + 1) {
                throw new IllegalStateException("Migration " + list.get(i).version() + " is out of sequence; expected " + (i + 1));
            }
        }
        return new Migrations(list);
    }

    int latestVersion() {
        return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
    }

    /** Brings the schema up to date; returns the schema version afterwards. */
    int migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_migration ("
                    + " version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL,"
                    + " checksum CHAR(64) NOT NULL, applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            try (ResultSet rs = st.executeQuery("SELECT GET_LOCK('evkin_schema_migration', 60)")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("Another server holds the schema migration lock for more than 60 s");
                }
            }
        }
        try {
            Map<Integer, String> applied = new HashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_migration")) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            int highestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (highestApplied > latestVersion()) {
                throw new SQLException("The database schema is at version " + highestApplied
                        + " but this EvKin knows migrations up to " + latestVersion() + " only: it is older than the database");
            }
            for (Migration m : all) {
                String checksum = applied.get(m.version());
                if (checksum != null) {
                    if (!checksum.equals(m.checksum())) {
                        throw new SQLException("Schema migration V" + m.version() + " (" + m.description()
                                + ") was changed after it was applied; add a new migration instead");
                    }
                    continue;
                }
                apply(c, m);
            }
            return latestVersion();
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("DO RELEASE_LOCK('evkin_schema_migration')");
            }
        }
    }

    private void apply(Connection c, Migration m) throws SQLException {
        LOG.info("Applying schema migration V{}: {}", m.version(), m.description());
        try (Statement st = c.createStatement()) {
            for (String sql : m.statements()) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_migration (version, description, checksum) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.setString(3, m.checksum());
            ps.executeUpdate();
        }
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bundled resource " + resource, e);
        }
    }
}
