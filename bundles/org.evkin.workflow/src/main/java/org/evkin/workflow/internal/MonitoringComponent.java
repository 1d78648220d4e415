package org.evkin.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.evkin.model.Target;
import org.evkin.security.Tokens;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.FormRecord;
import org.evkin.store.FormStore;
import org.evkin.store.LinkRecord;
import org.evkin.store.LinkStore;
import org.evkin.store.MailOutbox;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.store.RaterRecord;
import org.evkin.store.ReminderRecord;
import org.evkin.workflow.Account;
import org.evkin.workflow.CycleProgress;
import org.evkin.workflow.MonitoringService;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.ReminderReport;
import org.evkin.workflow.Role;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion of a cycle by program, level, province and rater source; late raters; reminders with a fresh link (one
 * click, or automatically on a schedule) and escalation to the participant and the admin after repeated reminders.
 */
@Component(name = "org.evkin.monitoring", service = MonitoringService.class,
        configurationPid = {"org.evkin.monitoring", "org.evkin.invitations"})
public class MonitoringComponent implements MonitoringService {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringComponent.class);
    private static final Account SYSTEM = new Account(0, "sistem@evkin", "EvKin", Role.NATIONAL_ADMIN, null, null);

    private final CycleStore cycles;
    private final ParticipantStore participants;
    private final FormStore forms;
    private final LinkStore links;
    private final String baseUrl;
    private final Duration lateAfter;
    private final int escalateAfter;
    private final String escalationEmail;
    private final ScheduledExecutorService scheduler;

    @Activate
    public MonitoringComponent(MonitoringConfig config, @Reference CycleStore cycles, @Reference ParticipantStore participants,
            @Reference FormStore forms, @Reference LinkStore links) {
        if (config.reminder_after_hours() < 0 || config.reminder_after_hours() > 1440) {
            throw new IllegalArgumentException("setting 'reminder.after.hours' in config/org.evkin.monitoring.cfg must be 0-1440");
        }
        this.cycles = cycles;
        this.participants = participants;
        this.forms = forms;
        this.links = links;
        this.lateAfter = Duration.ofHours(config.reminder_after_hours());
        this.escalateAfter = Math.max(1, config.escalate_after_reminders());
        this.escalationEmail = config.escalation_email().isBlank() ? null : config.escalation_email().strip();
        this.baseUrl = InvitationComponent.baseUrl(config.base_url());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evkin-reminders");
            t.setDaemon(true);
            return t;
        });
        int every = config.reminder_check_seconds();
        if (every != 0 && every < 10) {
            throw new IllegalArgumentException("setting 'reminder.check.seconds' in config/org.evkin.monitoring.cfg must be 0 (off) or"
                    + " at least 10, not " + every);
        }
        if (every > 0) {
            scheduler.scheduleWithFixedDelay(this::remindAllCycles, every, every, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void remindAllCycles() {
        try {
            for (CycleRecord c : cycles.list()) {
                ReminderReport r = remind(SYSTEM, c.id());
                if (r.reminded() + r.escalated() > 0) {
                    LOG.info("Automatic reminders for cycle {}: {} reminded, {} escalated, {} late without e-mail", c.name(),
                            r.reminded(), r.escalated(), r.withoutEmail());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Automatic reminders skipped this time: {}", e.getMessage());
        }
    }

    /** Everything known of one participant's forms in a cycle. */
    private record Person(ParticipantRecord p, List<String> programs, Map<RaterRole, int[]> bySource) {
        boolean complete() {
            return bySource.values().stream().allMatch(x -> x[1] > 0 && x[0] == x[1]);
        }
    }

    /** What monitoring and reminders read of a cycle, loaded once per call. */
    private record Snapshot(int participants, List<Person> people, Map<Long, List<FormRecord>> formsBy,
            Map<String, LinkRecord> liveLinks, Map<String, ReminderRecord> reminders) {
    }

    private Snapshot snapshot(Account actor, long cycleId) {
        cycles.get(cycleId).orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound")));
        Map<Long, List<EnrolmentRecord>> enrolments = participants.enrolmentsOfCycle(cycleId, actor.province(), actor.district())
                .stream().filter(EnrolmentRecord::eligible).collect(Collectors.groupingBy(EnrolmentRecord::participantId));
        Map<Long, List<FormRecord>> formsBy = forms.formsOfCycle(cycleId).stream()
                .collect(Collectors.groupingBy(FormRecord::participantId));
        List<ParticipantRecord> all = participants.participantsOfCycle(cycleId, actor.province(), actor.district());
        List<Person> out = new ArrayList<>();
        for (ParticipantRecord p : all) {
            List<String> programs = enrolments.getOrDefault(p.id(), List.of()).stream().map(EnrolmentRecord::programCode).toList();
            if (programs.isEmpty() || !actor.covers(p.province(), p.district())) {
                continue;
            }
            Map<RaterRole, int[]> bySource = new EnumMap<>(RaterRole.class);
            for (RaterRole role : RaterRole.values()) {
                int expected = programs.size() + ("PK".equals(p.kind()) && role.mapsTasks() ? 1 : 0);
                int submitted = (int) formsBy.getOrDefault(p.id(), List.of()).stream().filter(f -> f.raterRole().equals(role.name())
                        && f.submitted() && (f.part() == 1 || programs.contains(f.programCode()))).count();
                bySource.put(role, new int[] {submitted, expected});
            }
            out.add(new Person(p, programs, bySource));
        }
        Map<String, LinkRecord> liveLinks = new HashMap<>();
        for (LinkRecord l : links.linksOfCycle(cycleId)) {
            if (l.revokedAt() == null) {
                liveLinks.merge(l.participantId() + "|" + l.role(), l, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
            }
        }
        Map<String, ReminderRecord> reminders = links.reminders(cycleId).stream()
                .collect(Collectors.toMap(r -> r.participantId() + "|" + r.role(), r -> r));
        return new Snapshot(all.size(), out, formsBy, liveLinks, reminders);
    }

    @Override
    public CycleProgress progress(Account actor, long cycleId) {
        Snapshot snapshot = snapshot(actor, cycleId);
        List<Person> people = snapshot.people();
        Map<Long, List<FormRecord>> formsBy = snapshot.formsBy();
        Map<String, int[]> byProgram = new TreeMap<>();
        Map<String, int[]> byLevel = new TreeMap<>();
        Map<String, int[]> byProvince = new TreeMap<>();
        Map<RaterRole, int[]> bySource = new EnumMap<>(RaterRole.class);
        int complete = 0;
        for (Person x : people) {
            boolean done = x.complete();
            complete += done ? 1 : 0;
            for (String program : x.programs()) {
                long parts = formsBy.getOrDefault(x.p().id(), List.of()).stream()
                        .filter(f -> f.part() == 2 && f.programCode().equals(program) && f.submitted()).count();
                add(byProgram, program, parts == RaterRole.values().length);
            }
            add(byLevel, x.p().level() == null ? "PAK" : Target.valueOf(x.p().level()).label(), done);
            add(byProvince, x.p().province(), done);
            x.bySource().forEach((role, v) -> {
                int[] s = bySource.computeIfAbsent(role, r -> new int[2]);
                s[0] += v[1];
                s[1] += v[0];
            });
        }
        List<CycleProgress.Source> sources = new ArrayList<>();
        bySource.forEach((role, v) -> sources.add(new CycleProgress.Source(role, v[0], v[1])));
        return new CycleProgress(cycleId, snapshot.participants(), people.size(), complete, groups(byProgram), groups(byLevel),
                groups(byProvince), sources, late(cycleId, snapshot));
    }

    private List<CycleProgress.LateRater> late(long cycleId, Snapshot snapshot) {
        List<Person> people = snapshot.people();
        Map<String, LinkRecord> liveLinks = snapshot.liveLinks();
        Map<String, ReminderRecord> reminders = snapshot.reminders();
        Map<String, RaterRecord> raters = forms.ratersOfCycle(cycleId).stream()
                .collect(Collectors.toMap(r -> r.participantId() + "|" + r.role(), r -> r));
        Instant cutoff = Instant.now().minus(lateAfter);
        List<CycleProgress.LateRater> out = new ArrayList<>();
        for (Person x : people) {
            for (RaterRole role : RaterRole.values()) {
                int[] v = x.bySource().get(role);
                String key = x.p().id() + "|" + role;
                LinkRecord link = liveLinks.get(key);
                if (v[0] >= v[1] || link == null || !link.createdAt().isBefore(cutoff) && !lateAfter.isZero() || link.expiresAt().isBefore(Instant.now())) {
                    continue;
                }
                RaterRecord r = raters.get(key);
                String name = role == RaterRole.DIRI ? x.p().name() : r == null ? null : r.name();
                String email = role == RaterRole.DIRI ? x.p().email() : r == null ? null : r.email();
                ReminderRecord rem = reminders.get(key);
                out.add(new CycleProgress.LateRater(x.p().id(), x.p().name(), x.p().province(), role, name, email, v[0], v[1],
                        rem == null ? 0 : rem.sent(), link.createdAt()));
            }
        }
        return out;
    }

    @Override
    public ReminderReport remind(Account actor, long cycleId) {
        CycleRecord cycle = cycles.get(cycleId)
                .orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "cycleNotFound", Texts.get("cycle.notFound")));
        Snapshot snapshot = snapshot(actor, cycleId);
        Map<Long, Person> byId = snapshot.people().stream().collect(Collectors.toMap(p -> p.p().id(), p -> p));
        Map<String, ReminderRecord> reminders = snapshot.reminders();
        Map<String, LinkRecord> liveLinks = snapshot.liveLinks();
        int reminded = 0, escalated = 0, withoutEmail = 0;
        for (CycleProgress.LateRater late : late(cycleId, snapshot)) {
            if (late.email() == null) {
                withoutEmail++;
                continue;
            }
            String key = late.participantId() + "|" + late.role();
            LinkRecord old = liveLinks.get(key);
            Person person = byId.get(late.participantId());
            Instant now = Instant.now();
            String token = Tokens.newToken();
            String link = baseUrl + "/t/" + token;
            LocalDate closes = old.expiresAt().atZone(InvitationComponent.JAKARTA).toLocalDate().minusDays(1);
            String whose = late.role() == RaterRole.DIRI ? "Anda" : person.p().name();
            MailOutbox.NewMail mail = new MailOutbox.NewMail("remind:" + cycleId + ":" + key + ":" + now.toEpochMilli(), late.email(),
                    Texts.get("remind.subject", whose), Texts.get("remind.body", late.name(), whose, cycle.name(), late.submitted(),
                            late.expected(), link, InvitationComponent.DATE.format(closes)), null);
            ReminderRecord rem = reminders.get(key);
            int sentBefore = rem == null ? 0 : rem.sent();
            List<MailOutbox.NewMail> escalations = new ArrayList<>();
            if (sentBefore + 1 >= escalateAfter && (rem == null || rem.escalatedAt() == null)) {
                String roleLabel = Texts.get("role." + late.role());
                List<String> to = new ArrayList<>();
                if (late.role() != RaterRole.DIRI) {
                    to.add(person.p().email());
                }
                String adminEmail = actor == SYSTEM ? escalationEmail : actor.email();
                if (adminEmail != null) {
                    to.add(adminEmail);
                }
                for (String t : to) {
                    escalations.add(new MailOutbox.NewMail("escalate:" + cycleId + ":" + key + ":" + t, t,
                            Texts.get("escalate.subject", person.p().name()), Texts.get("escalate.body", t, late.name(), late.email(),
                                    roleLabel, person.p().name(), sentBefore + 1), null));
                }
            }
            links.remind(new LinkRecord(Tokens.hash(token), null, cycleId, late.participantId(), late.role().name(), now,
                    old.expiresAt(), null), mail, escalations);
            reminded++;
            escalated += escalations.isEmpty() ? 0 : 1;
        }
        return new ReminderReport(reminded, escalated, withoutEmail);
    }

    private static void add(Map<String, int[]> m, String key, boolean complete) {
        int[] v = m.computeIfAbsent(key, k -> new int[2]);
        v[0]++;
        v[1] += complete ? 1 : 0;
    }

    private static List<CycleProgress.Group> groups(Map<String, int[]> m) {
        return m.entrySet().stream().map(e -> new CycleProgress.Group(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
