package org.evkin.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The launcher's settings: config/launcher.properties, overridden by system properties (-Devkin.http.port=…)
 * and environment variables (EVKIN_HTTP_PORT=…), in that order of strength (environment wins).
 */
final class LauncherSettings {

    static final String FILE = "config/launcher.properties";
    static final String STORE_FILE = "config/org.evkin.store.cfg";

    final Path home;
    final String httpHost;
    final int httpPort;
    final int httpThreads;
    final Path dataDir;
    final Path workDir;
    final String externalDbUrl;
    final int startTimeoutSeconds;

    private LauncherSettings(Path home, Properties launcher, Properties store, Map<String, String> env) {
        this.home = home;
        this.httpHost = get(launcher, env, "http.host", "127.0.0.1");
        this.httpPort = integer(launcher, env, "http.port", "8080", 1, 65535);
        this.httpThreads = integer(launcher, env, "http.threads", "16", 8, 1000);
        this.dataDir = home.resolve(get(launcher, env, "data.dir", "data")).normalize();
        this.workDir = home.resolve(get(launcher, env, "work.dir", "work")).normalize();
        this.startTimeoutSeconds = integer(launcher, env, "start.timeout.seconds", "120", 5, 3600);
        this.externalDbUrl = store.getProperty("url", "").strip();
    }

    static LauncherSettings load(Path home, Map<String, String> env) {
        return new LauncherSettings(home, read(home.resolve(FILE)), read(home.resolve(STORE_FILE)), env);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new SettingException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return p;
    }

    private static String get(Properties file, Map<String, String> env, String key, String fallback) {
        String envKey = "EVKIN_" + key.toUpperCase().replace('.', '_');
        String value = env.get(envKey);
        if (value == null || value.isBlank()) {
            value = System.getProperty("evkin." + key);
        }
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(Properties file, Map<String, String> env, String key, String fallback, int min, int max) {
        String raw = get(file, env, key, fallback);
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SettingException("setting '" + key + "' in " + FILE + " (or EVKIN_" + key.toUpperCase().replace('.', '_')
                    + ") must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
        }
    }

    boolean embeddedDatabase() {
        return externalDbUrl.isEmpty();
    }

    /** A wrong setting: the message names it and is shown to the operator as one line. */
    static final class SettingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettingException(String message) {
            super(message);
        }
    }
}
