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
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * EvKin as the distribution runs it, inside a real Felix: exactly the bundles of the four features (from
 * target/bundles, as files), the real config/ read by FileInstall, Declarative Services started after every library,
 * and an embedded MariaDB started outside the framework, its URL handed in as framework property.
 * <p>
 * Two sides: {@link #config()} runs in the test JVM ("driver") before the framework starts; the test methods run
 * inside the framework, in the probe bundle. The driver instantiates this class and reads its method signatures
 * without the product on its class path, so this class names no product type (org.evkin.*, Jackson, ...): the checks
 * live in {@link FrameworkChecks}, which only the probe loads. Pax Exam runs {@code @BeforeClass}/{@code @AfterClass}
 * inside the framework, per method: the database is therefore started by {@link #config()} and stopped by a shutdown
 * hook, after Pax Exam has stopped the framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvKinFrameworkIT {

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

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        Path bundles = directory("evkin.itest.bundles", "target/bundles");
        Path home = directory("evkin.itest.home", "target/itest-home");
        Path work = directory("evkin.itest.work", "target/itest-work");
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
        options.add(frameworkProperty(FrameworkChecks.BUNDLES_DIR_PROPERTY).value(bundles.toString()));
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

    @Test
    public void everyBundleIsActive() {
        FrameworkChecks.everyBundleIsActive(context);
    }

    @Test
    public void everyComponentIsActive() throws Exception {
        FrameworkChecks.everyComponentIsActive(context);
    }

    @Test
    public void servicesAnswer() throws Exception {
        FrameworkChecks.servicesAnswer(context);
    }

    @Test
    public void httpApiAnswers() throws Exception {
        FrameworkChecks.httpApiAnswers(context);
    }

    private static Path directory(String property, String fallback) {
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
