package org.evkin.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.evkin.instrument.DeploymentProblem;
import org.evkin.instrument.DeploymentProblem.Problem;
import org.evkin.instrument.Instrument;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.store.DatabaseHealth;
import org.evkin.store.DatabaseStatus;
import org.evkin.store.InstrumentStore;
import org.evkin.store.StoredInstrument;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The instrument life cycle checks, run inside the framework (loaded by the probe bundle only). Instrument bundles are
 * built in memory (manifest + EVKIN-INF/instrument.json, from the COP-BISINDO-2025 descriptor with the code
 * {@value #CODE}) and installed, updated and uninstalled through the BundleContext; what the extender serves is read
 * from the service registry (Instrument services, property instrument.code) and from the InstrumentRegistry.
 * <p>
 * Steps 1 to 5 are one scenario on one bundle (location {@value #LOCATION}); the state between them is the framework
 * itself plus {@link #stepsDone}. Every wait is bounded; a failing check names what it saw.
 */
final class InstrumentLifecycleChecks {

    /** Framework property: the descriptor file the test instruments are made from. */
    static final String DESCRIPTOR_PROPERTY = "evkin.itest.instrument.descriptor";

    static final String CODE = "ITEST-LIFECYCLE-2026";
    static final String LOCATION = "itest:instrument/lifecycle";
    static final String BSN = "org.evkin.itest.instrument.lifecycle";
    static final String MISSING_LOCATION = "itest:instrument/missing-descriptor";
    static final String MISSING_CODE = "ITEST-MISSING-2026";
    static final String DESCRIPTOR = "EVKIN-INF/instrument.json";
    static final String REQUIRE_EXTENDER =
            "osgi.extender;filter:=\"(&(osgi.extender=org.evkin.instrument)(version>=1.0.0)(!(version>=2.0.0)))\"";

    /** The extender's grace period before it withdraws a stopped bundle (InstrumentExtender.GRACE_MS). */
    static final Duration GRACE = Duration.ofMillis(3000);
    /** How long a deployment may take to show in the service registry or the registry's problems. */
    static final Duration DEPLOY_WAIT = Duration.ofSeconds(10);
    /** How soon an uninstalled bundle's service must be gone. */
    static final Duration UNINSTALL_WAIT = Duration.ofSeconds(2);
    /** The product (registry component, database) must be up this soon after the first check began. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Consumer<ObjectNode> UNCHANGED = d -> {
    };

    /** The lifecycle steps completed so far (the probe keeps this class loaded for all test methods). */
    private static int stepsDone;
    /** The checksum of version 1.0.0 as deployed in step 1. */
    private static String checksum100;
    /** The checksum of version 1.1.0 as deployed in step 2. */
    private static String checksum110;

    private InstrumentLifecycleChecks() {
    }

    /** 1. install + start v1.0.0: exactly one Instrument service, version 1.0.0, and current(code) is 1.0.0. */
    static void installServesFirstVersion(BundleContext context) throws Exception {
        step(1);
        InstrumentRegistry registry = ready(context);
        assertNull("a bundle is already installed at " + LOCATION, context.getBundle(LOCATION));
        assertEquals("Instrument services for " + CODE + " before the install (the database is new each run)",
                List.of(), versions(context));
        assertEquals("registry summary of " + CODE + " before the install", Optional.empty(), registry.summary(CODE));

        Bundle bundle;
        try (InputStream in = jar(BSN, "1.0.0", DESCRIPTOR, Map.of(DESCRIPTOR, descriptor(context, "1.0.0", UNCHANGED)))) {
            bundle = context.installBundle(LOCATION, in);
        }
        bundle.start();
        assertEquals("state of " + BSN + " after start()", Bundle.ACTIVE, bundle.getState());

        awaitVersions(context, List.of("1.0.0"), DEPLOY_WAIT, "after installing and starting " + BSN + " 1.0.0", registry);
        ServiceReference<Instrument> ref = single(context);
        assertEquals("source.bundle.id of the Instrument service", bundle.getBundleId(), ref.getProperty("source.bundle.id"));
        Instrument service = context.getService(ref);
        try {
            assertEquals("code of the served definition", CODE, service.definition().code());
            assertEquals("version of the served definition", "1.0.0", service.definition().version());
            assertEquals("sourceBundle of the Instrument service", BSN + " 1.0.0", service.sourceBundle());
        } finally {
            context.ungetService(ref);
        }
        InstrumentDefinition current = registry.current(CODE)
                .orElseThrow(() -> new AssertionError("registry.current(" + CODE + ") is empty after the deploy"));
        assertEquals("registry.current(" + CODE + ").version()", "1.0.0", current.version());
        checksum100 = current.checksum();
        InstrumentSummary summary = summary(registry);
        assertTrue("summary says deployed: " + summary, summary.deployed());
        assertEquals("summary's current version: " + summary, "1.0.0", summary.currentVersion());
        assertEquals("summary's versions: " + summary, List.of("1.0.0"), summary.versions());
        stepsDone = 1;
    }

    /**
     * 2. update to v1.1.0: the new version is served, and at no moment during the update (nor during the extender's
     * grace period after it) is there no Instrument service for the code; version 1.0.0 stays readable.
     */
    static void updateServesNewVersionWithoutGap(BundleContext context) throws Exception {
        step(2);
        InstrumentRegistry registry = ready(context);
        Bundle bundle = lifecycleBundle(context);
        ServiceReference<Instrument> before = single(context);
        assertEquals("version served before the update", "1.0.0", before.getProperty(Instrument.VERSION));

        try (Watch watch = new Watch(context)) {
            watch.update(bundle, jar(BSN, "1.1.0", DESCRIPTOR, Map.of(DESCRIPTOR, descriptor(context, "1.1.0", UNCHANGED))));
            awaitVersions(context, List.of("1.1.0"), DEPLOY_WAIT, "after updating " + BSN + " to 1.1.0", registry);
            // past the grace period: the withdrawal scheduled when the old revision stopped must not strike the new one
            watch.keepWatching(GRACE.plusMillis(500));
            watch.assertNeverEmpty("updating 1.0.0 -> 1.1.0");
        }
        assertEquals("state of " + BSN + " after update()", Bundle.ACTIVE, bundle.getState());
        assertEquals("Bundle-Version after update()", "1.1.0", bundle.getVersion().toString());
        assertNull("the 1.0.0 Instrument service is still registered after the update", before.getBundle());
        ServiceReference<Instrument> after = single(context);
        assertEquals("source.bundle.id after the update (same bundle)", bundle.getBundleId(), after.getProperty("source.bundle.id"));

        InstrumentDefinition current = registry.current(CODE)
                .orElseThrow(() -> new AssertionError("registry.current(" + CODE + ") is empty after the update"));
        assertEquals("registry.current(" + CODE + ").version() after the update", "1.1.0", current.version());
        checksum110 = current.checksum();
        InstrumentDefinition old = registry.version(CODE, "1.0.0")
                .orElseThrow(() -> new AssertionError("registry.version(" + CODE + ", 1.0.0) is empty after the update"));
        assertEquals("registry.version(" + CODE + ", 1.0.0).version()", "1.0.0", old.version());
        assertEquals("checksum of registry.version(" + CODE + ", 1.0.0): not the definition deployed in step 1",
                checksum100, old.checksum());
        assertNotEquals("1.0.0 and 1.1.0 have the same checksum", checksum100, checksum110);
        assertEquals("summary's versions after the update", List.of("1.0.0", "1.1.0"), summary(registry).versions());
        stepsDone = 2;
    }

    /** 3. update to a broken v1.2.0 (an item of subkompetensi 16): rejected with its JSON path; 1.1.0 keeps serving. */
    static void brokenUpdateKeepsPreviousVersion(BundleContext context) throws Exception {
        step(3);
        InstrumentRegistry registry = ready(context);
        Bundle bundle = lifecycleBundle(context);
        List<DeploymentProblem> before = registry.problems();
        byte[] broken = descriptor(context, "1.2.0", d -> ((ObjectNode) d.path("items").path(0)).put("subcompetency", 16));

        try (Watch watch = new Watch(context)) {
            watch.update(bundle, jar(BSN, "1.2.0", DESCRIPTOR, Map.of(DESCRIPTOR, broken)));
            DeploymentProblem rejection = awaitProblem(registry, before, LOCATION, "$.items[0].subcompetency", null,
                    "after updating " + BSN + " to the broken 1.2.0");
            assertEquals("file of the rejection", DESCRIPTOR, rejection.file());
            assertEquals("bundle of the rejection", BSN + " 1.2.0", rejection.bundle());
            // past the grace period: the stopped 1.1.0 revision must not be withdrawn since no valid one replaced it
            watch.keepWatching(GRACE.plusMillis(500));
            watch.assertNeverEmpty("updating 1.1.0 -> broken 1.2.0");
        }
        assertEquals("state of " + BSN + " after update()", Bundle.ACTIVE, bundle.getState());
        assertKeepsServing110(context, registry, "after the broken 1.2.0 update");
        assertEquals("registry.version(" + CODE + ", 1.2.0): a rejected version must not be stored", Optional.empty(),
                registry.version(CODE, "1.2.0"));
        stepsDone = 3;
    }

    /** 4. update to v1.0.5 (valid, but lower than 1.1.0): rejected as lower; 1.1.0 keeps serving. */
    static void lowerVersionIsRejected(BundleContext context) throws Exception {
        step(4);
        InstrumentRegistry registry = ready(context);
        Bundle bundle = lifecycleBundle(context);
        List<DeploymentProblem> before = registry.problems();

        try (Watch watch = new Watch(context)) {
            watch.update(bundle, jar(BSN, "1.0.5", DESCRIPTOR, Map.of(DESCRIPTOR, descriptor(context, "1.0.5", UNCHANGED))));
            DeploymentProblem rejection = awaitProblem(registry, before, LOCATION, "$.version", "lower than version 1.1.0",
                    "after updating " + BSN + " to 1.0.5");
            assertEquals("bundle of the rejection", BSN + " 1.0.5", rejection.bundle());
            watch.keepWatching(GRACE.plusMillis(500));
            watch.assertNeverEmpty("updating 1.1.0 -> lower 1.0.5");
        }
        assertEquals("state of " + BSN + " after update()", Bundle.ACTIVE, bundle.getState());
        assertKeepsServing110(context, registry, "after the 1.0.5 update");
        assertEquals("registry.version(" + CODE + ", 1.0.5): a rejected version must not be stored", Optional.empty(),
                registry.version(CODE, "1.0.5"));
        stepsDone = 4;
    }

    /**
     * 5. uninstall: the service is gone within {@link #UNINSTALL_WAIT} (no grace period), current(code) is empty, and
     * the snapshots stay: version 1.1.0 readable, the summary not deployed with versions 1.0.0 and 1.1.0.
     */
    static void uninstallWithdrawsButKeepsSnapshots(BundleContext context) throws Exception {
        step(5);
        InstrumentRegistry registry = ready(context);
        Bundle bundle = lifecycleBundle(context);
        ServiceReference<Instrument> served = single(context);

        long t0 = System.nanoTime();
        bundle.uninstall();
        boolean gone = await(UNINSTALL_WAIT, () -> count(context) == 0);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue("Instrument service(s) for " + CODE + " still registered " + ms + " ms after uninstall(): " + versions(context)
                + " (withdrawn only after the " + GRACE.toMillis() + " ms grace period?)", gone);
        System.out.println("InstrumentLifecycleChecks: Instrument service withdrawn " + ms + " ms after uninstall()");
        assertNull("the 1.1.0 Instrument service is still registered", served.getBundle());
        assertEquals("bundle state after uninstall()", Bundle.UNINSTALLED, bundle.getState());
        assertNull("a bundle is still installed at " + LOCATION, context.getBundle(LOCATION));

        assertEquals("registry.current(" + CODE + ") after the uninstall", Optional.empty(), registry.current(CODE));
        InstrumentDefinition kept = registry.version(CODE, "1.1.0")
                .orElseThrow(() -> new AssertionError("registry.version(" + CODE + ", 1.1.0) is empty after the uninstall"));
        assertEquals("registry.version(" + CODE + ", 1.1.0).version()", "1.1.0", kept.version());
        assertEquals("checksum of registry.version(" + CODE + ", 1.1.0)", checksum110, kept.checksum());
        // the registry may answer from its cache: the snapshot must be in the database too
        InstrumentStore store = FrameworkChecks.waitForService(context, InstrumentStore.class);
        StoredInstrument stored = store.find(CODE, "1.1.0")
                .orElseThrow(() -> new AssertionError("no database snapshot of " + CODE + " 1.1.0"));
        assertEquals("checksum of the database snapshot of " + CODE + " 1.1.0", checksum110, stored.checksum());

        InstrumentSummary summary = summary(registry);
        assertFalse("summary says deployed after the uninstall: " + summary, summary.deployed());
        assertNull("summary's current version after the uninstall: " + summary, summary.currentVersion());
        assertEquals("summary's versions after the uninstall: " + summary, List.of("1.0.0", "1.1.0"), summary.versions());
        stepsDone = 5;
    }

    /**
     * 6. a bundle whose EvKin-Instrument header names a file it does not contain (it does contain a valid descriptor at
     * the usual place) is rejected with a problem at "$"; nothing is served for it.
     */
    static void missingDescriptorIsRejected(BundleContext context) throws Exception {
        InstrumentRegistry registry = ready(context);
        String named = "EVKIN-INF/missing.json";
        String bsn = "org.evkin.itest.instrument.missing";
        List<DeploymentProblem> before = registry.problems();
        byte[] valid = descriptor(context, "1.0.0", d -> d.put("code", MISSING_CODE));
        Bundle bundle;
        try (InputStream in = jar(bsn, "1.0.0", named, Map.of(DESCRIPTOR, valid))) {
            bundle = context.installBundle(MISSING_LOCATION, in);
        }
        try {
            bundle.start();
            assertEquals("state of " + bsn + " after start() (a data-only bundle)", Bundle.ACTIVE, bundle.getState());
            DeploymentProblem rejection = awaitProblem(registry, before, MISSING_LOCATION, "$", "is not in the bundle",
                    "after installing and starting " + bsn + " (header names " + named + ")");
            assertEquals("file of the rejection", named, rejection.file());
            assertTrue("the rejection does not name the missing file: " + rejection,
                    rejection.problems().stream().anyMatch(p -> p.message().contains(named)));
            assertEquals("Instrument services of " + bsn, 0,
                    context.getServiceReferences(Instrument.class, "(source.bundle.id=" + bundle.getBundleId() + ")").size());
            assertEquals("Instrument services for " + MISSING_CODE + " (read from the wrong file?)", 0,
                    context.getServiceReferences(Instrument.class, "(" + Instrument.CODE + "=" + MISSING_CODE + ")").size());
            assertEquals("registry summary of " + MISSING_CODE, Optional.empty(), registry.summary(MISSING_CODE));
        } finally {
            bundle.uninstall();
        }
    }

    // --- scenario state and the product -----------------------------------------------------------------------------

    private static void step(int n) {
        if (stepsDone != n - 1) {
            fail("lifecycle step " + n + " not run: step " + (stepsDone + 1) + " did not complete (see its failure)");
        }
    }

    private static Bundle lifecycleBundle(BundleContext context) {
        Bundle bundle = context.getBundle(LOCATION);
        assertNotNull("no bundle installed at " + LOCATION, bundle);
        return bundle;
    }

    /** The registry, once the extender component is active and the database is up (else deploys only retry). */
    private static InstrumentRegistry ready(BundleContext context) throws InterruptedException {
        InstrumentRegistry registry = FrameworkChecks.waitForService(context, InstrumentRegistry.class);
        DatabaseHealth health = FrameworkChecks.waitForService(context, DatabaseHealth.class);
        DatabaseStatus[] status = {health.status()};
        boolean up = await(STARTUP_WAIT, () -> (status[0] = health.status()).up());
        assertTrue("database not up at " + status[0].location() + ": " + status[0].problem(), up);
        return registry;
    }

    private static InstrumentSummary summary(InstrumentRegistry registry) {
        return registry.summary(CODE).orElseThrow(() -> new AssertionError("registry.summary(" + CODE + ") is empty"));
    }

    private static void assertKeepsServing110(BundleContext context, InstrumentRegistry registry, String when)
            throws InvalidSyntaxException {
        assertEquals("Instrument services for " + CODE + " " + when, List.of("1.1.0"), versions(context));
        assertEquals("registry.current(" + CODE + ").version() " + when, "1.1.0",
                registry.current(CODE).map(InstrumentDefinition::version).orElse("(empty)"));
        assertEquals("checksum of registry.current(" + CODE + ") " + when, checksum110,
                registry.current(CODE).map(InstrumentDefinition::checksum).orElse(null));
        InstrumentSummary summary = summary(registry);
        assertTrue("summary says not deployed " + when + ": " + summary, summary.deployed());
        assertEquals("summary's current version " + when, "1.1.0", summary.currentVersion());
        assertEquals("summary's versions " + when, List.of("1.0.0", "1.1.0"), summary.versions());
    }

    /** Waits for a rejection recorded after {@code before}, for the location, with a problem at path (and message). */
    private static DeploymentProblem awaitProblem(InstrumentRegistry registry, List<DeploymentProblem> before, String location,
            String path, String messagePart, String when) throws InterruptedException {
        DeploymentProblem[] found = {null};
        await(DEPLOY_WAIT, () -> {
            for (DeploymentProblem p : newProblems(registry, before)) {
                if (p.location().equals(location) && p.problems().stream().anyMatch(q -> q.path().equals(path)
                        && (messagePart == null || q.message().contains(messagePart)))) {
                    found[0] = p;
                    return true;
                }
            }
            return false;
        });
        if (found[0] == null) {
            List<DeploymentProblem> recorded = newProblems(registry, before);
            fail("no rejection at " + path + (messagePart == null ? "" : " saying '" + messagePart + "'") + " for " + location
                    + " within " + DEPLOY_WAIT.toSeconds() + " s " + when + "; new rejections: "
                    + (recorded.isEmpty() ? "none" : recorded.stream().map(p -> p.bundle() + " " + p.location() + " " + p.problems())
                            .collect(Collectors.joining("; "))));
        }
        return found[0];
    }

    private static List<DeploymentProblem> newProblems(InstrumentRegistry registry, List<DeploymentProblem> before) {
        return registry.problems().stream().filter(p -> !before.contains(p)).toList();
    }

    // --- the service registry ---------------------------------------------------------------------------------------

    static final String FILTER = "(" + Instrument.CODE + "=" + CODE + ")";

    private static Collection<ServiceReference<Instrument>> references(BundleContext context) throws InvalidSyntaxException {
        return context.getServiceReferences(Instrument.class, FILTER);
    }

    static int count(BundleContext context) {
        try {
            return references(context).size();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instrument.version of every Instrument service for the code, sorted. */
    static List<String> versions(BundleContext context) throws InvalidSyntaxException {
        return references(context).stream().map(r -> String.valueOf(r.getProperty(Instrument.VERSION))).sorted().toList();
    }

    private static ServiceReference<Instrument> single(BundleContext context) throws InvalidSyntaxException {
        Collection<ServiceReference<Instrument>> refs = references(context);
        assertEquals("Instrument services for " + CODE + ": " + versions(context), 1, refs.size());
        return refs.iterator().next();
    }

    private static void awaitVersions(BundleContext context, List<String> expected, Duration wait, String when,
            InstrumentRegistry registry) throws InterruptedException, InvalidSyntaxException {
        boolean ok = await(wait, () -> {
            try {
                return versions(context).equals(expected);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!ok) {
            fail("Instrument services for " + CODE + " " + when + ": versions " + versions(context) + " after waiting "
                    + wait.toSeconds() + " s, expected " + expected + "; recent rejections: " + registry.problems().stream()
                            .limit(3).map(p -> p.bundle() + " " + p.problems()).collect(Collectors.joining("; ")));
        }
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Counts the Instrument services for the code while a bundle is updated, two ways: a synchronous service listener
     * (exact: follows every registration and unregistration as it happens) and a thread sampling the registry every
     * millisecond (what a client polling the registry would see).
     */
    private static final class Watch implements ServiceListener, AutoCloseable {
        private final BundleContext context;
        private final Thread sampler;
        private final CountDownLatch started = new CountDownLatch(1);
        private final List<String> events = new ArrayList<>();
        private volatile boolean running = true;
        private volatile boolean updating;
        // listener side, guarded by this
        private int listened;
        private int listenedMin;
        private int listenedMax;
        // sampler side, written by the sampler thread only, read after it ended
        private int samples;
        private int samplesDuringUpdate;
        private int sampledMin = Integer.MAX_VALUE;
        private int sampledMax;
        private long firstEmptyAt = -1;
        private long updateMillis;
        private long t0;
        private Throwable samplerFailure;

        Watch(BundleContext context) throws InvalidSyntaxException, InterruptedException {
            this.context = context;
            context.addServiceListener(this, "(&(objectClass=" + Instrument.class.getName() + ")" + FILTER + ")");
            synchronized (this) {
                listened = count(context);
                listenedMin = listened;
                listenedMax = listened;
            }
            t0 = System.nanoTime();
            sampler = new Thread(this::sample, "itest-instrument-sampler");
            sampler.setDaemon(true);
            sampler.start();
            assertTrue("the sampler thread did not start", started.await(5, TimeUnit.SECONDS));
        }

        private void sample() {
            try {
                while (running) {
                    boolean during = updating;
                    int n = count(context);
                    samples++;
                    if (during) {
                        samplesDuringUpdate++;
                    }
                    sampledMin = Math.min(sampledMin, n);
                    sampledMax = Math.max(sampledMax, n);
                    if (n == 0 && firstEmptyAt < 0) {
                        firstEmptyAt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    }
                    started.countDown();
                    LockSupport.parkNanos(1_000_000);
                }
            } catch (Throwable e) {
                samplerFailure = e;
                started.countDown();
            }
        }

        @Override
        public synchronized void serviceChanged(ServiceEvent event) {
            switch (event.getType()) {
                case ServiceEvent.REGISTERED -> listened++;
                case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> listened--;
                default -> {
                    return;
                }
            }
            listenedMin = Math.min(listenedMin, listened);
            listenedMax = Math.max(listenedMax, listened);
            events.add(type(event.getType()) + " " + event.getServiceReference().getProperty(Instrument.VERSION) + " -> "
                    + listened + " at " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        }

        /** bundle.update() with the jar, in this thread, while the listener and the sampler count. */
        void update(Bundle bundle, InputStream jar) throws BundleException, IOException {
            updating = true;
            long start = System.nanoTime();
            try (InputStream in = jar) {
                bundle.update(in);
            } finally {
                updateMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                updating = false;
            }
        }

        /** Lets the listener and the sampler go on counting for a while. */
        void keepWatching(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join(5000);
            context.removeServiceListener(this); // a second call does nothing
        }

        /** Stops the sampler and asserts that neither count ever reached zero. */
        void assertNeverEmpty(String what) throws InterruptedException {
            close();
            String report;
            int min;
            synchronized (this) {
                min = listenedMin;
                report = what + ": update() took " + updateMillis + " ms; listener: min " + listenedMin + ", max " + listenedMax
                        + ", events " + events + "; sampler: " + samples + " samples (" + samplesDuringUpdate
                        + " during update()), min " + sampledMin + ", max " + sampledMax
                        + (firstEmptyAt < 0 ? "" : ", first empty at " + firstEmptyAt + " ms");
            }
            System.out.println("InstrumentLifecycleChecks: " + report);
            if (samplerFailure != null) {
                throw new AssertionError("the sampler failed: " + samplerFailure, samplerFailure);
            }
            assertTrue("the sampler took no sample: " + report, samples > 0);
            assertTrue("no Instrument service for " + CODE + " at some moment (service events) " + report, min >= 1);
            assertTrue("no Instrument service for " + CODE + " at some moment (sampled) " + report, sampledMin >= 1);
        }

        private static String type(int type) {
            return switch (type) {
                case ServiceEvent.REGISTERED -> "REGISTERED";
                case ServiceEvent.UNREGISTERING -> "UNREGISTERING";
                case ServiceEvent.MODIFIED_ENDMATCH -> "MODIFIED_ENDMATCH";
                default -> "event " + type;
            };
        }
    }

    // --- instrument bundles in memory -------------------------------------------------------------------------------

    /** The source descriptor with code {@value #CODE}, the version and a test title, then changed as given. */
    static byte[] descriptor(BundleContext context, String version, Consumer<ObjectNode> change) throws IOException {
        String file = context.getProperty(DESCRIPTOR_PROPERTY);
        if (file == null) {
            fail("framework property " + DESCRIPTOR_PROPERTY + " is not set");
        }
        Path path = Path.of(file);
        assertTrue("the source descriptor " + path + " (framework property " + DESCRIPTOR_PROPERTY + ") does not exist",
                Files.isRegularFile(path));
        JsonNode root = JSON.readTree(Files.readAllBytes(path));
        assertTrue(path + " is not a JSON object", root instanceof ObjectNode);
        ObjectNode d = (ObjectNode) root;
        String source = d.path("code").asText() + " " + d.path("version").asText();
        d.put("code", CODE);
        d.put("version", version);
        d.put("title", "EvKin itest: instrument lifecycle (made from " + source + ")");
        change.accept(d);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(d);
    }

    /** An instrument bundle as the instruments' bnd.bnd makes it: data only, the extender required. */
    static InputStream jar(String bsn, String version, String header, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "EvKin itest instrument " + bsn);
        main.putValue("EvKin-Instrument", header);
        main.putValue("Require-Capability", REQUIRE_EXTENDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
