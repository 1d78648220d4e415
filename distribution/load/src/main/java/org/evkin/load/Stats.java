package org.evkin.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies per request kind (inside the measured window), failures, and a per-second timeline of outcomes. */
public final class Stats {

    /** The requests of a rater: open the link, open a form, autosave a draft, submit. */
    public enum Kind {
        OPEN, FORM, DRAFT, SUBMIT
    }

    private final Map<Kind, LongList> latencies = new EnumMap<>(Kind.class);
    private final Map<String, AtomicLong> failures = new TreeMap<>();
    private final List<String> failureSamples = new ArrayList<>();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final long origin = System.nanoTime();
    /** Per second since origin: ok, failed (503), failed (other), ok but slow (at least SLOW_NANOS), slowest (ns). */
    private final long[][] timeline = new long[5][3600];
    /** The latency bound of issue 6's goal: answers slower than this are counted per second, to see whether they bunch. */
    static final long SLOW_NANOS = 150_000_000L;

    public Stats() {
        for (Kind k : Kind.values()) {
            latencies.put(k, new LongList());
        }
    }

    public long origin() {
        return origin;
    }

    void ok(Kind kind, long nanos, boolean inWindow) {
        int s = second(System.nanoTime());
        synchronized (timeline) {
            timeline[0][s]++;
            if (nanos >= SLOW_NANOS) {
                timeline[3][s]++;
            }
            timeline[4][s] = Math.max(timeline[4][s], nanos);
        }
        if (inWindow) {
            latencies.get(kind).add(nanos);
            requests.incrementAndGet();
        }
    }

    void submitted(boolean inWindow) {
        if (inWindow) {
            submissions.incrementAndGet();
        }
    }

    void failed(Kind kind, String what, boolean unavailable) {
        tick(unavailable ? 1 : 2);
        synchronized (failures) {
            failures.computeIfAbsent(kind + " " + what, k -> new AtomicLong()).incrementAndGet();
            if (failureSamples.size() < 40) {
                failureSamples.add(String.format("%.1fs %s %s", (System.nanoTime() - origin) / 1e9, kind, what));
            }
        }
    }

    private void tick(int column) {
        int s = second(System.nanoTime());
        synchronized (timeline) {
            timeline[column][s]++;
        }
    }

    /** The timeline's second of a nanoTime (0 to 3599). */
    private int second(long nanoTime) {
        return (int) Math.max(0, Math.min(3599, (nanoTime - origin) / 1_000_000_000L));
    }

    /**
     * The seconds from..to (nanoTime) with at least one answer slower than {@link #SLOW_NANOS}, each as "second:slow/answers
     * max ms" counted from the first: whether slow answers bunch in a few seconds (a pause, a stall) or spread evenly
     * (the machine is simply busy).
     */
    public List<String> slowSeconds(long from, long to) {
        List<String> out = new ArrayList<>();
        int first = second(from);
        int last = second(to);
        synchronized (timeline) {
            for (int s = first; s <= last; s++) {
                if (timeline[3][s] > 0) {
                    out.add((s - first) + ":" + timeline[3][s] + "/" + timeline[0][s] + " " + timeline[4][s] / 1_000_000 + "ms");
                }
            }
        }
        return out;
    }

    public long submissions() {
        return submissions.get();
    }

    public long requests() {
        return requests.get();
    }

    public Map<String, Long> failures() {
        Map<String, Long> m = new TreeMap<>();
        synchronized (failures) {
            failures.forEach((k, v) -> m.put(k, v.get()));
        }
        return m;
    }

    public long failureCount() {
        return failures().values().stream().mapToLong(Long::longValue).sum();
    }

    public List<String> failureSamples() {
        synchronized (failures) {
            return List.copyOf(failureSamples);
        }
    }

    /** ok / 503 / other failures in second s since origin. */
    public long[] second(int s) {
        synchronized (timeline) {
            return new long[] {timeline[0][s], timeline[1][s], timeline[2][s]};
        }
    }

    /** Latency percentiles (ms) of one kind, or of all kinds with null. */
    public double[] percentiles(Kind kind, double... ps) {
        long[] all;
        if (kind == null) {
            LongList merged = new LongList();
            latencies.values().forEach(l -> merged.addAll(l));
            all = merged.toArray();
        } else {
            all = latencies.get(kind).toArray();
        }
        Arrays.sort(all);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.ceil(ps[i] * all.length) - 1)] / 1e6;
        }
        return out;
    }

    public long count(Kind kind) {
        return latencies.get(kind).size();
    }

    /** {"OPEN": {"count":..,"p50":..,"p95":..,"p99":..,"max":..}, ..., "ALL": {...}} */
    public ObjectNode latencyJson() {
        ObjectNode o = Http.JSON.createObjectNode();
        for (Kind k : Kind.values()) {
            o.set(k.name(), summary(k));
        }
        o.set("ALL", summary(null));
        return o;
    }

    private ObjectNode summary(Kind k) {
        double[] p = percentiles(k, 0.5, 0.95, 0.99, 1.0);
        ObjectNode s = Http.JSON.createObjectNode();
        s.put("count", k == null ? requests.get() : count(k));
        s.put("p50", round(p[0])).put("p95", round(p[1])).put("p99", round(p[2])).put("max", round(p[3]));
        return s;
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    /** A growable array of longs, synchronized. */
    static final class LongList {
        private long[] a = new long[1024];
        private int n;

        synchronized void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        synchronized void addAll(LongList other) {
            for (long v : other.toArray()) {
                add(v);
            }
        }

        synchronized long[] toArray() {
            return Arrays.copyOf(a, n);
        }

        synchronized int size() {
            return n;
        }
    }
}
