package org.evkin.distribution.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.evkin.distribution.Assembled;
import org.evkin.testing.Distribution;

/**
 * A copy of the assembled distribution (target/evkin) for the admin page tests, like {@link WebDistribution} but with
 * settings written into its config/ folder before it starts (mail server, links, reminders), and only when the
 * assembly holds the web bundle. Copying, starting, the log and stopping are {@link Distribution}'s.
 */
final class AdminDistribution implements AutoCloseable {

    static final String ADMIN_EMAIL = WebDistribution.ADMIN_EMAIL;
    static final String ADMIN_PASSWORD = WebDistribution.ADMIN_PASSWORD;

    final Path home;
    final int port;
    private final Distribution evkin;

    private AdminDistribution(Distribution evkin) {
        this.evkin = evkin;
        this.home = evkin.home;
        this.port = evkin.port;
    }

    /** Copies target/evkin to target/e2e/name; start it after writing settings. */
    static AdminDistribution copy(String name) throws IOException {
        try (Stream<Path> s = Files.list(Assembled.path().resolve("system"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            for (String prefix : List.of("org.evkin.web-", "freemarker-")) {
                if (names.stream().noneMatch(n -> n.startsWith(prefix) && n.endsWith(".jar"))) {
                    throw new AssertionError("The distribution has no " + prefix + "*.jar in system/: rebuild it with the web feature");
                }
            }
        }
        return new AdminDistribution(Assembled.copy(name));
    }

    /** Writes (replaces) config/file. */
    AdminDistribution config(String file, String content) throws IOException {
        evkin.writeConfig(file, content);
        return this;
    }

    /** Starts bin/evkin and waits until it serves and the first admin exists. */
    AdminDistribution start() throws Exception {
        evkin.startWithFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        String broken = log().lines().filter(l -> l.contains("Cannot start bundle org.evkin.web")).findFirst().orElse(null);
        if (broken != null) {
            throw new AssertionError("The web bundle did not start, so no page can be tested: " + broken);
        }
        return this;
    }

    String url(String path) {
        return evkin.url(path);
    }

    String log() {
        return evkin.log();
    }

    /** Lines of the log that look like a Java stack trace. */
    List<String> stackTraceLines() {
        return evkin.stackTraceLines();
    }

    @Override
    public void close() throws Exception {
        evkin.discard();
    }
}
