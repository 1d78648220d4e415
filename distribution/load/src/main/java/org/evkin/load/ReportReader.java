package org.evkin.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Ministry admins watching the cycle while the raters fill their forms: each downloads the national report of the load's
 * cycle in turn as JSON, PDF and XLSX, then waits the given seconds, again and again. Each download holds one of the
 * server's request threads and a database connection while the raters' requests need them too; the raters' latencies
 * show what that costs them, and the downloads' own times are recorded here (those that started in the window). The
 * server builds such reports one at a time: a download it turns away (503 with Retry-After, error "reportsBusy") is
 * counted apart, and that admin waits its pause before the next.
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
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();
    private final Map<String, Long> bytes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int turnedAway;
    private volatile boolean stopping;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    ReportReader(String base, String bearer, long cycleId, double everySeconds) throws Exception {
        this(base, bearer, cycleId, everySeconds, 1);
    }

    /** admins: how many download at the same time, each starting at another variant. */
    ReportReader(String base, String bearer, long cycleId, double everySeconds, int admins) throws Exception {
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
        for (int a = 0; a < Math.max(1, admins); a++) {
            int first = a;
            Thread t = new Thread(() -> loop(first), "report-reader-" + a);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
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

    private void loop(int first) {
        int i = first;
        while (!stopping) {
            String[] v = VARIANTS.get(i++ % VARIANTS.size());
            long t0 = System.nanoTime();
            try {
                ContentResponse r = client.newRequest(base + v[0] + "?cycle=" + cycleId)
                        .headers(h -> h.put("Authorization", "Bearer " + bearer).put("Accept", v[1])).timeout(300, TimeUnit.SECONDS).send();
                long took = System.nanoTime() - t0;
                synchronized (this) {
                    if (r.getStatus() == 503 && r.getHeaders().get("Retry-After") != null && r.getContentAsString().contains("reportsBusy")) {
                        if (t0 >= windowStart && t0 < windowEnd) {
                            turnedAway++;
                        }
                    } else if (r.getStatus() != 200) {
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
        out.put("admins", threads.size());
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
        out.put("turnedAway", turnedAway);
        out.put("failures", List.copyOf(failures));
        return out;
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(10_000);
        }
        client.stop();
    }
}
