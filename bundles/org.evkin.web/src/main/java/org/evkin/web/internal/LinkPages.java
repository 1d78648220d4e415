package org.evkin.web.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.evkin.workflow.FormService;
import org.evkin.workflow.LinkAccess;
import org.evkin.workflow.RaterInput;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.RaterStatus;
import org.evkin.workflow.WorkflowException;

/**
 * The pages behind a personal link: /t/{token} (participant and raters) and /k/{short code} (a service user without
 * e-mail). Thin: every rule is in the workflow's FormService; this class reads the request, calls it and chooses the
 * page. A refusal of the workflow (unknown, replaced or expired link, wrong role, closed period, tampered input) shows
 * an Indonesian page with the workflow's message and the status of its kind, and nothing is changed.
 *
 * <p>No session and no CSRF token: the token in the path is the credential, and the servlet checks the origin of every
 * POST before this class runs. A hidden per-form nonce would add nothing: whoever can make a browser post here must
 * know the token already, and with it they can do anything the link allows.
 *
 * <p>Paths below the link: {@code ""} (overview; the identity check while not confirmed), {@code identitas} (POST),
 * {@code profil}, {@code bagian-1}, {@code bagian-2/{program}}, {@code pengguna}, {@code pemantauan}, {@code laporan} and
 * {@code laporan.pdf} (the participant's report, {@link ReportPages}).
 */
final class LinkPages {

    /** A personal link's token as Tokens issues it: 43 characters of base64url. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** A short code as typed: letters and digits, maybe grouped with a hyphen; the workflow normalises it. */
    static final Pattern SHORT_CODE = Pattern.compile("[A-Za-z0-9-]{4,24}");
    static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,30}");
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Messages.INDONESIAN);

    /** Where a personal link leads: the credential the workflow takes, this link's pages, and its JSON API. */
    record Link(String credential, String base, String api) {
    }

    private final Messages messages;
    private final FormPages formPages;
    private final ReportPages reportPages;

    LinkPages(Messages messages) {
        this.messages = messages;
        this.formPages = new FormPages(messages, this);
        this.reportPages = new ReportPages(messages, this);
    }

    /**
     * Routes a request below /t/ or /k/; the origin of POSTs is already checked. reports holds the report services of
     * this request (either may be null: the report pages then answer 503, the other pages work on).
     */
    Result route(String method, Visit v, FormService forms, ReportPages.Services reports) {
        List<String> segments = new ArrayList<>(List.of(v.path.substring(1).split("/", -1)));
        if (segments.size() > 2 && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1); // a trailing slash
        }
        Link link = link(segments.get(0), segments.size() > 1 ? segments.get(1) : "");
        if (link == null) {
            return unknownLink();
        }
        if (forms == null) {
            v.resp.setHeader("Retry-After", "5");
            return ErrorPages.unavailable(messages);
        }
        String rest = String.join("/", segments.subList(2, segments.size()));
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean post = "POST".equals(method);
        try {
            if (rest.isEmpty()) {
                return read ? home(v, forms, reports, link) : notAllowed(v, "GET, HEAD");
            }
            if (rest.startsWith("bagian-2/")) {
                String program = rest.substring("bagian-2/".length());
                if (!PROGRAM.matcher(program).matches()) {
                    return ErrorPages.notFound(messages);
                }
                return read ? formPages.partTwo(v, forms, link, program)
                        : post ? formPages.postPartTwo(v, forms, link, program) : notAllowed(v, "GET, HEAD, POST");
            }
            return switch (rest) {
                case "identitas" -> read ? Result.redirect(link.base()) : post ? confirm(forms, link) : notAllowed(v, "GET, HEAD, POST");
                case "profil" -> read ? profile(forms, link) : post ? saveProfile(v, forms, link) : notAllowed(v, "GET, HEAD, POST");
                case "bagian-1" -> read ? formPages.partOne(v, forms, link)
                        : post ? formPages.postPartOne(v, forms, link) : notAllowed(v, "GET, HEAD, POST");
                case "pengguna" -> read ? serviceUser(forms, link) : post ? nominate(v, forms, link) : notAllowed(v, "GET, HEAD, POST");
                case "pemantauan" -> read ? monitoring(v, forms, reports, link) : post ? resend(v, forms, link) : notAllowed(v, "GET, HEAD, POST");
                case "laporan" -> read ? reportPages.page(v, forms, reports, link) : notAllowed(v, "GET, HEAD");
                case "laporan.pdf" -> read ? reportPages.pdf(v, forms, reports, link) : notAllowed(v, "GET, HEAD");
                default -> ErrorPages.notFound(messages);
            };
        } catch (WorkflowException e) {
            return refused(e, link);
        }
    }

    /** The link of /t/{token} or /k/{code}; null when the path cannot be one. */
    static Link link(String kind, String credential) {
        if ("t".equals(kind) && TOKEN.matcher(credential).matches()) {
            return new Link(credential, "/t/" + credential, "/api/t/" + credential);
        }
        if ("k".equals(kind) && SHORT_CODE.matcher(credential).matches()) {
            return new Link(FormService.SHORT_CODE_PREFIX + credential, "/k/" + credential,
                    "/api/t/" + FormService.SHORT_CODE_PREFIX + credential);
        }
        return null;
    }

    // ---- overview and identity ----

    private Result home(Visit v, FormService forms, ReportPages.Services reports, Link link) {
        LinkAccess a = forms.access(link.credential());
        if (a.role() != RaterRole.DIRI) {
            return raterOverview(a, link);
        }
        if (!a.identityConfirmed()) {
            Map<String, Object> m = model(link);
            m.put("person", person(a));
            m.put("cycleName", a.cycleName());
            m.put("programs", a.programs().stream().map(LinkAccess.Program::title).toList());
            return Result.page(200, "t-identitas.ftlh", m);
        }
        if (!a.profileDone()) {
            return Result.redirect(link.base() + "/profil");
        }
        List<RaterStatus> raters = forms.monitoring(link.credential());
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        m.put("cycleName", a.cycleName());
        List<LinkViews.Step> steps = participantSteps(a, raters, link);
        steps.add(reportPages.step(a, reports.reports(), link));
        m.put("steps", steps);
        if (!v.param("profil").isEmpty()) {
            m.put("notice", messages.get("tautan.profil.tersimpan"));
        }
        return Result.page(200, "t-peserta.ftlh", m);
    }

    private Result raterOverview(LinkAccess a, Link link) {
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        m.put("cycleName", a.cycleName());
        m.put("roleLabel", messages.get("tautan.peranKecil." + a.role()));
        List<LinkViews.Step> steps = formSteps(a, link);
        m.put("steps", steps);
        m.put("allDone", !steps.isEmpty() && steps.stream().allMatch(LinkViews.Step::done));
        return Result.page(200, "t-penilai.ftlh", m);
    }

    private Result confirm(FormService forms, Link link) {
        forms.confirmIdentity(link.credential());
        return Result.redirect(link.base() + "/profil");
    }

    /** The steps of a participant: identity, profile, the forms, the service user, monitoring. */
    private List<LinkViews.Step> participantSteps(LinkAccess a, List<RaterStatus> raters, Link link) {
        List<LinkViews.Step> steps = new ArrayList<>();
        steps.add(new LinkViews.Step(messages.get("tautan.langkah.identitas"), messages.get("tautan.langkah.identitas.selesai"),
                null, null, null, true, false));
        steps.add(new LinkViews.Step(messages.get("tautan.langkah.profil"), messages.get("tautan.langkah.profil.selesai"),
                link.base() + "/profil", messages.get("tautan.langkah.profil.ubah"), null, true, true));
        steps.addAll(formSteps(a, link));
        boolean selfDone = a.programs().stream().allMatch(p -> "SUBMITTED".equals(p.formStatus()));
        Optional<RaterStatus> pengguna = raters.stream().filter(r -> r.role() == RaterRole.PENGGUNA && r.name() != null).findFirst();
        String title = messages.get("tautan.langkah.pengguna");
        if (!selfDone) {
            steps.add(new LinkViews.Step(title, messages.get("tautan.status.TERKUNCI"), null, null,
                    messages.get("tautan.langkah.pengguna.nanti"), false, false));
        } else {
            steps.add(new LinkViews.Step(title, pengguna.map(r -> messages.get("tautan.langkah.pengguna.sudah", r.name()))
                    .orElse(messages.get("tautan.langkah.pengguna.belum")), link.base() + "/pengguna",
                    messages.get(pengguna.isPresent() ? "tautan.langkah.lihat" : "tautan.langkah.isi", title), null, pengguna.isPresent(),
                    true));
        }
        String monitoring = messages.get("tautan.langkah.pemantauan");
        steps.add(new LinkViews.Step(monitoring, null, link.base() + "/pemantauan", monitoring,
                messages.get("tautan.langkah.pemantauan.teks"), false, true));
        return steps;
    }

    /** The forms this link fills, in order: Part 1 (when it applies), then Part 2 of each program. */
    List<LinkViews.Step> formSteps(LinkAccess a, Link link) {
        List<LinkViews.Step> steps = new ArrayList<>();
        if (a.partOneApplies()) {
            boolean open = a.programs().stream().anyMatch(LinkAccess.Program::open);
            steps.add(formStep(messages.get("tautan.langkah.bagian1"), a.partOneStatus(), open, link.base() + "/bagian-1", null));
        }
        for (LinkAccess.Program p : a.programs()) {
            String title = messages.get(a.role() == RaterRole.DIRI ? "tautan.langkah.bagian2" : "tautan.langkah.bagian2.penilai", p.title());
            String period = p.periodStart() == null || p.closesAfter() == null ? null
                    : messages.get("tautan.periode", DATE.format(p.periodStart()), DATE.format(p.closesAfter()));
            steps.add(formStep(title, p.formStatus(), p.open(), link.base() + "/bagian-2/" + p.code(), period));
        }
        return steps;
    }

    private LinkViews.Step formStep(String title, String status, boolean open, String href, String hint) {
        boolean done = "SUBMITTED".equals(status);
        String key = done ? "SUBMITTED" : !open ? "DITUTUP" : status == null ? "BELUM" : "DRAFT";
        String action = done || !open ? "tautan.langkah.lihat" : status == null ? "tautan.langkah.isi" : "tautan.langkah.lanjutkan";
        return new LinkViews.Step(title, messages.get("tautan.status." + key), href, messages.get(action, title), hint, done, open);
    }

    // ---- profile ----

    private Result profile(FormService forms, Link link) {
        List<RaterStatus> raters = forms.monitoring(link.credential()); // refuses every role but the participant's
        LinkAccess a = forms.access(link.credential());
        if (!a.identityConfirmed()) {
            return Result.redirect(link.base());
        }
        Map<String, String> values = new HashMap<>();
        values.put("lokasi", a.participant().workLocation() == null ? "" : a.participant().workLocation());
        for (RaterStatus r : raters) {
            String prefix = r.role() == RaterRole.ATASAN ? "atasan" : r.role() == RaterRole.REKAN ? "rekan" : null;
            if (prefix != null) {
                values.put(prefix + "-nama", r.name() == null ? "" : r.name());
                values.put(prefix + "-email", r.email() == null ? "" : r.email());
                values.put(prefix + "-telepon", r.phone() == null ? "" : r.phone());
            }
        }
        return profilePage(200, a, link, values, List.of());
    }

    private Result saveProfile(Visit v, FormService forms, Link link) {
        forms.monitoring(link.credential()); // refuses every role but the participant's before anything is checked
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("lokasi", "atasan-nama", "atasan-email", "atasan-telepon", "rekan-nama", "rekan-email", "rekan-telepon")) {
            values.put(f, v.param(f).strip());
        }
        List<FieldError> errors = new ArrayList<>();
        if (values.get("lokasi").isEmpty() || values.get("lokasi").length() > 300) {
            errors.add(new FieldError("lokasi", messages.get("tautan.profil.galat.lokasi")));
        }
        for (String who : List.of("atasan", "rekan")) {
            String label = messages.get("tautan.peranKecil." + (who.equals("atasan") ? "ATASAN" : "REKAN"));
            if (values.get(who + "-nama").isEmpty() || values.get(who + "-nama").length() > 200) {
                errors.add(new FieldError(who + "-nama", messages.get("tautan.profil.galat.nama", label)));
            }
            if (!EMAIL.matcher(values.get(who + "-email")).matches()) {
                errors.add(new FieldError(who + "-email", messages.get("tautan.profil.galat.email", label)));
            }
            String phone = values.get(who + "-telepon");
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                errors.add(new FieldError(who + "-telepon", messages.get("tautan.profil.galat.telepon", label)));
            }
        }
        if (errors.isEmpty()) {
            try {
                forms.saveProfile(link.credential(), values.get("lokasi"),
                        new RaterInput(values.get("atasan-nama"), values.get("atasan-email"), emptyToNull(values.get("atasan-telepon"))),
                        new RaterInput(values.get("rekan-nama"), values.get("rekan-email"), emptyToNull(values.get("rekan-telepon"))));
                return Result.redirect(link.base() + "?profil=1");
            } catch (WorkflowException e) {
                if (e.kind() != WorkflowException.Kind.INVALID) {
                    throw e;
                }
                errors.add(new FieldError(profileField(e, values, forms, link), e.getMessage()));
            }
        }
        return profilePage(400, forms.access(link.credential()), link, values, errors);
    }

    /** The field a refusal of the workflow is about, for the error summary's link. */
    private static String profileField(WorkflowException e, Map<String, String> values, FormService forms, Link link) {
        return switch (e.code()) {
            case "sameRater" -> "rekan-email";
            case "workLocation" -> "lokasi";
            case "selfRater" -> {
                String own = forms.access(link.credential()).participant().email();
                yield own != null && own.equalsIgnoreCase(values.get("rekan-email")) ? "rekan-email" : "atasan-email";
            }
            default -> "atasan-nama";
        };
    }

    private Result profilePage(int status, LinkAccess a, Link link, Map<String, String> values, List<FieldError> errors) {
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        m.put("values", values);
        putErrors(m, errors);
        return Result.page(status, "t-profil.ftlh", m);
    }

    // ---- service user ----

    private Result serviceUser(FormService forms, Link link) {
        List<RaterStatus> raters = forms.monitoring(link.credential());
        LinkAccess a = forms.access(link.credential());
        Map<String, String> values = new HashMap<>(Map.of("pengguna-nama", "", "pengguna-email", "", "pengguna-telepon", ""));
        raters.stream().filter(r -> r.role() == RaterRole.PENGGUNA && r.name() != null).findFirst().ifPresent(r -> {
            values.put("pengguna-nama", r.name());
            values.put("pengguna-email", r.email() == null ? "" : r.email());
            values.put("pengguna-telepon", r.phone() == null ? "" : r.phone());
        });
        return serviceUserPage(200, a, link, values, List.of(), !values.get("pengguna-nama").isEmpty());
    }

    private Result nominate(Visit v, FormService forms, Link link) {
        forms.monitoring(link.credential()); // refuses every role but the participant's before anything is checked
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("pengguna-nama", "pengguna-email", "pengguna-telepon")) {
            values.put(f, v.param(f).strip());
        }
        List<FieldError> errors = new ArrayList<>();
        if (values.get("pengguna-nama").isEmpty() || values.get("pengguna-nama").length() > 200) {
            errors.add(new FieldError("pengguna-nama", messages.get("tautan.pengguna.galat.nama")));
        }
        if (!values.get("pengguna-email").isEmpty() && !EMAIL.matcher(values.get("pengguna-email")).matches()) {
            errors.add(new FieldError("pengguna-email", messages.get("tautan.pengguna.galat.email")));
        }
        if (!values.get("pengguna-telepon").isEmpty() && !PHONE.matcher(values.get("pengguna-telepon")).matches()) {
            errors.add(new FieldError("pengguna-telepon", messages.get("tautan.pengguna.galat.telepon")));
        }
        if (errors.isEmpty()) {
            try {
                RaterStatus r = forms.nominateServiceUser(link.credential(), new RaterInput(values.get("pengguna-nama"),
                        emptyToNull(values.get("pengguna-email")), emptyToNull(values.get("pengguna-telepon"))));
                if (r.shortCode() != null && r.link() != null) {
                    return codeSheet(forms.access(link.credential()), link, r);
                }
                return Result.redirect(link.base() + "/pemantauan?ditunjuk=1");
            } catch (WorkflowException e) {
                if (e.kind() != WorkflowException.Kind.INVALID) {
                    throw e;
                }
                errors.add(new FieldError("selfRater".equals(e.code()) ? "pengguna-email" : "pengguna-nama", e.getMessage()));
            }
        }
        return serviceUserPage(400, forms.access(link.credential()), link, values, errors, false);
    }

    private Result serviceUserPage(int status, LinkAccess a, Link link, Map<String, String> values, List<FieldError> errors,
            boolean named) {
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        m.put("values", values);
        m.put("selfDone", a.programs().stream().allMatch(p -> "SUBMITTED".equals(p.formStatus())));
        m.put("named", named);
        m.put("steps", formSteps(a, link));
        putErrors(m, errors);
        return Result.page(status, "t-pengguna.ftlh", m);
    }

    /** The sheet to hand a service user without e-mail: the short code, the address to type, and a QR code of the link. */
    private Result codeSheet(LinkAccess a, Link link, RaterStatus r) {
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        m.put("raterName", r.name());
        m.put("code", r.shortCode());
        m.put("link", r.link());
        int t = r.link().indexOf("/t/");
        String site = t > 0 ? r.link().substring(0, t) : "";
        m.put("address", site + "/k/" + r.shortCode());
        FormQr qr = FormQr.of(r.link());
        m.put("qrSize", qr.size());
        m.put("qrPath", qr.path());
        return Result.page(200, "t-kode.ftlh", m);
    }

    // ---- monitoring ----

    private Result monitoring(Visit v, FormService forms, ReportPages.Services reports, Link link) {
        List<RaterStatus> raters = forms.monitoring(link.credential());
        LinkAccess a = forms.access(link.credential());
        Map<String, Object> m = model(link);
        m.put("person", person(a));
        List<LinkViews.Rater> rows = new ArrayList<>();
        for (RaterStatus r : raters) {
            String roleLabel = messages.get("tautan.peran." + r.role());
            String lower = messages.get("tautan.peranKecil." + r.role());
            String resend = r.role() == RaterRole.DIRI || r.name() == null ? null
                    : messages.get(r.email() == null ? "tautan.pantau.kodeBaru" : "tautan.pantau.kirimUlang", lower);
            rows.add(new LinkViews.Rater(r.role().name(), roleLabel, r.name(), r.email(), r.role() == RaterRole.DIRI, r.invited(),
                    r.submitted(), r.expected(), r.complete(), resend));
        }
        m.put("raters", rows);
        m.put("selfDone", a.programs().stream().allMatch(p -> "SUBMITTED".equals(p.formStatus())));
        m.put("report", reportPages.step(a, reports.reports(), link));
        String sent = v.param("dikirim");
        raters.stream().filter(r -> r.role().name().equals(sent) && r.name() != null).findFirst()
                .ifPresent(r -> m.put("notice", messages.get("tautan.pantau.terkirim", r.name())));
        if (!v.param("ditunjuk").isEmpty()) {
            raters.stream().filter(r -> r.role() == RaterRole.PENGGUNA && r.name() != null).findFirst()
                    .ifPresent(r -> m.put("notice", messages.get("tautan.pantau.ditunjuk", r.name())));
        }
        return Result.page(200, "t-pemantauan.ftlh", m);
    }

    private Result resend(Visit v, FormService forms, Link link) {
        forms.monitoring(link.credential()); // refuses every role but the participant's before anything is checked
        RaterRole role;
        try {
            role = RaterRole.valueOf(v.param("peran"));
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "badRater", messages.get("tautan.galat.peran"));
        }
        RaterStatus r = forms.resend(link.credential(), role);
        if (r.shortCode() != null && r.link() != null) {
            return codeSheet(forms.access(link.credential()), link, r);
        }
        return Result.redirect(link.base() + "/pemantauan?dikirim=" + role.name());
    }

    // ---- shared ----

    /** What every page of a link needs: its base path. */
    Map<String, Object> model(Link link) {
        Map<String, Object> m = new HashMap<>();
        m.put("base", link.base());
        m.put("formJs", FormScriptServlet.href());
        return m;
    }

    static void putErrors(Map<String, Object> m, List<FieldError> errors) {
        m.put("errors", errors);
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        m.put("fieldErrors", byField);
    }

    LinkViews.Person person(LinkAccess a) {
        LinkAccess.Person p = a.participant();
        return new LinkViews.Person(p.name(), p.nip(), p.kind() == null ? null : messages.get("tautan.kategori." + p.kind()), p.level(),
                p.institution(), p.province(), p.district(), p.workLocation());
    }

    /** Why a program takes no answers today, written out ("periode pengisian berakhir pada 30 November 2025."). */
    String closedReason(LinkAccess.Program p) {
        LocalDate today = LocalDate.now(JAKARTA);
        if (p != null && p.periodStart() != null && today.isBefore(p.periodStart())) {
            return messages.get("tautan.formulir.ditutup.belumMulai", DATE.format(p.periodStart()));
        }
        if (p != null && p.closesAfter() != null && today.isAfter(p.closesAfter())) {
            return messages.get("tautan.formulir.ditutup.berakhir", DATE.format(p.closesAfter()));
        }
        return messages.get("tautan.formulir.ditutup.nonaktif");
    }

    private Result notAllowed(Visit v, String allow) {
        v.resp.setHeader("Allow", allow);
        return ErrorPages.methodNotAllowed(messages);
    }

    private Result unknownLink() {
        Map<String, Object> m = new HashMap<>();
        m.put("status", 404);
        m.put("title", messages.get("tautan.galat.tidakDikenal"));
        m.put("message", messages.get("tautan.galat.tidakDikenal.pesan"));
        m.put("advice", messages.get("tautan.galat.saran"));
        return Result.page(404, "t-galat.ftlh", m);
    }

    /** The workflow's refusal as a page: its message, the status of its kind, what to do, and that nothing changed. */
    Result refused(WorkflowException e, Link link) {
        boolean deadLink = switch (e.code()) {
            case "unknownLink", "replacedLink", "expiredLink", "tooManyCodes" -> true;
            default -> false;
        };
        String title = switch (e.kind()) {
            case NOT_FOUND -> deadLink ? "tautan.galat.tidakDikenal" : "tautan.galat.tidakAda";
            case GONE -> deadLink ? "tautan.galat.tidakBerlaku" : "tautan.galat.ditutup";
            case FORBIDDEN -> "tautan.galat.bukanUntukAnda";
            case INVALID -> "tautan.galat.isian";
            case LOCKED -> "tautan.galat.terkunci";
            case UNAUTHENTICATED -> "tautan.galat.tidakDikenal";
            default -> "tautan.galat.konflik";
        };
        Map<String, Object> m = new HashMap<>();
        m.put("status", e.kind().status);
        m.put("title", messages.get(title));
        m.put("message", e.getMessage() == null ? messages.get("tautan.galat.tidakBerubah") : e.getMessage());
        m.put("unchanged", messages.get("tautan.galat.tidakBerubah"));
        if (deadLink) {
            m.put("advice", messages.get("tautan.galat.saran"));
        } else {
            m.put("base", link.base());
        }
        return Result.page(e.kind().status, "t-galat.ftlh", m);
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
