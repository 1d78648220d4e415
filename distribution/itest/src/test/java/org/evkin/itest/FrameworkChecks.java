package org.evkin.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evkin.model.CompetencyModel;
import org.evkin.store.DatabaseHealth;
import org.evkin.store.DatabaseStatus;
import org.evkin.store.ServerStarts;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The checks, run inside the framework (loaded by the probe bundle only; the test JVM's class path has no product).
 * Whatever starts asynchronously (FileInstall's configuration, the store's first connection, the whiteboard servlet)
 * is waited for until one deadline, {@link #WAIT} after the first check began, shared by all checks: a broken start
 * costs that minute once, not once per test. A check that still fails then names what is wrong.
 */
final class FrameworkChecks {

    static final String BUNDLES_DIR_PROPERTY = "evkin.itest.bundles.dir";
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Set when the probe first loads this class, i.e. when the first test method starts. */
    private static final long DEADLINE = System.nanoTime() + WAIT.toNanos();

    static final int SUBCOMPETENCIES = 15;
    static final int TASKS = 133;
    /** Bundles the product must have: a bundle missing from target/bundles would otherwise pass unnoticed. */
    static final Set<String> EXPECTED_BUNDLES = Set.of("org.evkin.model", "org.evkin.store", "org.evkin.rest",
            "org.evkin.scoring", "org.evkin.report", "org.evkin.report.pdf", "org.evkin.report.sheet", "org.apache.pdfbox",
            "org.apache.felix.scr", "org.osgi.service.component", "org.apache.felix.configadmin", "org.apache.felix.fileinstall",
            "org.apache.felix.http.jetty12", "org.glassfish.jersey.core.jersey-server", "com.zaxxer.HikariCP");
    /** The components the product must have; a bundle that lost its OSGI-INF would otherwise pass unnoticed. */
    static final Set<String> EXPECTED_COMPONENTS = Set.of("org.evkin.model", "org.evkin.store", "org.evkin.rest", "org.evkin.report",
            "org.evkin.report.pdf", "org.evkin.report.sheet");

    private FrameworkChecks() {
    }

    /** 1. Every bundle in the framework is ACTIVE (a fragment RESOLVED), and every jar of target/bundles is installed. */
    static void everyBundleIsActive(BundleContext context) {
        List<String> problems = new ArrayList<>();
        Set<String> locations = new TreeSet<>();
        Set<String> missing = new TreeSet<>(EXPECTED_BUNDLES);
        for (Bundle b : context.getBundles()) {
            locations.add(b.getLocation());
            missing.remove(b.getSymbolicName());
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                problems.add(b.getSymbolicName() + " " + b.getVersion() + " is " + state(b.getState())
                        + (fragment ? " (fragment, expected RESOLVED)" : " (expected ACTIVE)") + " [" + b.getLocation() + "]");
            }
        }
        for (Path jar : productJars(context)) {
            if (!locations.contains(jar.toUri().toString())) {
                problems.add(jar.getFileName() + " is not installed");
            }
        }
        for (String bsn : missing) {
            problems.add(bsn + " is not installed (not in target/bundles: is it still in a feature?)");
        }
        assertTrue(problems.size() + " bundle problem(s):\n  " + String.join("\n  ", problems), problems.isEmpty());
    }

    /**
     * 2. Every DS component is enabled, configured, satisfied and active. A delayed component that nobody uses yet is
     * only SATISFIED: its service is taken once here, so that a failing activation shows up too.
     */
    static void everyComponentIsActive(BundleContext context) throws InterruptedException {
        ServiceComponentRuntime scr = waitForService(context, ServiceComponentRuntime.class);
        List<String> problems;
        do {
            problems = componentProblems(context, scr);
            if (problems.isEmpty()) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < DEADLINE);
        fail(problems.size() + " component problem(s) after waiting " + waited() + ":\n  " + String.join("\n  ", problems));
    }

    private static List<String> componentProblems(BundleContext context, ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            String name = d.name + " (bundle " + d.bundle.symbolicName + ")";
            seen.add(d.name);
            if (!scr.isComponentEnabled(d)) {
                problems.add(name + " is disabled");
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                problems.add(name + " has no component configuration"
                        + ("require".equals(d.configurationPolicy) ? " (configuration policy REQUIRE: no configuration for PID "
                                + String.join(",", d.configurationPid) + ")" : ""));
            }
            for (ComponentConfigurationDTO c : configurations) {
                int state = c.state;
                if (state == ComponentConfigurationDTO.SATISFIED && d.serviceInterfaces.length > 0) {
                    state = activateByUse(context, scr, d, c);
                }
                switch (state) {
                    case ComponentConfigurationDTO.ACTIVE -> {
                    }
                    case ComponentConfigurationDTO.SATISFIED -> problems.add(name + " is satisfied but not active");
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add(name
                            + " has no configuration (PID " + String.join(",", d.configurationPid) + ")");
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add(name + " has unsatisfied references: "
                            + Arrays.stream(c.unsatisfiedReferences).map(FrameworkChecks::describe).collect(Collectors.joining("; ")));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add(name + " failed to activate: "
                            + (c.failure == null ? "(no reason given)" : c.failure.strip().lines().limit(6).collect(Collectors.joining("\n      "))));
                    default -> problems.add(name + " is in state " + c.state);
                }
            }
        }
        for (String expected : EXPECTED_COMPONENTS) {
            if (!seen.contains(expected)) {
                problems.add("component " + expected + " does not exist (no OSGI-INF description found)");
            }
        }
        return problems;
    }

    /** Gets the service of a delayed component once, reads its state while in use, and gives the service back. */
    private static int activateByUse(BundleContext context, ServiceComponentRuntime scr, ComponentDescriptionDTO d,
            ComponentConfigurationDTO c) {
        try {
            var references = context.getServiceReferences(d.serviceInterfaces[0], "(component.id=" + c.id + ")");
            if (references == null || references.length == 0) {
                return c.state;
            }
            ServiceReference<?> ref = references[0];
            try {
                context.getService(ref);
                for (ComponentConfigurationDTO now : scr.getComponentConfigurationDTOs(d)) {
                    if (now.id == c.id) {
                        return now.state;
                    }
                }
                return c.state;
            } finally {
                context.ungetService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(UnsatisfiedReferenceDTO r) {
        return r.name + (r.target == null ? "" : " (target " + r.target + ")");
    }

    /** 3. The competency model, the database health and the server start log, through their services. */
    static void servicesAnswer(BundleContext context) throws InterruptedException {
        CompetencyModel model = waitForService(context, CompetencyModel.class);
        assertEquals("subkompetensi in the competency model", SUBCOMPETENCIES, model.subcompetencies().size());
        assertEquals("tasks (indikator perilaku) in the competency model", TASKS, model.tasks().size());

        DatabaseHealth health = waitForService(context, DatabaseHealth.class);
        DatabaseStatus status = health.status();
        while (!status.up() && System.nanoTime() < DEADLINE) {
            Thread.sleep(250);
            status = health.status();
        }
        assertTrue("database not up after waiting " + waited() + " at " + status.location() + ": " + status.problem(), status.up());
        assertTrue("schema version " + status.schemaVersion() + " < 1", status.schemaVersion() >= 1);

        ServerStarts starts = waitForService(context, ServerStarts.class);
        long count = starts.count();
        assertTrue("server starts recorded: " + count, count >= 1);
    }

    /** 4. GET /api/health says UP, GET /api/competency-model gives the model as JSON, over real HTTP. */
    static void httpApiAnswers(BundleContext context) throws IOException, InterruptedException {
        String port = context.getProperty("org.osgi.service.http.port");
        String base = "http://127.0.0.1:" + port + "/api/";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();

        // the servlet registers and the store connects asynchronously: 404/503 (or no listener) until then
        HttpResponse<String> health = null;
        String lastProblem = null;
        do {
            try {
                health = get(client, base + "health");
                if (health.statusCode() == 200) {
                    break;
                }
                lastProblem = "HTTP " + health.statusCode() + ": " + health.body();
            } catch (IOException e) {
                lastProblem = e.toString();
            }
            Thread.sleep(250);
        } while (System.nanoTime() < DEADLINE);
        assertTrue("GET " + base + "health did not answer 200 after waiting " + waited() + "; last: " + lastProblem,
                health != null && health.statusCode() == 200);
        assertJson(health);
        JsonNode report = json.readTree(health.body());
        assertEquals("status in " + health.body(), "UP", report.path("status").asText());

        HttpResponse<String> modelResponse = get(client, base + "competency-model");
        assertEquals("GET " + base + "competency-model: " + modelResponse.body(), 200, modelResponse.statusCode());
        assertJson(modelResponse);
        JsonNode model = json.readTree(modelResponse.body());
        assertEquals("subcompetencies in /api/competency-model", SUBCOMPETENCIES, model.path("subcompetencies").size());
        assertEquals("tasks in /api/competency-model", TASKS, model.path("tasks").size());
    }

    /**
     * 5. The administrator edits a configuration file: the API (config/org.evkin.admin.cfg, reports.concurrent 1 → 2) and
     * the pages (config/org.evkin.web.cfg, cookie.secure → true) take the new settings in place. Their whiteboard
     * servlets keep their services (the same service.id), so no request in flight is cut off by an unregistration
     * (Felix HTTP answers those with Jetty's bare 500), and /api/health still answers 200.
     */
    static void settingsAreTakenInPlace(BundleContext context) throws Exception {
        httpApiAnswers(context);
        takenInPlace(context, "evkin-api", "org.evkin.rest", "org.evkin.admin.cfg",
                text -> {
                    assertTrue("the shipped file sets reports.concurrent=1:\n" + text, text.contains("reports.concurrent=1\n"));
                    return text.replace("reports.concurrent=1\n", "reports.concurrent=2\n");
                }, "reports.concurrent", "2");
        takenInPlace(context, "evkin-web", "org.evkin.web", "org.evkin.web.cfg",
                text -> {
                    assertTrue("the shipped file leaves cookie.secure unset:\n" + text, !text.contains("\ncookie.secure="));
                    return text + "\ncookie.secure=true\n";
                }, "cookie.secure", "true");
    }

    private static void takenInPlace(BundleContext context, String servlet, String component, String fileName,
            java.util.function.UnaryOperator<String> edit, String key, String value) throws Exception {
        String filter = "(osgi.http.whiteboard.servlet.name=" + servlet + ")";
        ServiceReference<?>[] before = context.getServiceReferences(jakarta.servlet.Servlet.class.getName(), filter);
        assertTrue("the whiteboard servlet " + filter, before != null && before.length == 1);
        long serviceId = (Long) before[0].getProperty(Constants.SERVICE_ID);

        ServiceComponentRuntime scr = waitForService(context, ServiceComponentRuntime.class);
        Path file = Path.of(context.getProperty("felix.fileinstall.dir")).resolve(fileName);
        String original = Files.readString(file);
        try {
            Files.writeString(file, edit.apply(original));
            Object seen = null;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                seen = componentProperty(context, scr, component, key);
                if (value.equals(String.valueOf(seen))) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(key + " of " + component + " after editing " + fileName, value, String.valueOf(seen));
            ServiceReference<?>[] after = context.getServiceReferences(jakarta.servlet.Servlet.class.getName(), filter);
            assertTrue(servlet + " is registered after the edit", after != null && after.length == 1);
            assertEquals(servlet + " kept its registration (service.id) through the edit of " + fileName, serviceId,
                    (long) (Long) after[0].getProperty(Constants.SERVICE_ID));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = get(client, "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port")
                    + "/api/health");
            assertEquals("GET /api/health after editing " + fileName + ": " + health.body(), 200, health.statusCode());
        } finally {
            Files.writeString(file, original);
        }
    }

    /** A property of the (first) active configuration of a component, null when there is none. */
    private static Object componentProperty(BundleContext context, ServiceComponentRuntime scr, String component, String key) {
        for (Bundle b : context.getBundles()) {
            ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(b, component);
            if (d != null) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.ACTIVE) {
                        return c.properties.get(key);
                    }
                }
            }
        }
        return null;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJson(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(response.uri() + " answered Content-Type '" + type + "'", type.startsWith("application/json"));
    }

    /**
     * The service, held by a tracker that stays open (closing it could deactivate a delayed component while the test
     * still calls it); the probe's services are released when Pax Exam uninstalls the probe.
     */
    static <T> T waitForService(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(Math.max(1, (DEADLINE - System.nanoTime()) / 1_000_000));
        if (service == null) {
            tracker.close();
            fail("no " + type.getName() + " service after waiting " + waited());
        }
        return service;
    }

    private static String waited() {
        return WAIT.toSeconds() + " s (in all, from the first check)";
    }

    private static List<Path> productJars(BundleContext context) {
        String dir = context.getProperty(BUNDLES_DIR_PROPERTY);
        if (dir == null) {
            fail("framework property " + BUNDLES_DIR_PROPERTY + " is not set");
        }
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "in state " + state;
        };
    }
}
