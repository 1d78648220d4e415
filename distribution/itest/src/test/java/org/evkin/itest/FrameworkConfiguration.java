package org.evkin.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * The Pax Exam configuration shared by the in-framework tests: EvKin as the distribution runs it, inside a real Felix:
 * exactly the bundles of the four features (from target/bundles, as files), the real config/ read by FileInstall,
 * Declarative Services started after every library, and an embedded MariaDB started outside the framework, its URL
 * handed in as framework property.
 * <p>
 * Runs in the test JVM ("driver") only, before the framework starts: like the test classes it names no product type
 * (org.evkin.* outside this package, Jackson, ...), because the driver has no product on its class path. Each test
 * class (reactor strategy PerClass) gets its own framework; the database is one per test JVM ({@link EmbeddedMariaDb}).
 */
final class FrameworkConfiguration {

    /** As in the launcher's Framework.java: SLF4J 2.x (and its 1.7-compatible versions) from the class path. */
    static final String[] SYSTEM_PACKAGES_EXTRA = {
        "org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17", "org.slf4j.helpers;version=2.0.17",
        "org.slf4j.spi;version=2.0.17", "org.slf4j;version=1.7.36", "org.slf4j.event;version=1.7.36",
        "org.slf4j.helpers;version=1.7.36", "org.slf4j.spi;version=1.7.36", "sun.misc"};

    /** Pax Exam's own bundles start at 2, provisioned ones at 3 by default, the probe at 5. */
    static final int START_LEVEL_LIBRARIES = 3;
    /** Declarative Services after every library, so that Jersey/HK2's osgi-resource-locator is active before any component. */
    static final int START_LEVEL_SCR = 4;
    static final String SCR = "org.apache.felix.scr";

    /** The bisindo descriptor in the source tree (system property set by the pom; the fallback is relative to the module). */
    private static final String DESCRIPTOR_SOURCE =
            "../../bundles/instruments/cop-bisindo-2025/src/main/resources/EVKIN-INF/instrument.json";

    private FrameworkConfiguration() {
    }

    static Option[] options() throws IOException {
        Path bundles = path("evkin.itest.bundles", "target/bundles");
        Path home = path("evkin.itest.home", "target/itest-home");
        Path work = path("evkin.itest.work", "target/itest-work");
        Path descriptor = path("evkin.itest.instrument.descriptor", DESCRIPTOR_SOURCE);
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("data"));

        String databaseUrl = EmbeddedMariaDb.url(work);
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(work.resolve("paxexam").toString()));
        options.add(cleanCaches(true));
        // system packages as options, not as frameworkProperty(org.osgi.framework.system.packages.extra): that
        // property would replace the packages Pax Exam itself exports (org.ops4j.pax.exam.*) and the probe fails
        options.add(systemPackages(SYSTEM_PACKAGES_EXTRA));
        options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(freePort())));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("org.apache.felix.http.jetty.sendServerHeader").value("false"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("config").toString()));
        options.add(frameworkProperty("felix.fileinstall.filter").value(".*\\.(cfg|config)"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("1000"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("2"));
        options.add(frameworkProperty("felix.log.level").value("2"));
        options.add(frameworkProperty("evkin.home").value(home.toString()));
        options.add(frameworkProperty("evkin.data.dir").value(home.resolve("data").toString()));
        options.add(frameworkProperty("evkin.version").value("itest"));
        options.add(frameworkProperty("evkin.db.embedded.url").value(databaseUrl));
        // compile-time constants of the check classes: inlined here, the driver does not load those classes
        options.add(frameworkProperty(FrameworkChecks.BUNDLES_DIR_PROPERTY).value(bundles.toString()));
        options.add(frameworkProperty(InstrumentLifecycleChecks.DESCRIPTOR_PROPERTY).value(descriptor.toString()));
        options.add(junitBundles());

        List<Path> jars;
        try (Stream<Path> s = Files.list(bundles)) {
            jars = s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No bundles in " + bundles + "; run 'mvn -f distribution/itest/pom.xml pre-integration-test' first");
        }
        for (Path jar : jars) {
            String[] header = headers(jar);
            UrlProvisionOption option = bundle(jar.toUri().toString());
            option.startLevel(SCR.equals(header[0]) ? START_LEVEL_SCR : START_LEVEL_LIBRARIES);
            if (header[1] != null) {
                option.noStart(); // a fragment: Pax Exam would call start() on it and fail
            }
            options.add(option);
        }
        return options.toArray(new Option[0]);
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    /** Bundle-SymbolicName (without directives) and Fragment-Host of a jar. */
    private static String[] headers(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            var manifest = f.getManifest();
            if (manifest == null) {
                throw new IllegalStateException(jar + " has no manifest: not a bundle");
            }
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null) {
                throw new IllegalStateException(jar + " has no Bundle-SymbolicName: not a bundle");
            }
            return new String[] {bsn.split(";")[0].strip(), manifest.getMainAttributes().getValue("Fragment-Host")};
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
