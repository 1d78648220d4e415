package org.evkin.distribution.web;

import java.io.IOException;
import java.nio.file.Path;
import org.evkin.distribution.RunningDistribution;

/**
 * A copy of the assembled distribution (target/evkin) started as a real process for the browser tests, with the first
 * national admin from the environment. Copying, starting, the log and stopping are {@link RunningDistribution}'s.
 */
final class WebDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";

    final Path home;
    final int port;
    private final RunningDistribution evkin;

    private WebDistribution(RunningDistribution evkin) {
        this.evkin = evkin;
        this.home = evkin.home;
        this.port = evkin.port;
    }

    /** Copies target/evkin to target/e2e/name, starts it and waits for the first admin. */
    static WebDistribution start(String name) throws Exception {
        WebDistribution d = new WebDistribution(RunningDistribution.copy(name));
        d.evkin.startWithFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        return d;
    }

    String url(String path) {
        return evkin.url(path);
    }

    @Override
    public void close() throws Exception {
        evkin.discard();
    }

    static int freePort() throws IOException {
        return RunningDistribution.freePort();
    }

    static void deleteTree(Path p) throws IOException {
        RunningDistribution.deleteTree(p);
    }
}
