package org.evkin.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.evkin.load.Stats.Kind;

/**
 * N concurrent raters, each a thread playing what form.js and a person do through a personal link: open the link
 * (GET /api/t/{token}), then for each of its programs open the Part-2 form (GET .../part2/{program}), autosave a
 * growing draft a few times (PUT .../draft), and submit (POST .../submit); then the next link. Closed loop: a rater
 * sends its next request when the previous one is answered (plus the think time, 0 by default).
 *
 * <p>A request that fails is retried the way a browser would (after Retry-After, or 250 ms without it) until it
 * succeeds or the run ends; a 4xx other than 429 gives the form up, except a 404 that is not EvKin's JSON error (the
 * web server answers so while the API is not registered yet, during a start). Every failure is counted.
 */
public final class LoadRun {

    public static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The raters' own client (blocking keep-alive, one socket per rater: little CPU); closed by {@link #stop()}. */
    private final RaterHttp http;
    private final Queue<String> links;
    private final Stats stats;
    private final Ledger ledger;
    private final int drafts;
    private final int thinkMillis;
    /** Paced (open) mode: nanoseconds between two requests of one rater; 0 in the closed loop. */
    private final long intervalNanos;
    /**
     * Paced mode: over how long the raters' first requests are spread, so the offered load rises from nothing to the
     * full rate over that time (a cold server, whose JIT compiler is still at work, is not handed the full rate at once
     * and a backlog it could not clear before the window); 0: over one interval.
     */
    private volatile long rampNanos;
    /** Paced mode: when this rater's next request is due; latencies count from then (no coordinated omission). */
    private final ThreadLocal<Schedule> schedule;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<String, Integer> itemsPerProgram = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile long exhaustedAt;

    public LoadRun(Http http, List<String> links, Stats stats, Ledger ledger, int drafts, int thinkMillis) {
        this(http, links, stats, ledger, drafts, thinkMillis, 0, 1);
    }

    /**
     * With rate &gt; 0 (submissions per second, all raters together) each rater sends its requests on a fixed schedule
     * instead of as fast as it can: one request every raters / (rate × requests-per-submission) seconds, the first at a
     * random point of that interval. A request sent late (the rater still waited for the previous answer) counts its
     * latency from when it was due, so a server that falls behind shows it in the percentiles.
     */
    public LoadRun(Http http, List<String> links, Stats stats, Ledger ledger, int drafts, int thinkMillis, double rate, int raters) {
        this.http = new RaterHttp(http.base());
        this.intervalNanos = rate > 0 ? (long) (raters / (rate * requestsPerSubmission(drafts)) * 1e9) : 0;
        // made at a rater's first request, after rampUp
        this.schedule = ThreadLocal.withInitial(() -> new Schedule(intervalNanos, Math.max(intervalNanos, rampNanos)));
        this.links = new ConcurrentLinkedQueue<>(links);
        this.stats = stats;
        this.ledger = ledger;
        this.drafts = drafts;
        this.thinkMillis = thinkMillis;
    }

    /** Requests per submission: the form, the drafts, the submit, and a sixth of the link's opening (six programs). */
    public static double requestsPerSubmission(int drafts) {
        return drafts + 2 + 1.0 / 6;
    }

    /** Paced mode: milliseconds between two requests of one rater (0 in the closed loop). */
    public double intervalMillis() {
        return intervalNanos / 1e6;
    }

    /** The number of items of each program, read the way a rater reads them (opens the link and each form). */
    public static Map<String, Integer> probe(Http http, String token) throws Exception {
        Map<String, Integer> items = new java.util.TreeMap<>();
        Http.Reply access = http.send("GET", "/api/t/" + token, null, null);
        if (!access.ok()) {
            throw new IllegalStateException("opening a link answered " + access.status() + ": " + access.body());
        }
        for (JsonNode p : access.json().path("programs")) {
            String program = p.path("code").asText();
            Http.Reply form = http.send("GET", "/api/t/" + token + "/part2/" + program, null, null);
            if (!form.ok()) {
                throw new IllegalStateException("opening form " + program + " answered " + form.status() + ": " + form.body());
            }
            items.put(program, itemCodes(form.json()).size());
        }
        return items;
    }

    /** Paced mode: the raters start one by one over this many seconds (call before {@link #start(int)}). */
    public void rampUp(double seconds) {
        rampNanos = (long) (seconds * 1e9);
    }

    public void start(int raters) {
        for (int i = 0; i < raters; i++) {
            Thread t = new Thread(this::rater, "rater-" + i);
            t.setDaemon(true);
            threads.add(t);
            busy.incrementAndGet();
            t.start();
        }
    }

    /** Latencies and submissions count from now until {@link #closeWindow()}. */
    public void openWindow() {
        windowStart = System.nanoTime();
    }

    public void closeWindow() {
        windowEnd = System.nanoTime();
    }

    /** Seconds of the measured window, shortened when the links ran out. */
    public double windowSeconds() {
        long end = exhaustedAt != 0 && exhaustedAt < windowEnd ? exhaustedAt : windowEnd;
        return (end - windowStart) / 1e9;
    }

    /** The measured window's start and end (nanoTime). */
    public long windowStart() {
        return windowStart;
    }

    public long windowEnd() {
        return windowEnd;
    }

    public boolean exhausted() {
        return exhaustedAt != 0;
    }

    public int linksLeft() {
        return links.size();
    }

    public Map<String, Integer> itemsPerProgram() {
        return Map.copyOf(itemsPerProgram);
    }

    /** Stops every rater after its current request; waits for them, then closes their sockets. */
    public void stop() throws InterruptedException {
        stopping = true;
        threads.forEach(java.util.concurrent.locks.LockSupport::unpark);
        for (Thread t : threads) {
            t.join(120_000);
        }
        http.close();
    }

    private boolean inWindow(long t) {
        return t >= windowStart && t < windowEnd;
    }

    private void rater() {
        try {
            String token;
            while (!stopping && (token = links.poll()) != null) {
                Http.Reply opened = step(Kind.OPEN, "GET", "/api/t/" + token, null);
                if (opened == null) {
                    continue;
                }
                JsonNode access = opened.json();
                long participant = access.path("participant").path("id").asLong();
                for (JsonNode p : access.path("programs")) {
                    if (p.path("open").asBoolean() && !"SUBMITTED".equals(p.path("formStatus").asText())) {
                        fill(token, participant, p.path("code").asText());
                    }
                }
            }
            if (!stopping && exhaustedAt == 0) {
                exhaustedAt = System.nanoTime();
                System.out.println("[load] all links used: the raters stop early");
            }
        } catch (Stopped e) {
            // the run is over
        } finally {
            busy.decrementAndGet();
        }
    }

    private void fill(String token, long participant, String program) {
        String path = "/api/t/" + token + "/part2/" + program;
        Http.Reply form = step(Kind.FORM, "GET", path, null);
        if (form == null) {
            return;
        }
        List<String> items = itemCodes(form.json());
        itemsPerProgram.putIfAbsent(program, items.size());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int d = 1; d <= drafts; d++) {
            Map<String, String> draft = answers(items, items.size() * d / (drafts + 1), random);
            ledger.sending(participant, program, draft, false);
            // only the status of a draft's answer counts (form.js ignores its body too, and asks for the short one)
            if (step(Kind.DRAFT, "PUT", path + "/draft", Map.of("answers", draft), "return=minimal") == null) {
                return;
            }
            ledger.acknowledged(participant, program, draft, false);
        }
        Map<String, String> all = answers(items, items.size(), random);
        ledger.sending(participant, program, all, true);
        Http.Reply submitted = step(Kind.SUBMIT, "POST", path + "/submit", Map.of("answers", all));
        if (submitted != null) {
            JsonNode done = submitted.json();
            if (!"SUBMITTED".equals(done.path("status").asText())) {
                stats.failed(Kind.SUBMIT, "answered " + done.path("status").asText(), false);
                return;
            }
            // a retried submit whose first attempt was stored answers with the first content (two submits store one)
            Map<String, String> stored = new LinkedHashMap<>();
            done.path("answers").fields().forEachRemaining(e -> stored.put(e.getKey(), e.getValue().asText()));
            ledger.acknowledged(participant, program, stored, true);
            stats.submitted(inWindow(System.nanoTime()));
        }
    }

    /** The item codes of a Part-2 form as the API shows it, in order. */
    private static List<String> itemCodes(JsonNode form) {
        List<String> items = new ArrayList<>();
        form.path("sections").forEach(s -> s.path("entries").forEach(e -> items.add(e.path("code").asText())));
        return items;
    }

    /** The first n items answered 1-4, about one in twelve "NA". */
    private static Map<String, String> answers(List<String> items, int n, ThreadLocalRandom random) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int v = random.nextInt(12);
            a.put(items.get(i), v == 0 ? "NA" : Integer.toString(1 + v % 4));
        }
        return a;
    }

    /**
     * One request, retried until it succeeds; null when the server refused it for good (a 4xx). The answer's body is
     * parsed by the caller, only where it is needed.
     */
    private Http.Reply step(Kind kind, String method, String path, Object body) {
        return step(kind, method, path, body, null);
    }

    /** With prefer: the Prefer header form.js sends with an autosave ("return=minimal": the saved state only). */
    private Http.Reply step(Kind kind, String method, String path, Object body, String prefer) {
        while (true) {
            if (stopping) {
                throw new Stopped();
            }
            think();
            long late = pace();
            long t0 = System.nanoTime();
            long wait;
            try {
                Http.Reply r = http.send(method, path, null, body, prefer);
                if (r.ok()) {
                    stats.ok(kind, r.nanos() + late, inWindow(t0));
                    return r;
                }
                boolean unavailable = r.status() == 503 && r.retryAfter() != null;
                // a 404 that is not EvKin's JSON error comes from the web server before the API is registered (starting)
                boolean notServing = r.status() == 404 && !r.body().contains("\"error\"");
                stats.failed(kind, r.status() + (r.status() == 503 ? (r.retryAfter() == null ? " without Retry-After" : " Retry-After "
                        + r.retryAfter()) : notServing ? " before the API was registered" : " " + abbreviate(r.body())), unavailable);
                if (r.status() >= 400 && r.status() < 500 && r.status() != 429 && !notServing) {
                    return null;
                }
                wait = r.retryAfter() != null ? Math.min(5000, 1000L * parse(r.retryAfter())) : 250;
            } catch (Exception e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                stats.failed(kind, "no answer: " + root.getClass().getSimpleName(), false);
                wait = 250;
            }
            sleep(wait);
        }
    }

    /** Paced mode: waits until this rater's next request is due; returns how late it is (ns), counted in its latency. */
    private long pace() {
        if (intervalNanos == 0) {
            return 0;
        }
        long late = schedule.get().await(() -> stopping);
        if (late < 0) {
            throw new Stopped();
        }
        return late;
    }

    private void think() {
        if (thinkMillis > 0) {
            sleep(ThreadLocalRandom.current().nextInt(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
        }
    }

    private void sleep(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!stopping && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(50, ms));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    private static long parse(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String abbreviate(String s) {
        s = s == null ? "" : s.replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
