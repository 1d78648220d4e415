package org.evkin.distribution.web;

import java.io.IOException;
import java.nio.file.Path;
import org.evkin.distribution.Assembled;
import org.evkin.testing.Distribution;

/**
 * A copy of the assembled distribution (target/evkin) started as a real process for the browser tests, with the first
 * national admin from the environment. Copying, starting, the log and stopping are {@link Distribution}'s.
 */
final class WebDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kemnaker.go.id";
    static final String ADMIN_PASSWORD = "Rahasia-Admin-2025!";

    final Path home;
    final int port;
    private final Distribution evkin;

    private WebDistribution(Distribution evkin) {
        this.evkin = evkin;
        this.home = evkin.home;
        this.port = evkin.port;
    }

    /** Copies target/evkin to target/e2e/name, starts it and waits for the first admin. */
    static WebDistribution start(String name) throws Exception {
        WebDistribution d = new WebDistribution(Assembled.copy(name));
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
        return Distribution.freePort();
    }

    static void deleteTree(Path p) throws IOException {
        Distribution.deleteTree(p);
    }
}
