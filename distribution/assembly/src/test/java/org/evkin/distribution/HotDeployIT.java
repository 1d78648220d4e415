package org.evkin.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.evkin.testing.Distribution;
import org.evkin.testing.InstrumentJars;
import org.junit.jupiter.api.Test;

/**
 * Hot deploy in the running distribution: a new program's bundle is copied into deploy/, updated, broken, and removed,
 * while clients keep requesting /api/instruments and form definitions; not one of those requests may fail.
 * Also records how long a jar takes from landing in deploy/ to being served (written to target/, not asserted).
 */
class HotDeployIT {

    private static final String CODE = "TEST-HOTDEPLOY-2026";
    private static final String FORM = "/api/instruments/" + CODE + "/form?level=AHLI_MUDA&rater=ATASAN";
    private static final String STABLE_FORM = "/api/instruments/COP-BISINDO-2025/form?level=AHLI_PERTAMA&rater=DIRI";

    @Test
    void deployUpdateBreakAndRemoveWhileClientsKeepRequesting() throws Exception {
        try (Distribution evkin = Assembled.copy("hot-deploy")) {
            evkin.start().awaitReady(Duration.ofSeconds(120));
            awaitNineProgramsDeployed(evkin);
            Path deploy = evkin.home.resolve("deploy");
            ObjectNode descriptor = InstrumentJars.descriptorOf(shipped(deploy, "cop-bisindo-2025"));
            descriptor.put("code", CODE).put("title", "Uji hot deploy").put("version", "1.0.0");
            Path jar = deploy.resolve("evkin-instrument-test-hotdeploy.jar");

            List<String> failures = new ArrayList<>();
            AtomicInteger requests = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> versionsSeen = new ConcurrentLinkedQueue<>();
            AtomicBoolean watchNewProgram = new AtomicBoolean(false);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        for (String path : List.of("/api/instruments", STABLE_FORM)) {
                            check(evkin, path, failures, requests);
                        }
                        if (watchNewProgram.get()) {
                            JsonNode form = check(evkin, FORM, failures, requests);
                            if (form != null) {
                                versionsSeen.add(form.path("version").asText());
                            }
                        }
                    }
                }, "client-" + c);
                t.start();
                clients.add(t);
            }
            List<String> timings = new ArrayList<>();

            long t0 = System.nanoTime();
            InstrumentJars.write(jar, "evkin-instrument-test-hotdeploy", "1.0.0", descriptor);
            awaitCurrentVersion(evkin, "1.0.0");
            timings.add("deploy 1.0.0: " + ms(t0) + " ms");
            watchNewProgram.set(true);
            Thread.sleep(1500);

            descriptor.put("version", "1.1.0").put("title", "Uji hot deploy, versi 1.1");
            t0 = System.nanoTime();
            InstrumentJars.write(jar, "evkin-instrument-test-hotdeploy", "1.1.0", descriptor);
            awaitCurrentVersion(evkin, "1.1.0");
            timings.add("update to 1.1.0: " + ms(t0) + " ms");
            Thread.sleep(1500);

            ObjectNode broken = descriptor.deepCopy();
            broken.put("version", "1.2.0");
            ((ObjectNode) broken.withArray("items").get(0)).put("subcompetency", 16);
            InstrumentJars.write(jar, "evkin-instrument-test-hotdeploy", "1.2.0", broken);
            awaitLog(evkin, "evkin-instrument-test-hotdeploy 1.2.0 (");
            assertTrue(evkin.log().contains("$.items[0].subcompetency: unknown subkompetensi 16"), evkin.log());
            assertTrue(evkin.log().contains("version 1.1.0 keeps serving"), evkin.log());
            Thread.sleep(1500);
            assertEquals("1.1.0", evkin.getJson("/api/instruments/" + CODE, 200).path("version").asText());

            watchNewProgram.set(false);
            Thread.sleep(300);
            t0 = System.nanoTime();
            Files.delete(jar);
            awaitWithdrawn(evkin);
            timings.add("removal to withdrawn: " + ms(t0) + " ms");
            Thread.sleep(1000);
            running.set(false);
            for (Thread t : clients) {
                t.join(30_000);
            }

            assertEquals(List.of(), failures, "requests failed during hot deploy");
            assertTrue(requests.get() > 100, "too few requests to mean anything: " + requests.get());
            List<String> seen = List.copyOf(versionsSeen);
            assertTrue(seen.contains("1.0.0") && seen.contains("1.1.0"), "versions seen: " + new java.util.TreeSet<>(seen));

            // withdrawn from new use, yet its history stays: both versions, readable after the jar is gone
            assertEquals(404, evkin.get(FORM).statusCode());
            JsonNode old = evkin.getJson("/api/instruments/" + CODE + "?version=1.0.0", 200);
            assertEquals("1.0.0", old.path("version").asText());
            assertFalse(old.path("deployed").asBoolean());
            assertEquals(List.of("1.0.0", "1.1.0"), List.of(old.path("versions").get(0).asText(), old.path("versions").get(1).asText()));
            assertEquals(9, deployedCount(evkin), "the nine 2025 programs keep serving");
            assertEquals(List.of(), evkin.stackTraceLines());

            String report = "hot deploy timings (" + requests.get() + " requests, 0 failed):\n  " + String.join("\n  ", timings);
            System.out.println(report);
            Files.writeString(Path.of("target", "hotdeploy-timings.txt"), report + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static JsonNode check(Distribution evkin, String path, List<String> failures, AtomicInteger requests) {
        try {
            HttpResponse<String> r = evkin.get(path);
            requests.incrementAndGet();
            if (r.statusCode() != 200) {
                synchronized (failures) {
                    failures.add(path + " -> " + r.statusCode() + " " + r.body());
                }
                return null;
            }
            return Distribution.JSON.readTree(r.body());
        } catch (Exception e) {
            synchronized (failures) {
                failures.add(path + " -> " + e);
            }
            return null;
        }
    }

    private static Path shipped(Path deploy, String name) throws Exception {
        try (Stream<Path> s = Files.list(deploy)) {
            return s.filter(p -> p.getFileName().toString().startsWith("evkin-instrument-" + name)).findFirst().orElseThrow();
        }
    }

    private static void awaitNineProgramsDeployed(Distribution evkin) throws Exception {
        for (int i = 0; i < 300 && deployedCount(evkin) < 9; i++) {
            Thread.sleep(100);
        }
        assertEquals(9, deployedCount(evkin), evkin.log());
    }

    private static int deployedCount(Distribution evkin) throws Exception {
        int n = 0;
        for (JsonNode i : evkin.getJson("/api/instruments", 200).path("instruments")) {
            n += i.path("deployed").asBoolean() ? 1 : 0;
        }
        return n;
    }

    private static void awaitCurrentVersion(Distribution evkin, String version) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = evkin.get("/api/instruments/" + CODE);
            if (r.statusCode() == 200 && version.equals(Distribution.JSON.readTree(r.body()).path("currentVersion").asText())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(CODE + " " + version + " was not served within 12 s:\n" + evkin.log());
    }

    private static void awaitWithdrawn(Distribution evkin) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!evkin.getJson("/api/instruments/" + CODE, 200).path("deployed").asBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(CODE + " was not withdrawn within 12 s:\n" + evkin.log());
    }

    private static void awaitLog(Distribution evkin, String text) throws Exception {
        for (int i = 0; i < 600 && !evkin.log().contains(text); i++) {
            Thread.sleep(20);
        }
        assertTrue(evkin.log().contains(text), "no '" + text + "' in the log:\n" + evkin.log());
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
