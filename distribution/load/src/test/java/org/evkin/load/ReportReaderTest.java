package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The admin of --reports-every: the three variants in turn, with the admin's token, counted only in the window. */
class ReportReaderTest {

    @Test
    @SuppressWarnings("unchecked")
    void downloadsEachVariantInTurnAndCountsOnlyTheWindow() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/reports/", x -> {
            seen.add(x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Accept") + " " + x.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "laporan".getBytes(StandardCharsets.UTF_8);
            // the XLSX variant fails: a failure is listed, not counted as a download
            x.sendResponseHeaders(x.getRequestURI().getPath().endsWith(".xlsx") ? 500 : 200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try (ReportReader reader = new ReportReader("http://127.0.0.1:" + server.getAddress().getPort(), "tok", 42, 0.02)) {
            reader.start();
            waitFor(() -> seen.size() >= 3);
            reader.openWindow();
            int before = seen.size();
            waitFor(() -> seen.size() >= before + 9); // at most one of them started before the window
            reader.closeWindow();
            int atClose = seen.size();
            waitFor(() -> seen.size() >= atClose + 3);
            reader.close();
            Map<String, Object> s = reader.summary();
            assertEquals("/api/reports/national?cycle=42 application/json Bearer tok", seen.get(0));
            assertEquals("/api/reports/national.pdf?cycle=42 application/pdf Bearer tok", seen.get(1));
            assertTrue(seen.get(2).startsWith("/api/reports/national.xlsx?cycle=42 application/vnd.openxmlformats"), seen.get(2));
            long json = seen.stream().filter(r -> r.startsWith("/api/reports/national?")).count();
            int inWindow = (int) ((Map<String, Object>) s.get("national")).get("downloads");
            assertTrue(inWindow >= 2 && inWindow < json, inWindow + " of " + json + ": only those started in the window");
            assertEquals(7L, ((Map<String, Object>) s.get("national.pdf")).get("bytes"));
            assertEquals(0, ((Map<String, Object>) s.get("national.xlsx")).get("downloads"));
            List<String> failures = (List<String>) s.get("failures");
            assertTrue(!failures.isEmpty() && failures.stream().allMatch(f -> f.equals("national.xlsx answered 500")), failures.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalAdminsStartAtDifferentVariantsAndATurnAwayIsNotAFailure() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(3));
        server.createContext("/api/reports/", x -> {
            seen.add(x.getRequestURI().getPath());
            boolean pdf = x.getRequestURI().getPath().endsWith(".pdf");
            byte[] body = (pdf ? "{\"error\":\"reportsBusy\",\"message\":\"Server sedang menyusun laporan lain\"}" : "laporan")
                    .getBytes(StandardCharsets.UTF_8);
            if (pdf) {
                x.getResponseHeaders().add("Retry-After", "20"); // the server builds one at a time: the PDF is turned away
            }
            x.sendResponseHeaders(pdf ? 503 : 200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        // a pause of 0.2 s: each admin's second request comes well after all three first ones
        try (ReportReader reader = new ReportReader("http://127.0.0.1:" + server.getAddress().getPort(), "tok", 7, 0.2, 3)) {
            reader.openWindow();
            reader.start();
            // until the reader has counted (not only sent) three turn-aways and three XLSX downloads
            waitFor(() -> {
                Map<String, Object> now = reader.summary();
                return (int) now.get("turnedAway") >= 3 && (int) ((Map<String, Object>) now.get("national.xlsx")).get("downloads") >= 3;
            });
            reader.closeWindow();
            reader.close();
            assertEquals(java.util.Set.of("/api/reports/national", "/api/reports/national.pdf", "/api/reports/national.xlsx"),
                    java.util.Set.copyOf(seen.subList(0, 3)), "three admins, each starting at another variant");
            Map<String, Object> s = reader.summary();
            assertEquals(3, s.get("admins"));
            assertTrue((int) s.get("turnedAway") >= 3, "every PDF was turned away: " + s);
            assertEquals(0, ((Map<String, Object>) s.get("national.pdf")).get("downloads"));
            assertTrue((int) ((Map<String, Object>) s.get("national.xlsx")).get("downloads") >= 3, s.toString());
            assertEquals(List.of(), s.get("failures"), "a turn-away with Retry-After is not a failure");
        } finally {
            server.stop(0);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
