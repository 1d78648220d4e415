package org.evkin.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Felix framework with every bundle of system/ installed and started; FileInstall takes config/ and deploy/. */
final class Framework {

    private static final Logger LOG = LoggerFactory.getLogger(Framework.class);

    /** Packages of the launcher class path that bundles import: SLF4J, in its 2.x and its 1.7-compatible versions. */
    static final String SYSTEM_PACKAGES_EXTRA = String.join(",",
            "org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17",
            "org.slf4j.spi;version=2.0.17", "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36",
            "org.slf4j.helpers;version=1.7.36", "org.slf4j.spi;version=1.7.36", "sun.misc");

    private static final String SCR = "org.apache.felix.scr";
    /** Felix HTTP's Jetty bundle (org.apache.felix.http.jetty12), which opens the port when it starts. */
    private static final String HTTP = "org.apache.felix.http.jetty";
    /** Services (java.lang.Runnable) run before anything stops: org.evkin.web's closing of the public port. */
    static final String STOP_FIRST = "(evkin.stop=first)";

    /** The public port's listen backlog: connections the kernel completes before Jetty accepts them. */
    static final int ACCEPT_QUEUE = 1024;

    private final Felix felix;

    Framework(LauncherSettings settings, Map<String, String> extraProperties) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, settings.workDir.resolve("felix-cache").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        p.put("felix.log.logger", new FelixLogBridge());
        p.put("felix.log.level", "2");
        // Felix HTTP listens only on an internal loopback port (a free one); org.evkin.web opens the public port
        // once EvKin answers on the internal one and closes it first on a stop (its PublicPort), so no client ever
        // meets Jetty's bare 404 of a server without its servlets
        p.put("org.osgi.service.http.port", Integer.toString(internalPort(settings.httpPort)));
        p.put("org.apache.felix.http.host", "127.0.0.1");
        p.put("evkin.http.port", Integer.toString(settings.httpPort));
        p.put("evkin.http.host", settings.httpHost);
        // a bounded pool: past the database pool's 16 connections more threads only wait (and time out with a 503)
        p.put("org.apache.felix.http.jetty.threadpool.max", Integer.toString(settings.httpThreads));
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // the listen backlog (the public connector takes it over): Jetty's 0 is the JDK's 50, which 256 raters
        // reconnecting at once after a restart overflowed ("Possible SYN flooding ... Sending cookies" in the kernel's
        // log; where SYN cookies are off, the SYNs beyond it are dropped and the phones retry after 1, 3, 7 s); the
        // kernel caps it at net.core.somaxconn
        p.put("org.apache.felix.http.jetty.acceptQueueSize", Integer.toString(ACCEPT_QUEUE));
        p.put("felix.fileinstall.dir", settings.home.resolve("config").toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "2");
        p.put("evkin.home", settings.home.toString());
        p.put("evkin.data.dir", settings.dataDir.toString());
        p.putAll(extraProperties);
        this.felix = new Felix(p);
    }

    /** A free loopback port for Felix HTTP, never the public one (which is bound only later, by org.evkin.web). */
    private static int internalPort(int publicPort) {
        try {
            return EmbeddedDatabase.freePort(publicPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs and starts every bundle in systemDir; a bundle that fails is named in one log line, the rest go on. */
    void start(Path systemDir) throws BundleException, IOException {
        felix.init();
        List<Path> jars;
        try (Stream<Path> s = Files.list(systemDir)) {
            jars = s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(felix.getBundleContext().installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                LOG.error("Cannot install bundle {}: {}", jar.getFileName(), Main.oneLine(e));
            }
        }
        felix.start();
        List<Bundle> order = new ArrayList<>(installed);
        order.sort(Comparator.comparingInt(b -> startRank(b.getSymbolicName())));
        for (Bundle b : order) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                LOG.error("Cannot start bundle {}: {}", b.getSymbolicName(), Main.oneLine(e));
            }
        }
        LOG.info("Framework started with {} bundles", installed.size());
    }

    /**
     * The web server starts after every other library, so that what a bundle activator registers for the whiteboard
     * (org.evkin.web's 503 "starting" servlets) is there when it starts (the public port opens only once they answer,
     * see the constructor). Declarative Services starts last, so that every library (e.g. the service locators Jersey
     * and HK2 need) is active before the first component runs.
     */
    static int startRank(String symbolicName) {
        if (SCR.equals(symbolicName)) {
            return 2;
        }
        return symbolicName != null && symbolicName.startsWith(HTTP) ? 1 : 0;
    }

    /**
     * Closes the public port first (org.evkin.web's {@link #STOP_FIRST} service: new clients are refused, the requests
     * in progress finish), while everything behind it still answers; then stops the components (Declarative
     * Services), then the web server, then the rest. With Felix HTTP's own port public, Jetty answered its bare
     * "HTTP ERROR 404" in the moment between taking the servlets away and closing the port.
     */
    void stop() {
        runStopFirst();
        for (int rank = 2; rank >= 1; rank--) {
            for (Bundle b : felix.getBundleContext().getBundles()) {
                if (startRank(b.getSymbolicName()) == rank && b.getState() == Bundle.ACTIVE) {
                    try {
                        b.stop(Bundle.STOP_TRANSIENT);
                    } catch (BundleException | RuntimeException e) {
                        LOG.warn("Bundle {} did not stop cleanly: {}", b.getSymbolicName(), Main.oneLine(e));
                    }
                }
            }
        }
        try {
            felix.stop();
            FrameworkEvent e = felix.waitForStop(30_000);
            if (e.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within 30 s");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.warn("The framework did not stop cleanly: {}", Main.oneLine(e));
        }
    }

    private void runStopFirst() {
        if (felix.getBundleContext() == null) {
            return;
        }
        try {
            ServiceReference<?>[] refs = felix.getBundleContext().getServiceReferences(Runnable.class.getName(), STOP_FIRST);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object service = felix.getBundleContext().getService(ref);
                if (service instanceof Runnable r) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Closing before the stop failed: {}", Main.oneLine(e));
                    } finally {
                        felix.getBundleContext().ungetService(ref);
                    }
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("Closing before the stop failed: {}", Main.oneLine(e));
        }
    }

    void waitForStop() throws InterruptedException {
        felix.waitForStop(0);
    }

    int state() {
        return felix.getState();
    }
}
