package org.evkin.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;
import org.evkin.model.Task;
import org.evkin.security.Tokens;
import org.evkin.store.BatteryRecord;
import org.evkin.store.CycleRecord;
import org.evkin.store.CycleStore;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.FormContent;
import org.evkin.store.FormRecord;
import org.evkin.store.FormStore;
import org.evkin.store.Transactions;
import org.evkin.store.LinkContext;
import org.evkin.store.LinkRecord;
import org.evkin.store.LinkStore;
import org.evkin.store.MailOutbox;
import org.evkin.store.ParticipantRecord;
import org.evkin.store.ParticipantStore;
import org.evkin.store.RaterRecord;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.FormView;
import org.evkin.workflow.LinkAccess;
import org.evkin.workflow.RaterInput;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.RaterStatus;
import org.evkin.workflow.WorkflowException;
import org.evkin.workflow.WorkflowException.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The rules of the participant's and the raters' forms: who may open what through which link, which items a form has
 * (pinned to the instrument version of the enrolment), what a draft and a submit must contain, and the invitations of
 * the raters the participant names.
 */
@Component(name = "org.evkin.forms", service = FormService.class, configurationPid = "org.evkin.invitations")
public class FormComponent implements FormService {

    private static final DateTimeFormatter DATE = InvitationComponent.DATE;

    private final LinkStore links;
    private final ParticipantStore participants;
    private final CycleStore cycles;
    private final FormStore forms;
    private final InstrumentRegistry instruments;
    private final CompetencyModel model;
    private final String baseUrl;
    /** A rater's request (open, autosave, submit) runs in one transaction: one connection and one COMMIT. */
    private final Transactions transactions;
    /**
     * The Part-2 layout of each instrument version, per target and rater side, built once: every rater request needs it,
     * and building it walks the items once per subkompetensi. Exact, because a (code, version) never changes its
     * content (InstrumentDefinition) and the competency model is fixed for this component's life (a static reference).
     */
    private final Map<LayoutKey, Layout> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public FormComponent(InvitationConfig config, @Reference LinkStore links, @Reference ParticipantStore participants,
            @Reference CycleStore cycles, @Reference FormStore forms, @Reference InstrumentRegistry instruments,
            @Reference CompetencyModel model, @Reference Transactions transactions) {
        this.baseUrl = InvitationComponent.baseUrl(config.base_url());
        this.transactions = transactions;
        this.links = links;
        this.participants = participants;
        this.cycles = cycles;
        this.forms = forms;
        this.instruments = instruments;
        this.model = model;
    }

    /**
     * What a resolved link gives: the link, its participant, its cycle; for a request about one program also the
     * participant's enrolment in it and its battery (null when there is none).
     */
    private record Context(LinkRecord link, ParticipantRecord participant, CycleRecord cycle, RaterRole role,
            EnrolmentRecord enrolment, BatteryRecord battery, FormRecord form) {
        boolean pk() {
            return "PK".equals(participant.kind());
        }

        Target target() {
            return pk() ? Target.valueOf(participant.level()) : Target.PAK;
        }
    }

    /** Unknown short codes in the last 10 minutes: beyond 100, short codes are locked (40 bits stay out of reach). */
    private final java.util.Deque<Instant> unknownCodes = new java.util.ArrayDeque<>();
    static final int MAX_UNKNOWN_CODES = 100;

    private Context resolve(String token) {
        return resolve(token, 0, null);
    }

    /**
     * The link's context in one read; for a form request (part 1, or part 2 with its program code) also that program's
     * enrolment and battery and the rater's form of it (null until first opened); part 0: the link alone.
     */
    private Context resolve(String token, int part, String programCode) {
        if (token != null && token.startsWith(SHORT_CODE_PREFIX)) {
            return resolveShortCode(token.substring(SHORT_CODE_PREFIX.length()), part, programCode);
        }
        if (token == null || token.length() != Tokens.TOKEN_LENGTH) {
            throw new WorkflowException(Kind.NOT_FOUND, "unknownLink", Texts.get("link.unknown"));
        }
        String hash = Tokens.hash(token);
        LinkContext link = (part == 0 ? links.context(hash, programCode) : links.formContext(hash, part, programCode))
                .orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND, "unknownLink", Texts.get("link.unknown")));
        return context(link);
    }

    /** A form request's context: Part 1 has no program (its form is stored under ""), Part 2 its program's. */
    private Context resolveForm(String token, int part, String programCode) {
        return part == 1 ? resolve(token, 1, null) : part == 2 ? resolve(token, 2, programCode) : resolve(token);
    }

    private Context resolveShortCode(String typed, int part, String programCode) {
        Instant now = Instant.now();
        synchronized (unknownCodes) {
            while (!unknownCodes.isEmpty() && unknownCodes.peekFirst().isBefore(now.minusSeconds(600))) {
                unknownCodes.removeFirst();
            }
            if (unknownCodes.size() >= MAX_UNKNOWN_CODES) {
                throw new WorkflowException(Kind.LOCKED, "tooManyCodes", Texts.get("link.tooManyCodes"));
            }
        }
        String code = Tokens.normalizeShortCode(typed);
        Optional<LinkContext> link = code == null ? Optional.empty()
                : part == 0 ? links.contextByShortCode(code, programCode) : links.formContextByShortCode(code, part, programCode);
        if (link.isEmpty()) {
            synchronized (unknownCodes) {
                unknownCodes.addLast(now);
            }
            throw new WorkflowException(Kind.NOT_FOUND, "unknownLink", Texts.get("link.unknown"));
        }
        return context(link.get());
    }

    private Context context(LinkContext found) {
        LinkRecord link = found.link();
        if (link.revokedAt() != null) {
            throw new WorkflowException(Kind.GONE, "replacedLink", Texts.get("link.replaced"));
        }
        if (link.expiresAt().isBefore(Instant.now())) {
            throw new WorkflowException(Kind.GONE, "expiredLink", Texts.get("link.expired"));
        }
        return new Context(link, found.participant(), found.cycle(), RaterRole.valueOf(link.role()), found.enrolment(),
                found.battery(), found.form());
    }

    private static void participantOnly(Context c) {
        if (c.role() != RaterRole.DIRI) {
            throw new WorkflowException(Kind.FORBIDDEN, "participantOnly", Texts.get("form.participantOnly"));
        }
    }

    @Override
    public LinkAccess access(String token) {
        return transactions.inOne(() -> access(resolve(token)));
    }

    private LinkAccess access(Context c) {
        ParticipantRecord p = c.participant();
        Map<String, BatteryRecord> batteries = cycles.batteries(c.cycle().id()).stream()
                .collect(Collectors.toMap(BatteryRecord::programCode, b -> b));
        List<FormRecord> existing = forms.forms(c.cycle().id(), p.id());
        List<LinkAccess.Program> programs = new ArrayList<>();
        for (EnrolmentRecord e : participants.enrolments(c.cycle().id(), p.id())) {
            if (!e.eligible()) {
                continue;
            }
            BatteryRecord b = batteries.get(e.programCode());
            String status = existing.stream().filter(f -> f.part() == 2 && f.programCode().equals(e.programCode())
                    && f.raterRole().equals(c.role().name())).map(FormRecord::status).findFirst().orElse(null);
            programs.add(new LinkAccess.Program(e.programCode(), title(e), e.instrumentVersion(), openProblem(b, e.programCode()) == null,
                    b == null ? null : b.periodStart(), b == null ? null : b.closesAfter(), status));
        }
        boolean partOne = c.pk() && c.role().mapsTasks();
        String partOneStatus = existing.stream().filter(f -> f.part() == 1 && f.raterRole().equals(c.role().name()))
                .map(FormRecord::status).findFirst().orElse(null);
        Set<String> named = forms.raters(c.cycle().id(), p.id()).stream().map(RaterRecord::role).collect(Collectors.toSet());
        boolean profileDone = named.contains("ATASAN") && named.contains("REKAN");
        return new LinkAccess(c.role(), c.cycle().id(), c.cycle().name(), person(p, c), c.link().expiresAt(),
                p.identityConfirmedAt() != null, profileDone, partOne, partOneStatus, programs);
    }

    /**
     * A program's title as its form will show it: the pinned version's, else the version served now (both held in
     * memory); the stored history only for a program no bundle serves.
     */
    private String title(EnrolmentRecord e) {
        Optional<InstrumentDefinition> d = e.instrumentVersion() != null ? instruments.version(e.programCode(), e.instrumentVersion())
                : instruments.current(e.programCode());
        return d.map(InstrumentDefinition::title)
                .or(() -> instruments.summary(e.programCode()).map(InstrumentSummary::title)).orElse(e.programCode());
    }

    private LinkAccess.Person person(ParticipantRecord p, Context c) {
        // raters see whom they rate; the e-mail and NIP are shown to the participant only
        boolean self = c.role() == RaterRole.DIRI;
        return new LinkAccess.Person(p.id(), p.name(), self ? p.nip() : null, self ? p.email() : null, p.kind(),
                p.level() == null ? null : Target.valueOf(p.level()).label(), p.institution(), p.province(), p.district(),
                p.workLocation());
    }

    @Override
    public LinkAccess confirmIdentity(String token) {
        Context c = resolve(token);
        participantOnly(c);
        forms.updateProfile(c.participant().id(), c.participant().workLocation(), true, Instant.now());
        return access(token);
    }

    @Override
    public List<RaterStatus> saveProfile(String token, String workLocation, RaterInput supervisor, RaterInput peer) {
        // all or nothing: the participant's row, both raters and their invitations
        return transactions.inOne(() -> profile(token, workLocation, supervisor, peer));
    }

    private List<RaterStatus> profile(String token, String workLocation, RaterInput supervisor, RaterInput peer) {
        Context c = resolve(token);
        participantOnly(c);
        RaterInput atasan = checkRater(supervisor, "ATASAN", true, c);
        RaterInput rekan = checkRater(peer, "REKAN", true, c);
        if (atasan.email().equalsIgnoreCase(rekan.email())) {
            throw new WorkflowException(Kind.INVALID, "sameRater", Texts.get("profile.sameRater"));
        }
        String location = workLocation == null ? null : workLocation.strip();
        if (location == null || location.isEmpty() || location.length() > 300) {
            throw new WorkflowException(Kind.INVALID, "workLocation", Texts.get("profile.required", "lokasi kerja"));
        }
        forms.updateProfile(c.participant().id(), location, true, Instant.now());
        invite(c, RaterRole.ATASAN, atasan);
        invite(c, RaterRole.REKAN, rekan);
        return monitoring(c);
    }

    /** A phone number as people write it: digits, spaces, +, ( ) and -, 6 to 30 characters (the column holds 40). */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9+()\\- ]{6,30}");

    private static RaterInput checkRater(RaterInput r, String role, boolean emailRequired, Context c) {
        String label = Texts.get("role." + role);
        if (r == null || r.name() == null || r.name().isBlank() || r.name().strip().length() > 200) {
            throw new WorkflowException(Kind.INVALID, "raterRequired", Texts.get("profile.required", label));
        }
        String email = r.email() == null ? "" : r.email().strip();
        if ((emailRequired || !email.isEmpty()) && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new WorkflowException(Kind.INVALID, "raterRequired", Texts.get("profile.required", label));
        }
        if (!email.isEmpty() && email.equalsIgnoreCase(c.participant().email())) {
            throw new WorkflowException(Kind.INVALID, "selfRater", Texts.get("profile.selfRater"));
        }
        String phone = r.phone() == null ? "" : r.phone().strip();
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new WorkflowException(Kind.INVALID, "raterPhone", Texts.get("profile.phone", label));
        }
        return new RaterInput(r.name().strip(), email.isEmpty() ? null : email.toLowerCase(Locale.ROOT),
                r.phone() == null || r.phone().isBlank() ? null : r.phone().strip());
    }

    /** Saves the rater and, when new or changed, replaces its link and sends it (by e-mail, or a short code without). */
    private RaterRecord invite(Context c, RaterRole role, RaterInput input) {
        long cycleId = c.cycle().id();
        long pid = c.participant().id();
        Optional<RaterRecord> before = forms.rater(cycleId, pid, role.name());
        RaterRecord saved = forms.saveRater(new RaterRecord(0, cycleId, pid, role.name(), input.name(), input.email(), input.phone()));
        boolean changed = before.isEmpty() || !java.util.Objects.equals(before.get().email(), saved.email())
                || !before.get().name().equals(saved.name());
        if (changed || links.linksOf(cycleId, pid, role.name()).stream().noneMatch(l -> l.revokedAt() == null)) {
            issue(c, role, saved);
        }
        return saved;
    }

    private String issue(Context c, RaterRole role, RaterRecord rater) {
        long cycleId = c.cycle().id();
        long pid = c.participant().id();
        Instant now = Instant.now();
        links.revoke(cycleId, pid, role.name(), now);
        String token = Tokens.newToken();
        String shortCode = rater.email() == null ? Tokens.newShortCode() : null;
        String link = baseUrl + "/t/" + token;
        MailOutbox.NewMail mail = rater.email() == null ? null : new MailOutbox.NewMail(
                "rater:" + cycleId + ":" + pid + ":" + role + ":" + now.toEpochMilli(), rater.email(),
                Texts.get("rater.subject", c.participant().name()),
                Texts.get("rater.body", rater.name(), c.participant().name(), c.participant().institution(),
                        Texts.get("role." + role), c.cycle().name(), link,
                        DATE.format(c.link().expiresAt().atZone(InvitationComponent.JAKARTA).toLocalDate().minusDays(1))), null);
        links.issue(new LinkRecord(Tokens.hash(token), shortCode, cycleId, pid, role.name(), now, c.link().expiresAt(), null), mail);
        return rater.email() == null ? shortCode + " " + link : null;
    }

    @Override
    public RaterStatus nominateServiceUser(String token, RaterInput serviceUser) {
        return transactions.inOne(() -> nominate(token, serviceUser));
    }

    private RaterStatus nominate(String token, RaterInput serviceUser) {
        Context c = resolve(token);
        participantOnly(c);
        if (forms.rater(c.cycle().id(), c.participant().id(), "ATASAN").isEmpty()) {
            throw new WorkflowException(Kind.CONFLICT, "profileFirst", Texts.get("profile.first"));
        }
        // the self-assessments of programs still open must be submitted; a closed, unsubmitted one does not block
        boolean selfDone = access(c).programs().stream().filter(LinkAccess.Program::open)
                .allMatch(p -> "SUBMITTED".equals(p.formStatus()));
        if (!selfDone) {
            throw new WorkflowException(Kind.CONFLICT, "afterSelf", Texts.get("pengguna.afterSelf"));
        }
        if (serviceUser == null || serviceUser.name() == null || serviceUser.name().isBlank()) {
            throw new WorkflowException(Kind.INVALID, "penggunaName", Texts.get("pengguna.nameRequired"));
        }
        RaterInput checked = checkRater(serviceUser, "PENGGUNA", false, c);
        Optional<RaterRecord> before = forms.rater(c.cycle().id(), c.participant().id(), "PENGGUNA");
        RaterRecord saved = forms.saveRater(new RaterRecord(0, c.cycle().id(), c.participant().id(), "PENGGUNA", checked.name(),
                checked.email(), checked.phone()));
        String handOver = null;
        if (before.isEmpty() || !java.util.Objects.equals(before.get().email(), saved.email()) || !before.get().name().equals(saved.name())) {
            handOver = issue(c, RaterRole.PENGGUNA, saved);
        }
        RaterStatus status = monitoring(c).stream().filter(s -> s.role() == RaterRole.PENGGUNA).findFirst().orElseThrow();
        if (handOver != null) {
            String[] parts = handOver.split(" ", 2);
            return new RaterStatus(status.role(), status.name(), status.email(), true, status.submitted(), status.expected(), parts[0],
                    parts[1], status.phone());
        }
        return status;
    }

    @Override
    public List<RaterStatus> monitoring(String token) {
        Context c = resolve(token);
        participantOnly(c);
        return monitoring(c);
    }

    private List<RaterStatus> monitoring(Context c) {
        long cycleId = c.cycle().id();
        long pid = c.participant().id();
        List<String> programs = participants.enrolments(cycleId, pid).stream().filter(EnrolmentRecord::eligible)
                .map(EnrolmentRecord::programCode).toList();
        List<FormRecord> all = forms.forms(cycleId, pid);
        List<RaterStatus> out = new ArrayList<>();
        for (RaterRole role : RaterRole.values()) {
            Optional<RaterRecord> r = role == RaterRole.DIRI ? Optional.of(new RaterRecord(0, cycleId, pid, "DIRI", c.participant().name(),
                    c.participant().email(), null)) : forms.rater(cycleId, pid, role.name());
            int expected = programs.size() + (c.pk() && role.mapsTasks() ? 1 : 0);
            int submitted = (int) all.stream().filter(f -> f.raterRole().equals(role.name()) && f.submitted()
                    && (f.part() == 1 || programs.contains(f.programCode()))).count();
            boolean invited = !links.linksOf(cycleId, pid, role.name()).isEmpty();
            out.add(new RaterStatus(role, r.map(RaterRecord::name).orElse(null), r.map(RaterRecord::email).orElse(null), invited,
                    submitted, expected, null, null, r.map(RaterRecord::phone).orElse(null)));
        }
        return out;
    }

    @Override
    public RaterStatus resend(String token, RaterRole role) {
        Context c = resolve(token);
        participantOnly(c);
        if (role == RaterRole.DIRI) {
            throw new WorkflowException(Kind.INVALID, "resendSelf", Texts.get("profile.selfRater"));
        }
        RaterRecord r = forms.rater(c.cycle().id(), c.participant().id(), role.name())
                .orElseThrow(() -> new WorkflowException(Kind.CONFLICT, "profileFirst", Texts.get("profile.first")));
        String handOver = issue(c, role, r);
        RaterStatus s = monitoring(c).stream().filter(x -> x.role() == role).findFirst().orElseThrow();
        if (handOver != null) {
            String[] parts = handOver.split(" ", 2);
            return new RaterStatus(s.role(), s.name(), s.email(), true, s.submitted(), s.expected(), parts[0], parts[1], s.phone());
        }
        return s;
    }

    @Override
    public FormView form(String token, int part, String programCode) {
        return transactions.inOne(() -> openForm(token, part, programCode));
    }

    private FormView openForm(String token, int part, String programCode) {
        Context c = resolveForm(token, part, programCode);
        Shape shape = shape(c, part, programCode);
        FormRecord f = openForm(c, shape);
        return view(c, shape, f, forms.content(f));
    }

    @Override
    public FormView saveDraft(String token, int part, String programCode, FormInput input) {
        return transactions.inOne(() -> draft(token, part, programCode, input));
    }

    private FormView draft(String token, int part, String programCode, FormInput input) {
        Context c = resolveForm(token, part, programCode);
        Shape shape = shape(c, part, programCode);
        requireOpen(shape);
        FormContent content = validate(shape, input, false);
        FormRecord f = openForm(c, shape);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        java.util.OptionalInt revision = forms.saveDraft(f.id(), content, now);
        if (revision.isEmpty()) {
            throw new WorkflowException(Kind.CONFLICT, "submitted", Texts.get("form.submitted"));
        }
        // what was just stored, without reading it back
        FormRecord saved = new FormRecord(f.id(), f.cycleId(), f.participantId(), f.raterRole(), f.part(), f.programCode(),
                f.instrumentVersion(), "DRAFT", revision.getAsInt(), content.scope(), f.source(), f.startedAt(), now, null);
        return view(c, shape, saved, content);
    }

    @Override
    public FormView submit(String token, int part, String programCode, FormInput input) {
        return transactions.inOne(() -> submitForm(token, part, programCode, input));
    }

    private FormView submitForm(String token, int part, String programCode, FormInput input) {
        Context c = resolveForm(token, part, programCode);
        Shape shape = shape(c, part, programCode);
        FormRecord f = openForm(c, shape);
        if (f.submitted()) {
            return view(c, shape, f, forms.content(f));
        }
        requireOpen(shape);
        FormContent content = validate(shape, input, true);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!forms.submit(f.id(), content, now)) {
            // another tab or a retry submitted it first: show what is stored
            FormRecord stored = forms.form(f.id()).orElseThrow();
            return view(c, shape, stored, forms.content(stored));
        }
        FormRecord stored = new FormRecord(f.id(), f.cycleId(), f.participantId(), f.raterRole(), f.part(), f.programCode(),
                f.instrumentVersion(), "SUBMITTED", f.revision() + 1, content.scope(), f.source(), f.startedAt(), now, now);
        return view(c, shape, stored, content);
    }

    /** The rater's form of that shape: as read with the link, else created now (the first request on it). */
    private FormRecord openForm(Context c, Shape shape) {
        if (c.form() != null) {
            return c.form();
        }
        return forms.openForm(c.cycle().id(), c.participant().id(), c.role().name(), shape.part(), shape.programKey(),
                shape.version(), "WEB");
    }

    /** What a form consists of: Part 1 — the task catalog; Part 2 — the items of a pinned instrument version. */
    private record Shape(int part, String programKey, String title, String version, InstrumentDefinition definition,
            List<FormView.Section> sections, Map<String, String> levelByCode, String closedProblem, Set<String> itemCodes) {
    }

    private record LayoutKey(String code, String version, String checksum, Target target, boolean self) {
    }

    /** A Part-2 form's sections and its item codes in order (both unmodifiable). */
    private record Layout(List<FormView.Section> sections, Set<String> itemCodes) {
    }

    /** The sections of an instrument version's Part-2 form for a target, with the self or the others' wording. */
    Layout layout(InstrumentDefinition d, Target target, boolean self) {
        return layouts.computeIfAbsent(new LayoutKey(d.code(), d.version(), d.checksum(), target, self), k -> {
            List<FormView.Section> sections = new ArrayList<>();
            Set<String> codes = new java.util.LinkedHashSet<>();
            List<org.evkin.instrument.Item> items = d.itemsFor(target);
            for (int s : d.batteryAt(target)) {
                List<FormView.Entry> entries = items.stream().filter(i -> i.subcompetency() == s)
                        .map(i -> new FormView.Entry(i.code(), self ? i.self() : i.other(), null)).toList();
                entries.forEach(e -> codes.add(e.code()));
                sections.add(new FormView.Section(s, model.subcompetency(s).map(x -> x.name()).orElse("" + s), entries));
            }
            return new Layout(List.copyOf(sections), java.util.Collections.unmodifiableSet(codes));
        });
    }

    private Shape shape(Context c, int part, String programCode) {
        if (part == 1) {
            if (!c.pk() || !c.role().mapsTasks()) {
                throw new WorkflowException(Kind.FORBIDDEN, "noPartOne", Texts.get("form.noPartOne"));
            }
            List<FormView.Section> sections = new ArrayList<>();
            Map<String, String> levels = new HashMap<>();
            for (var s : model.subcompetencies()) {
                List<FormView.Entry> entries = new ArrayList<>();
                for (Task t : model.tasks()) {
                    if (t.subcompetency() == s.no()) {
                        entries.add(new FormView.Entry(t.code(), t.text(), t.level().label()));
                        levels.put(t.code(), String.valueOf(t.subcompetency()));
                    }
                }
                if (!entries.isEmpty()) {
                    sections.add(new FormView.Section(s.no(), s.name(), entries));
                }
            }
            // Part 1 is open while any of the participant's programs is open
            List<String> problems = participants.enrolments(c.cycle().id(), c.participant().id()).stream()
                    .filter(EnrolmentRecord::eligible)
                    .map(e -> openProblem(cycles.battery(c.cycle().id(), e.programCode()).orElse(null), e.programCode())).toList();
            String closed = problems.stream().anyMatch(java.util.Objects::isNull) ? null
                    : problems.isEmpty() ? Texts.get("form.closed", "", Texts.get("form.inactive")) : problems.get(0);
            return new Shape(1, "", null, null, null, sections, levels, closed, Set.of());
        }
        if (part != 2) {
            throw new WorkflowException(Kind.NOT_FOUND, "unknownPart", Texts.get("form.unknownProgram", "bagian " + part));
        }
        // read with the link (resolveForm): no second and third statement per request
        EnrolmentRecord e = c.enrolment();
        if (e == null || !e.eligible() || !e.programCode().equals(programCode)) {
            throw new WorkflowException(Kind.NOT_FOUND, "unknownProgram", Texts.get("form.unknownProgram", programCode));
        }
        String version = e.instrumentVersion();
        if (version == null) {
            InstrumentDefinition current = instruments.current(programCode).orElseThrow(() -> new WorkflowException(Kind.GONE,
                    "withdrawn", Texts.get("form.closed", programCode, Texts.get("form.inactive"))));
            version = forms.pinInstrumentVersion(e.id(), current.version());
        }
        InstrumentDefinition d = instruments.version(programCode, version).orElseThrow();
        Layout layout = layout(d, c.target(), c.role() == RaterRole.DIRI);
        String closed = openProblem(c.battery(), programCode);
        return new Shape(2, programCode, d.title(), version, d, layout.sections(), Map.of(), closed, layout.itemCodes());
    }

    /** Null when the battery takes answers today (Asia/Jakarta), else why not, in Indonesian. */
    private static String openProblem(BatteryRecord b, String programCode) {
        LocalDate today = LocalDate.now(InvitationComponent.JAKARTA);
        if (b == null || !"ACTIVE".equals(b.status())) {
            return Texts.get("form.closed", programCode, Texts.get("form.inactive"));
        }
        if (today.isBefore(b.periodStart())) {
            return Texts.get("form.closed", programCode, Texts.get("form.notYetOpen", DATE.format(b.periodStart())));
        }
        if (today.isAfter(b.closesAfter())) {
            return Texts.get("form.closed", programCode, Texts.get("form.closedSince", DATE.format(b.closesAfter())));
        }
        return null;
    }

    private static void requireOpen(Shape shape) {
        if (shape.closedProblem() != null) {
            throw new WorkflowException(Kind.GONE, "closed", shape.closedProblem());
        }
    }

    /** Checks every code and value against the form; complete answers are required for a submit. */
    private FormContent validate(Shape shape, FormInput input, boolean complete) {
        if (shape.part() == 2) {
            Set<String> codes = shape.itemCodes();
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (Map.Entry<String, String> a : new java.util.TreeMap<>(input.answers()).entrySet()) {
                if (!codes.contains(a.getKey())) {
                    throw new WorkflowException(Kind.INVALID, "unknownItem", Texts.get("form.unknownItem", a.getKey()));
                }
                String v = a.getValue() == null ? "" : a.getValue().strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (v.equals("NA")) {
                    answers.put(a.getKey(), null);
                } else if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '4') {
                    answers.put(a.getKey(), v.charAt(0) - '0');
                } else {
                    throw new WorkflowException(Kind.INVALID, "badValue", Texts.get("form.badValue", a.getKey()));
                }
            }
            if (complete && answers.size() < codes.size()) {
                throw new WorkflowException(Kind.INVALID, "incomplete", Texts.get("form.incomplete", codes.size() - answers.size()));
            }
            return new FormContent(answers, Set.of(), null);
        }
        Set<Integer> scope = new TreeSet<>();
        for (Integer s : input.scope()) {
            if (s == null || model.subcompetency(s).isEmpty()) {
                throw new WorkflowException(Kind.INVALID, "badScope", Texts.get("form.badScope", s));
            }
            scope.add(s);
        }
        if (complete && scope.isEmpty()) {
            throw new WorkflowException(Kind.INVALID, "emptyScope", Texts.get("form.emptyScope"));
        }
        for (String t : input.ticks()) {
            String sub = shape.levelByCode().get(t);
            if (sub == null || !scope.contains(Integer.parseInt(sub))) {
                throw new WorkflowException(Kind.INVALID, "unknownTask", Texts.get("form.unknownTask", t));
            }
        }
        return new FormContent(Map.of(), input.ticks(), scope.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private FormView view(Context c, Shape shape, FormRecord f, FormContent content) {
        Map<String, String> answers = new LinkedHashMap<>();
        content.answers().forEach((k, v) -> answers.put(k, v == null ? "NA" : v.toString()));
        Set<Integer> scope = content.scope() == null || content.scope().isBlank() ? Set.of()
                : java.util.Arrays.stream(content.scope().split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        InstrumentDefinition d = shape.definition();
        return new FormView(shape.part(), shape.part() == 1 ? null : shape.programKey(), shape.title(), shape.version(), c.role(),
                f.status(), f.revision(), shape.closedProblem() == null, shape.sections(), answers, content.ticks(), scope,
                d == null ? null : d.scale().labels(), d == null ? null : d.scale().notObserved());
    }
}
