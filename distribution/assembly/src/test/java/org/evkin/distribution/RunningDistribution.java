package org.evkin.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution (target/evkin) in its own folder, started with bin/evkin as a real process,
 * reached over real HTTP. One copy per test class keeps the embedded database of each test its own.
 */
final class RunningDistribution implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path home;
    final int port;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private Path log;
    private int runs;

    private RunningDistribution(Path home, int port) {
        this.home = home;
        this.port = port;
        env.put("EVKIN_HTTP_PORT", Integer.toString(port));
    }

    /** Copies target/evkin to target/e2e/name (replacing an earlier copy). */
    static RunningDistribution copy(String name) throws IOException {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        Path home = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve(name).toAbsolutePath();
        deleteTree(home);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = home.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new RunningDistribution(home, freePort());
    }

    RunningDistribution env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Starts bin/evkin; its output goes to logs/run-N.log. */
    RunningDistribution start() throws IOException {
        runs++;
        log = home.resolve("run-" + runs + ".log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until the launcher says it is ready (the line with the URL); fails with the log if it does not. */
    RunningDistribution awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains("EvKin is ready at http://127.0.0.1:" + port + "/")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("EvKin exited with " + process.exitValue() + " before it was ready:\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EvKin was not ready within " + timeout + ":\n" + log());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("EvKin did not exit within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** Stops like Ctrl-C / a service manager does (SIGTERM runs the shutdown hook); returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /** kill -9: no shutdown hook, the embedded MariaDB is left behind as it would be after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the current run's log that look like a Java stack trace. */
    List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + " instead of " + expectedStatus + ": "
                    + r.body() + "\nlog:\n" + log());
        }
        return JSON.readTree(r.body());
    }

    /** Whether a process with this pid still runs (e.g. the embedded mariadbd). */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    long embeddedDatabasePid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/mariadb/evkin-mariadb.pid")).strip());
    }

    void writeConfig(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
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
