package org.evkin.instrument.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.evkin.instrument.DeploymentProblem;
import org.evkin.instrument.DeploymentProblem.Problem;
import org.evkin.instrument.Instrument;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentStatus;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.model.CompetencyModel;
import org.evkin.store.InstrumentStore;
import org.evkin.store.StoreUnavailableException;
import org.evkin.store.StoredInstrument;
import org.evkin.store.StoredSchedule;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instrument extender (the OSGi extender pattern): tracks bundles with an EvKin-Instrument header, validates their
 * descriptor, writes an immutable snapshot of (code, version) to the database and registers one Instrument service per
 * bundle. A bundle that stops is withdrawn after a short grace period unless it comes back (an update), so that an
 * update never leaves a gap; a broken update leaves the previous version serving.
 */
@Component(name = "org.evkin.instrument", service = InstrumentRegistry.class, immediate = true)
public class InstrumentExtender implements InstrumentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentExtender.class);
    /** The manifest header naming the descriptor inside an instrument bundle. */
    public static final String HEADER = "EvKin-Instrument";
    static final long GRACE_MS = 3000;
    private static final int KEPT_PROBLEMS = 50;

    private final BundleContext context;
    private final InstrumentStore store;
    private final DescriptorReader reader;
    private final ScheduledExecutorService timer;
    private final BundleTracker<Bundle> tracker;
    private final BundleListener uninstallListener;

    /** Per bundle id: the valid instrument it serves and its service registration. */
    private final Map<Long, Served> served = new HashMap<>();
    private final Map<Long, ScheduledFuture<?>> pendingWithdrawals = new HashMap<>();
    /** The live withdrawal of each bundle: a task whose token is no longer here was cancelled and must do nothing. */
    private final Map<Long, Object> withdrawalTokens = new HashMap<>();
    private final Deque<DeploymentProblem> problems = new ArrayDeque<>();
    /** Bundles whose wait for the database was logged already: one line each, not one per retry. */
    private final java.util.Set<Long> waitingForDatabase = new java.util.HashSet<>();
    private final Map<String, InstrumentDefinition> snapshotCache = new ConcurrentHashMap<>();

    private record Served(DeployedInstrument instrument, ServiceRegistration<Instrument> registration) {
    }

    @Activate
    public InstrumentExtender(BundleContext context, @Reference CompetencyModel model, @Reference InstrumentStore store) {
        this.context = context;
        this.store = store;
        this.reader = new DescriptorReader(model);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evkin-instrument-extender");
            t.setDaemon(true);
            return t;
        });
        this.uninstallListener = event -> {
            if (event.getType() == BundleEvent.UNINSTALLED) {
                withdraw(event.getBundle().getBundleId(), "uninstalled");
            }
        };
        context.addBundleListener(uninstallListener);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(HEADER) == null) {
                    return null;
                }
                process(bundle);
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                scheduleWithdrawal(bundle);
            }
        });
        // open() hands over every bundle already active before it reports changes: installed ones are processed first.
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        context.removeBundleListener(uninstallListener);
        timer.shutdownNow();
        synchronized (this) {
            served.values().forEach(s -> unregister(s.registration()));
            served.clear();
        }
    }

    /** Validates and deploys one bundle's instrument; on any problem records it and keeps what was served before. */
    synchronized void process(Bundle bundle) {
        long id = bundle.getBundleId();
        cancelWithdrawal(id);
        Served current = served.get(id);
        if (current != null && current.instrument().lastModified() == bundle.getLastModified()) {
            return;
        }
        String name = bundle.getSymbolicName() + " " + bundle.getVersion();
        String file = bundle.getHeaders("").get(HEADER).strip();
        byte[] bytes;
        try {
            bytes = read(bundle, file);
        } catch (IOException e) {
            reject(bundle, file, List.of(new Problem("$", e.getMessage())));
            return;
        }
        DescriptorReader.Result result = reader.read(bytes);
        InstrumentDefinition def = result.definition();
        try {
            if (!result.ok()) {
                List<Problem> all = new ArrayList<>(result.problems());
                if (result.code() != null) {
                    all.addAll(checkAgainstHistory(result.code(), result.version(), null));
                }
                reject(bundle, file, all);
                return;
            }
            List<Problem> history = checkAgainstHistory(def.code(), def.version(), def.checksum());
            if (!history.isEmpty()) {
                reject(bundle, file, history);
                return;
            }
            StoredInstrument saved = store.saveSnapshot(new StoredInstrument(def.code(), def.version(),
                    DescriptorReader.versionOrder(def.version()), def.title(), DescriptorReader.utf8(bytes), def.checksum(),
                    name, Instant.now()));
            if (!saved.checksum().equals(def.checksum())) {
                reject(bundle, file, List.of(new Problem("$.version", "version " + def.version() + " of " + def.code()
                        + " was stored meanwhile with other content; raise the version")));
                return;
            }
        } catch (StoreUnavailableException e) {
            if (waitingForDatabase.add(id)) {
                LOG.warn("Instrument bundle {} waits for the database ({}); retrying every 2 s", name, e.getMessage());
            }
            timer.schedule(() -> {
                if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                    process(bundle);
                }
            }, 2, TimeUnit.SECONDS);
            return;
        }
        waitingForDatabase.remove(id);
        snapshotCache.put(key(def.code(), def.version()), def);
        DeployedInstrument instrument = new DeployedInstrument(def, name, id, bundle.getLastModified());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Instrument.CODE, def.code());
        props.put(Instrument.VERSION, def.version());
        props.put("source.bundle.id", id);
        ServiceRegistration<Instrument> registration = context.registerService(Instrument.class, instrument, props);
        served.put(id, new Served(instrument, registration));
        if (current != null) {
            unregister(current.registration());
        }
        LOG.info("Instrument {} {} deployed from bundle {} ({} items)", def.code(), def.version(), name, def.items().size());
    }

    /** A version lower than one already deployed, or the same version with other content, is refused. */
    private List<Problem> checkAgainstHistory(String code, String version, String checksum) {
        List<Problem> out = new ArrayList<>();
        long order = DescriptorReader.versionOrder(version);
        for (StoredInstrument s : store.versions(code)) {
            if (s.version().equals(version) && checksum != null && !s.checksum().equals(checksum)) {
                out.add(new Problem("$.version", "version " + version + " of " + code
                        + " was deployed before with other content: a deployed version never changes, raise the version"));
            } else if (s.versionOrder() > order) {
                out.add(new Problem("$.version", "version " + version + " is lower than version " + s.version()
                        + " of " + code + " already deployed"));
                break;
            }
        }
        return out;
    }

    private void reject(Bundle bundle, String file, List<Problem> found) {
        DeploymentProblem p = new DeploymentProblem(Instant.now(), bundle.getSymbolicName() + " " + bundle.getVersion(),
                bundle.getLocation(), file, found);
        problems.addFirst(p);
        while (problems.size() > KEPT_PROBLEMS) {
            problems.removeLast();
        }
        Served previous = served.get(bundle.getBundleId());
        LOG.error("Instrument bundle {} ({}) rejected, {} problem(s) in {}: {}{}", p.bundle(), bundle.getLocation(), found.size(),
                file, found.stream().map(Problem::toString).collect(Collectors.joining("; ")),
                previous == null ? "" : "; version " + previous.instrument().definition().version() + " keeps serving");
    }

    private static byte[] read(Bundle bundle, String file) throws IOException {
        URL entry = bundle.getEntry(file);
        if (entry == null) {
            throw new IOException("the descriptor " + file + " named by the " + HEADER + " header is not in the bundle");
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        }
    }

    private synchronized void scheduleWithdrawal(Bundle bundle) {
        long id = bundle.getBundleId();
        if (!served.containsKey(id)) {
            return;
        }
        cancelWithdrawal(id);
        Object token = new Object();
        withdrawalTokens.put(id, token);
        pendingWithdrawals.put(id, timer.schedule(() -> {
            synchronized (this) {
                // Checked under the lock: a process() that came in meanwhile cancelled this withdrawal (new token).
                if (withdrawalTokens.get(id) == token && (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                    withdraw(id, "stopped");
                }
            }
        }, GRACE_MS, TimeUnit.MILLISECONDS));
    }

    private void cancelWithdrawal(long id) {
        withdrawalTokens.remove(id);
        ScheduledFuture<?> f = pendingWithdrawals.remove(id);
        if (f != null) {
            f.cancel(false);
        }
    }

    synchronized void withdraw(long bundleId, String why) {
        cancelWithdrawal(bundleId);
        Served s = served.remove(bundleId);
        if (s != null) {
            unregister(s.registration());
            InstrumentDefinition d = s.instrument().definition();
            LOG.info("Instrument {} {} withdrawn from new use (bundle {}); its snapshot and data stay", d.code(), d.version(), why);
        }
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it with the bundle
        }
    }

    @Override
    public synchronized Optional<InstrumentDefinition> current(String code) {
        return served.values().stream().map(s -> s.instrument().definition()).filter(d -> d.code().equals(code))
                .max(Comparator.comparingLong(d -> DescriptorReader.versionOrder(d.version())));
    }

    private synchronized Optional<DeployedInstrument> currentServed(String code) {
        return served.values().stream().map(Served::instrument).filter(i -> i.definition().code().equals(code))
                .max(Comparator.comparingLong(i -> DescriptorReader.versionOrder(i.definition().version())));
    }

    @Override
    public Optional<InstrumentDefinition> version(String code, String version) {
        InstrumentDefinition cached = snapshotCache.get(key(code, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredInstrument> stored = store.find(code, version);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        DescriptorReader.Result r = reader.read(stored.get().definition().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw new IllegalStateException("Stored instrument " + code + " " + version + " no longer reads: " + r.problems());
        }
        snapshotCache.put(key(code, version), r.definition());
        return Optional.of(r.definition());
    }

    @Override
    public List<InstrumentSummary> list() {
        Map<String, InstrumentSummary> out = new TreeMap<>();
        Map<String, StoredSchedule> schedules = store.schedules().stream()
                .collect(Collectors.toMap(StoredSchedule::code, s -> s));
        for (StoredInstrument latest : store.latestOfEachCode()) {
            out.put(latest.code(), summarize(latest.code(), store.versions(latest.code()), schedules.get(latest.code())));
        }
        return List.copyOf(out.values());
    }

    @Override
    public Optional<InstrumentSummary> summary(String code) {
        List<StoredInstrument> versions = store.versions(code);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summarize(code, versions, store.schedule(code).orElse(null)));
    }

    /** {@code stored}: every stored version of the program, oldest first (read once by the caller). */
    private InstrumentSummary summarize(String code, List<StoredInstrument> stored, StoredSchedule schedule) {
        StoredInstrument latestStored = stored.get(stored.size() - 1);
        Optional<DeployedInstrument> live = currentServed(code);
        List<String> versions = stored.stream().map(StoredInstrument::version).toList();
        InstrumentStatus status = schedule == null ? InstrumentStatus.ACTIVE : InstrumentStatus.valueOf(schedule.status());
        return new InstrumentSummary(code, live.map(i -> i.definition().version()).orElse(null),
                live.map(i -> i.definition().title()).orElse(latestStored.title()),
                live.map(i -> i.definition().targetKind()).orElseGet(() -> version(code, latestStored.version())
                        .map(InstrumentDefinition::targetKind).orElse(null)),
                live.isPresent(), status, schedule == null ? null : schedule.periodStart(),
                schedule == null ? null : schedule.periodEnd(), live.map(DeployedInstrument::sourceBundle).orElse(latestStored.sourceBundle()),
                versions);
    }

    @Override
    public synchronized List<DeploymentProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public InstrumentSummary schedule(String code, InstrumentStatus status, LocalDate periodStart, LocalDate periodEnd, String actor) {
        if (store.versions(code).isEmpty()) {
            throw new IllegalArgumentException("unknown instrument " + code);
        }
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("the period ends (" + periodEnd + ") before it starts (" + periodStart + ")");
        }
        store.saveSchedule(new StoredSchedule(code, status.name(), periodStart, periodEnd, Instant.now(), actor),
                "status=" + status + " period=" + periodStart + ".." + periodEnd);
        LOG.info("Instrument {} set to {} for {}..{} by {}", code, status, periodStart, periodEnd, actor);
        return summary(code).orElseThrow();
    }

    private static String key(String code, String version) {
        return code + "@" + version;
    }

    /** For tests and diagnostics: how many bundles serve an instrument now. */
    synchronized int servedCount() {
        return served.size();
    }
}
