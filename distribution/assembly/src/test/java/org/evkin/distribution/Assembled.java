package org.evkin.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evkin.testing.Distribution;

/** This module's assembled distribution (target/evkin) and the copies its end-to-end tests run (target/e2e/NAME). */
public final class Assembled {

    private Assembled() {
    }

    /** The assembled distribution (target/evkin, or the evkin.distribution property); fails clearly when there is none. */
    public static Path path() {
        Path source = Path.of(System.getProperty("evkin.distribution", "target/evkin"));
        if (!Files.isDirectory(source.resolve("system"))) {
            throw new AssertionError("No assembled distribution at " + source.toAbsolutePath() + ": run mvn verify on distribution/assembly");
        }
        return source;
    }

    /** Copies target/evkin to target/e2e/name (replacing an earlier copy) and picks a free port for it. */
    public static Distribution copy(String name) throws IOException {
        return Distribution.copy(path(), Path.of(System.getProperty("evkin.e2e.dir", "target/e2e")).resolve(name).toAbsolutePath());
    }
}
