package org.evkin.distribution.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution (target/evkin) started as a real process for the browser tests, with the web
 * bundle and FreeMarker added to its system/ folder when the assembly does not contain them yet.
 */
final class WebDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";

    final Path home;
    final int port;
    private Process process;
    private Path log;

    private WebDistribution(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Copies target/evkin to target/e2e/name, adds missing web bundles, starts it and waits for the first admin. */
    static WebDistribution start(String name) throws Exception {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
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
        WebDistribution d = new WebDistribution(home, freePort());
        d.launch();
        return d;
    }

    private void launch() throws Exception {
        log = home.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/evkin").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("EVKIN_HTTP_PORT", Integer.toString(port), "EVKIN_ADMIN_EMAIL", ADMIN_EMAIL,
                "EVKIN_ADMIN_PASSWORD", ADMIN_PASSWORD));
        process = pb.start();
        await("EvKin is ready at http://127.0.0.1:" + port + "/", Duration.ofSeconds(120));
        // waiting for the account (rather than retrying sign-in) keeps failed attempts out of the login throttle
        await("First national admin " + ADMIN_EMAIL + " created", Duration.ofSeconds(60));
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
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
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
