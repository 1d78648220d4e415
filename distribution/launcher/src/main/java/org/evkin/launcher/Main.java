package org.evkin.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts EvKin: checks the settings, starts the embedded MariaDB unless config/org.evkin.store.cfg names an external
 * one, starts the framework, prints the URL once the API answers, and on Ctrl-C stops the framework, then MariaDB.
 */
public final class Main {

    static {
        setDefault("org.slf4j.simpleLogger.logFile", "System.out");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        setDefault("org.slf4j.simpleLogger.log.ch.vorburger", "warn");
        setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.mariadb", "warn");
        // Jersey warns about every resource registered as an instance ("does not implement any provider interfaces");
        // harmless, and the API registers its resources as instances on purpose.
        setDefault("org.slf4j.simpleLogger.log.org.glassfish.jersey.internal.inject.Providers", "error");
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        long t0 = System.nanoTime();
        Path home = Path.of(System.getProperty("evkin.home", ".")).toAbsolutePath().normalize();
        LauncherSettings settings;
        try {
            settings = LauncherSettings.load(home, System.getenv());
            checkPortFree(settings);
        } catch (LauncherSettings.SettingException e) {
            LOG.error("Not started: {}", e.getMessage());
            System.exit(2);
            return;
        }
        String version = Main.class.getPackage().getImplementationVersion();
        Map<String, String> frameworkProperties = new HashMap<>();
        frameworkProperties.put("evkin.version", version == null ? "dev" : version);
        EmbeddedDatabase database = null;
        String dataProblem = checkDataFolder(settings);
        if (settings.embeddedDatabase()) {
            if (dataProblem != null) {
                frameworkProperties.put("evkin.db.embedded.problem", dataProblem);
            } else {
                database = new EmbeddedDatabase(settings.dataDir, settings.workDir, settings.httpPort);
                try {
                    frameworkProperties.put("evkin.db.embedded.url", database.start());
                } catch (Exception e) {
                    String problem = "the embedded MariaDB in " + settings.dataDir.resolve("mariadb") + " did not start: " + oneLine(e);
                    LOG.error("{} (setting 'data.dir' in {})", problem, LauncherSettings.FILE);
                    frameworkProperties.put("evkin.db.embedded.problem", problem);
                    database.stop();
                    database = null;
                }
            }
        }
        Framework framework = new Framework(settings, frameworkProperties);
        EmbeddedDatabase db = database;
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                LOG.info("Stopping EvKin");
                framework.stop();
                if (db != null) {
                    db.stop();
                }
                LOG.info("EvKin stopped");
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "evkin-shutdown"));
        try {
            framework.start(home.resolve("system"));
        } catch (Exception e) {
            LOG.error("Not started: the OSGi framework failed: {}", oneLine(e));
            stop.run();
            System.exit(1);
            return;
        }
        String url = "http://" + (settings.httpHost.equals("0.0.0.0") ? "127.0.0.1" : settings.httpHost) + ":" + settings.httpPort + "/";
        if (waitUntilServing(url, settings.startTimeoutSeconds)) {
            LOG.info("EvKin is ready at {} (started in {} ms)", url, (System.nanoTime() - t0) / 1_000_000);
        } else {
            LOG.error("EvKin does not answer at {} after {} s; see the lines above, and {}api/health once it answers",
                    url, settings.startTimeoutSeconds, url);
        }
        try {
            framework.waitForStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.run();
    }

    private static void checkPortFree(LauncherSettings settings) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.httpHost), settings.httpPort));
        } catch (IOException e) {
            throw new LauncherSettings.SettingException("cannot listen on " + settings.httpHost + ":" + settings.httpPort
                    + " (" + oneLine(e) + "); another program may use the port. Change setting 'http.port' or 'http.host' in "
                    + LauncherSettings.FILE + " (or EVKIN_HTTP_PORT / EVKIN_HTTP_HOST)");
        }
    }

    /** Returns null when the data folder can be written, else a one-line problem naming the setting. */
    private static String checkDataFolder(LauncherSettings settings) {
        try {
            Files.createDirectories(settings.dataDir);
            Path probe = Files.createTempFile(settings.dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            Files.createDirectories(settings.workDir);
            return null;
        } catch (IOException | SecurityException e) {
            String problem = "data folder " + settings.dataDir + " cannot be used (" + oneLine(e)
                    + "); fix setting 'data.dir' in " + LauncherSettings.FILE + " or EVKIN_DATA_DIR";
            LOG.error(problem);
            return problem;
        }
    }

    private static boolean waitUntilServing(String url, int timeoutSeconds) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url + "api/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 503) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The message of an exception and its causes, on one line, without stack trace. */
    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
            }
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
