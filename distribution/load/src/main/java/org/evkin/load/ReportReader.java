package org.evkin.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * A ministry admin watching the cycle while the raters fill their forms: downloads the national report of the load's
 * cycle in turn as JSON, PDF and XLSX, then waits the given seconds, again and again. Each download holds one of the
 * server's request threads and a database connection while the raters' requests need them too; the raters' latencies
 * show what that costs them, and the downloads' own times are recorded here (those that started in the window).
 */
final class ReportReader implements AutoCloseable {

    /** The national report's variants, in the order the admin asks for them: path and Accept header. */
    static final List<String[]> VARIANTS = List.of(new String[] {"/api/reports/national", "application/json"},
            new String[] {"/api/reports/national.pdf", "application/pdf"},
            new String[] {"/api/reports/national.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"});

    private final HttpClient client;
    private final String base;
    private final String bearer;
    private final long cycleId;
    private final long pauseMillis;
    private final Thread thread;
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();
    private final Map<String, Long> bytes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean stopping;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    ReportReader(String base, String bearer, long cycleId, double everySeconds) throws Exception {
        this.base = base;
        this.bearer = bearer;
        this.cycleId = cycleId;
        this.pauseMillis = (long) (everySeconds * 1000);
        this.client = new HttpClient();
        client.setIdleTimeout(300_000);
        client.start();
        for (String[] v : VARIANTS) {
            millis.put(name(v), new ArrayList<>());
        }
        thread = new Thread(this::loop, "report-reader");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void openWindow() {
        windowStart = System.nanoTime();
    }

    void closeWindow() {
        windowEnd = System.nanoTime();
    }

    private static String name(String[] variant) {
        return variant[0].substring(variant[0].lastIndexOf('/') + 1);
    }

    private void loop() {
        int i = 0;
        while (!stopping) {
            String[] v = VARIANTS.get(i++ % VARIANTS.size());
            long t0 = System.nanoTime();
            try {
                ContentResponse r = client.newRequest(base + v[0] + "?cycle=" + cycleId)
                        .headers(h -> h.put("Authorization", "Bearer " + bearer).put("Accept", v[1])).timeout(300, TimeUnit.SECONDS).send();
                long took = System.nanoTime() - t0;
                synchronized (this) {
                    if (r.getStatus() != 200) {
                        failures.add(name(v) + " answered " + r.getStatus());
                    } else if (t0 >= windowStart && t0 < windowEnd) {
                        millis.get(name(v)).add(TimeUnit.NANOSECONDS.toMillis(took));
                        bytes.put(name(v), (long) r.getContent().length);
                    }
                }
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                synchronized (this) {
                    failures.add(name(v) + ": " + e);
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Per variant: downloads in the window, median and slowest milliseconds, size; and the failures. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("everySeconds", pauseMillis / 1000.0);
        for (Map.Entry<String, List<Long>> e : millis.entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            l.sort(null);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("downloads", l.size());
            s.put("p50Millis", l.isEmpty() ? 0 : l.get(l.size() / 2));
            s.put("maxMillis", l.isEmpty() ? 0 : l.get(l.size() - 1));
            s.put("bytes", bytes.getOrDefault(e.getKey(), 0L));
            out.put(e.getKey(), s);
        }
        out.put("failures", List.copyOf(failures));
        return out;
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        thread.interrupt();
        thread.join(10_000);
        client.stop();
    }
}
