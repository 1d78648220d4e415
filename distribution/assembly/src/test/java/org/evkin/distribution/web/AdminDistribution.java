package org.evkin.distribution.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution (target/evkin) for the admin page tests, like {@link WebDistribution} but with
 * settings written into its config/ folder before it starts (mail server, links, reminders).
 */
final class AdminDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = WebDistribution.ADMIN_EMAIL;
    static final String ADMIN_PASSWORD = WebDistribution.ADMIN_PASSWORD;

    final Path home;
    final int port;
    private Process process;
    private Path log;

    private AdminDistribution(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Copies target/evkin to target/e2e/name; start it after writing settings. */
    static AdminDistribution copy(String name) throws IOException {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
        try (Stream<Path> s = Files.list(source.resolve("system"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            for (String prefix : List.of("org.evkin.web-", "freemarker-")) {
                if (names.stream().noneMatch(n -> n.startsWith(prefix) && n.endsWith(".jar"))) {
                    throw new AssertionError("The distribution has no " + prefix + "*.jar in system/: rebuild it with the web feature");
                }
            }
        }
        Path home = Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve(name).toAbsolutePath();
        WebDistribution.deleteTree(home);
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
        return new AdminDistribution(home, WebDistribution.freePort());
    }

    /** Writes (replaces) config/file. */
    AdminDistribution config(String file, String content) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Adds lines at the end of config/file. */
    AdminDistribution appendConfig(String file, String lines) throws IOException {
        Files.writeString(home.resolve("config").resolve(file), "\n" + lines + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    /** Starts bin/evkin and waits until it serves and the first admin exists. */
    AdminDistribution start() throws Exception {
        log = home.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("EVKIN_HTTP_PORT", Integer.toString(port), "EVKIN_ADMIN_EMAIL", ADMIN_EMAIL,
                "EVKIN_ADMIN_PASSWORD", ADMIN_PASSWORD));
        process = pb.start();
        await("EvKin is ready at http://127.0.0.1:" + port + "/", Duration.ofSeconds(120));
        await("First national admin " + ADMIN_EMAIL + " created", Duration.ofSeconds(60));
        String broken = log().lines().filter(l -> l.contains("Cannot start bundle org.evkin.web")).findFirst().orElse(null);
        if (broken != null) {
            throw new AssertionError("The web bundle did not start, so no page can be tested: " + broken);
        }
        return this;
    }

    private void await(String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("EvKin exited with " + process.exitValue() + " before '" + line + "':\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EvKin did not log '" + line + "' within " + timeout + ":\n" + log());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String log() {
        try {
            return log != null && Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the log that look like a Java stack trace. */
    List<String> stackTraceLines() {
        return log().lines().filter(l -> l.matches("^\\s+at [a-zA-Z_$].*\\(.*\\)$") || l.startsWith("Caused by:")).toList();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
