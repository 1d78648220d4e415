package org.evkin.web.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.evkin.web.internal.AdminFlowUploads.Kind;
import org.evkin.web.internal.AdminFlowUploads.Problem;
import org.evkin.web.internal.AdminFlowUploads.State;
import org.evkin.web.internal.AdminFlowUploads.Upload;
import org.evkin.web.internal.AdminFlowViews.BatteryForm;
import org.evkin.web.internal.AdminFlowViews.GroupRow;
import org.evkin.web.internal.AdminFlowViews.LateRow;
import org.evkin.web.internal.AdminFlowViews.Pager;
import org.evkin.web.internal.AdminFlowViews.PreviewRow;
import org.evkin.web.internal.AdminFlowViews.ProblemRow;
import org.evkin.web.internal.AdminFlowViews.SourceRow;
import org.evkin.web.internal.AdminFlowViews.Stat;
import org.evkin.workflow.Account;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;
import org.evkin.workflow.CycleProgress;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.EnrolmentService;
import org.evkin.workflow.ImportReport;
import org.evkin.workflow.InvitationReport;
import org.evkin.workflow.InvitationService;
import org.evkin.workflow.MonitoringService;
import org.evkin.workflow.ReminderReport;
import org.evkin.workflow.ResponseImportService;
import org.evkin.workflow.ResponsesReport;
import org.evkin.workflow.Role;
import org.evkin.workflow.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's pages below /admin/: a cycle's batteries, participant import with a preview before commit, invitations,
 * responses import, monitoring with one-click reminders. Thin: every rule is in the workflow.
 *
 * <pre>
 * GET  /admin/siklus/baru                    form to create a cycle (national admins; regional ones get 403)
 * POST /admin/siklus/baru                    creates it, 303 to its page
 * GET  /admin/siklus/{id}                    the cycle: batteries and a schedule form per program
 * POST /admin/siklus/{id}/program            sets a program's status, period and extension, 303 back
 * GET  /admin/siklus/{id}/peserta            participant upload form
 * POST /admin/siklus/{id}/peserta            multipart upload → preview (commit=false) or every problem by row and column
 * POST /admin/siklus/{id}/peserta/simpan     commits the kept file of preview id "pratinjau" (once)
 * GET  /admin/siklus/{id}/peserta/{preview}  the preview, its outcome, or a page of its problems (?halaman=n)
 *      /admin/siklus/{id}/jawaban…           the same for the responses import
 * GET  /admin/siklus/{id}/undangan           POST sends the invitations and shows the report
 * GET  /admin/siklus/{id}/pantau             completion tables and late raters (?halaman=n)
 * POST /admin/siklus/{id}/pantau/pengingat   one-click reminders, then the monitoring page with the report
 * </pre>
 */
final class AdminFlowPages {

    /** The workflow services these pages use; any may be null while its bundle is not running. */
    record Services(CycleService cycles, EnrolmentService enrolments, InvitationService invitations, ResponseImportService responses,
            MonitoringService monitoring) {
    }

    static final String FILE_FIELD = "berkas";
    static final int PROBLEMS_PER_PAGE = 100;
    static final int LATE_PER_PAGE = 100;
    static final int PREVIEW_ROWS_SHOWN = 50;
    static final String PARTICIPANT_COLUMNS = "nip, nama, email, telepon, kategori, jenjang, instansi, provinsi, kabupaten_kota, "
            + "program, nilai_pelatihan";
    static final String RESPONSE_COLUMNS = "nip_or_email, program, rater_role, rater_name, rater_email, part, item_code, value";

    private static final Logger LOG = LoggerFactory.getLogger(AdminFlowPages.class);
    private static final Pattern CYCLE_PATH = Pattern.compile("/admin/siklus/([1-9][0-9]{0,17})((?:/[A-Za-z0-9_-]+){0,2})");
    private static final Pattern PROGRAM = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,99}");
    private static final String GET = "GET, HEAD";
    private static final String POST = "POST";
    private static final String GET_POST = "GET, HEAD, POST";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM uuuu, HH.mm", Messages.INDONESIAN)
            .withZone(JAKARTA);
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu")).stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private final Messages messages;
    private final AdminFlowUploads uploads;

    AdminFlowPages(Messages messages) {
        this(messages, new AdminFlowUploads(Clock.systemUTC()));
    }

    AdminFlowPages(Messages messages, AdminFlowUploads uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    /** Routes a request below /admin/; the session, the origin and the CSRF token of POSTs are already checked. */
    Result route(String method, Visit v, Services services) {
        Optional<Account> signedIn = v.account();
        if (signedIn.isEmpty()) {
            return Result.redirect("/masuk");
        }
        Account a = signedIn.get();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean write = "POST".equals(method);
        if ("/admin/siklus".equals(v.path)) {
            return read ? Result.redirect("/admin") : notAllowed(v, GET);
        }
        if ("/admin/siklus/baru".equals(v.path)) {
            if (!read && !write) {
                return notAllowed(v, GET_POST);
            }
            if (a.role() != Role.NATIONAL_ADMIN) {
                return ErrorPages.page(messages, 403, "adm.baru.terlarang.judul", "adm.baru.terlarang.pesan");
            }
            if (services.cycles() == null) {
                return ErrorPages.unavailable(messages);
            }
            return read ? newCycleForm("", List.of(), 200) : createCycle(v, a, services.cycles());
        }
        Matcher m = CYCLE_PATH.matcher(v.path);
        if (!m.matches()) {
            return ErrorPages.notFound(messages);
        }
        long id = Long.parseLong(m.group(1));
        String[] rest = m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("/");
        String section = rest.length == 0 ? "" : rest[0];
        String sub = rest.length < 2 ? null : rest[1];
        String base = "/admin/siklus/" + id;
        switch (section) {
            case "" -> {
                return read ? withCycle(services, id, c -> overview(v, a, c, null, List.of(), 200)) : notAllowed(v, GET);
            }
            case "program" -> {
                if (sub != null) {
                    return ErrorPages.notFound(messages);
                }
                return write ? withCycle(services, id, c -> saveBattery(v, a, services.cycles(), c))
                        : read ? Result.redirect(base) : notAllowed(v, POST);
            }
            case "peserta", "jawaban" -> {
                Kind kind = "peserta".equals(section) ? Kind.PARTICIPANTS : Kind.RESPONSES;
                if ((kind == Kind.PARTICIPANTS ? services.enrolments() : services.responses()) == null) {
                    return ErrorPages.unavailable(messages);
                }
                if (sub == null) {
                    return read ? withCycle(services, id, c -> uploadForm(a, c, kind, List.of(), null, 200))
                            : write ? withCycle(services, id, c -> upload(v, a, services, c, kind)) : notAllowed(v, GET_POST);
                }
                if ("simpan".equals(sub)) {
                    return write ? withCycle(services, id, c -> commit(v, a, services, c, kind))
                            : read ? Result.redirect(base + "/" + section) : notAllowed(v, POST);
                }
                if (!AdminFlowUploads.validId(sub)) {
                    return ErrorPages.notFound(messages);
                }
                return read ? withCycle(services, id, c -> showUpload(v, a, c, kind, sub)) : notAllowed(v, GET);
            }
            case "undangan" -> {
                if (sub != null) {
                    return ErrorPages.notFound(messages);
                }
                if (services.invitations() == null) {
                    return ErrorPages.unavailable(messages);
                }
                return read ? withCycle(services, id, c -> invitations(a, c, null))
                        : write ? withCycle(services, id, c -> invitations(a, c, services.invitations().invite(a, c.id())))
                        : notAllowed(v, GET_POST);
            }
            case "pantau" -> {
                if (services.monitoring() == null) {
                    return ErrorPages.unavailable(messages);
                }
                if (sub == null) {
                    return read ? withCycle(services, id, c -> monitoring(v, a, services.monitoring(), c, null)) : notAllowed(v, GET);
                }
                if ("pengingat".equals(sub)) {
                    return write ? withCycle(services, id, c -> monitoring(v, a, services.monitoring(), c,
                            services.monitoring().remind(a, c.id())))
                            : read ? Result.redirect(base + "/pantau") : notAllowed(v, POST);
                }
                return ErrorPages.notFound(messages);
            }
            default -> {
                return ErrorPages.notFound(messages);
            }
        }
    }

    // ---- cycles and batteries ----

    private Result newCycleForm(String name, List<FieldError> errors, int status) {
        Map<String, Object> m = new HashMap<>();
        m.put("nama", name);
        m.put("errors", errors);
        errors.forEach(e -> m.putIfAbsent(e.field() + "Error", e.message()));
        return Result.page(status, "admin-siklus-baru.ftlh", m);
    }

    private Result createCycle(Visit v, Account a, CycleService cycles) {
        String name = v.param("nama").strip();
        if (name.isEmpty()) {
            return newCycleForm(name, List.of(new FieldError("nama", messages.get("adm.baru.galat.namaKosong"))), 400);
        }
        try {
            Cycle c = cycles.create(a, name);
            return Result.redirect("/admin/siklus/" + c.id() + "?dibuat=1");
        } catch (WorkflowException e) {
            return switch (e.kind()) {
                case FORBIDDEN -> ErrorPages.page(messages, 403, "adm.baru.terlarang.judul", "adm.baru.terlarang.pesan");
                case INVALID, CONFLICT -> newCycleForm(name, List.of(new FieldError("nama", e.getMessage())), e.kind().status);
                default -> throw e;
            };
        }
    }

    private Result overview(Visit v, Account a, Cycle c, BatteryForm failed, List<FieldError> errors, int status) {
        Map<String, Object> m = base(a, c, "ringkasan");
        List<BatteryForm> forms = new ArrayList<>();
        int i = 0;
        for (Battery b : c.batteries()) {
            String key = "p" + i++;
            if (failed != null && failed.existing() && failed.program().equals(b.programCode())) {
                forms.add(new BatteryForm(key, failed.program(), true, failed.active(), failed.start(), failed.end(),
                        failed.extension(), failed.errors()));
            } else {
                forms.add(new BatteryForm(key, b.programCode(), true, b.active(), iso(b.periodStart()), iso(b.periodEnd()),
                        iso(b.extendedUntil()), Map.of()));
            }
        }
        m.put("forms", forms);
        m.put("newForm", failed != null && !failed.existing() ? failed
                : new BatteryForm("baru", "", false, true, "", "", "", Map.of()));
        String failedKey = failed == null || !failed.existing() ? "baru"
                : forms.stream().filter(f -> f.program().equals(failed.program())).map(BatteryForm::key).findFirst().orElse("baru");
        List<FieldError> linked = errors.stream().map(e -> new FieldError(failedKey + "-" + e.field(), e.message())).toList();
        m.put("errors", linked);
        if (failed == null && "1".equals(v.param("dibuat"))) {
            m.put("notice", messages.get("adm.siklus.dibuat", c.name()));
        }
        String saved = v.param("disimpan");
        if (failed == null && c.batteries().stream().anyMatch(b -> b.programCode().equals(saved))) {
            m.put("notice", messages.get("adm.siklus.disimpan", saved));
        }
        return Result.page(status, "admin-siklus.ftlh", m);
    }

    private Result saveBattery(Visit v, Account a, CycleService cycles, Cycle c) {
        if (a.role() != Role.NATIONAL_ADMIN) {
            return ErrorPages.page(messages, 403, "adm.jadwal.terlarang.judul", "adm.jadwal.terlarang.pesan");
        }
        String program = v.param("program").strip().toUpperCase(Locale.ROOT);
        boolean existing = "ada".equals(v.param("formulir"))
                && c.batteries().stream().anyMatch(b -> b.programCode().equals(program));
        String status = v.param("status");
        String start = v.param("mulai").strip();
        String end = v.param("selesai").strip();
        String extension = v.param("perpanjangan").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (program.isEmpty()) {
            errors.put("program", messages.get("adm.jadwal.galat.programKosong"));
        } else if (!PROGRAM.matcher(program).matches()) {
            errors.put("program", messages.get("adm.jadwal.galat.programTidakSah"));
        }
        if (!"aktif".equals(status) && !"nonaktif".equals(status)) {
            errors.put("status", messages.get("adm.jadwal.galat.statusTidakSah"));
        }
        LocalDate periodStart = date(start, "mulai", "adm.jadwal.galat.mulaiKosong", errors);
        LocalDate periodEnd = date(end, "selesai", "adm.jadwal.galat.selesaiKosong", errors);
        LocalDate extended = extension.isEmpty() ? null : date(extension, "perpanjangan", null, errors);
        if (errors.isEmpty()) {
            try {
                cycles.setBattery(a, c.id(), program, "aktif".equals(status), periodStart, periodEnd, extended);
                return Result.redirect("/admin/siklus/" + c.id() + "?disimpan=" + program);
            } catch (WorkflowException e) {
                switch (e.kind()) {
                    case FORBIDDEN -> {
                        return ErrorPages.page(messages, 403, "adm.jadwal.terlarang.judul", "adm.jadwal.terlarang.pesan");
                    }
                    case NOT_FOUND -> {
                        if ("cycleNotFound".equals(e.code())) {
                            return cycleNotFound();
                        }
                        errors.put("program", e.getMessage());
                    }
                    case INVALID, CONFLICT -> errors.put("badExtension".equals(e.code()) ? "perpanjangan"
                            : "badPeriod".equals(e.code()) ? "selesai" : "program", e.getMessage());
                    default -> throw e;
                }
            }
        }
        BatteryForm failed = new BatteryForm(existing ? "" : "baru", program, existing, !"nonaktif".equals(status), start, end,
                extension, errors);
        List<FieldError> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(new FieldError(field, message)));
        return overview(v, a, c, failed, list, 400);
    }

    /** A date as the date field sends it (2025-11-30), or as people type it (30/11/2025); null with an error. */
    private LocalDate date(String text, String field, String emptyKey, Map<String, String> errors) {
        if (text.isEmpty()) {
            errors.put(field, messages.get(emptyKey));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter f : LOCAL_DATES) {
                try {
                    return LocalDate.parse(text, f);
                } catch (DateTimeParseException again) {
                    // the next pattern
                }
            }
        }
        errors.put(field, messages.get("adm.jadwal.galat.tanggalTidakSah", text));
        return null;
    }

    // ---- imports: upload → preview → commit ----

    private Result uploadForm(Account a, Cycle c, Kind kind, List<FieldError> errors, String view, int status) {
        Map<String, Object> m = importBase(a, c, kind);
        m.put("view", view == null ? "unggah" : view);
        m.put("errors", errors);
        errors.forEach(e -> m.putIfAbsent("berkasError", e.message()));
        return Result.page(status, template(kind), m);
    }

    private Result upload(Visit v, Account a, Services s, Cycle c, Kind kind) {
        String type = v.req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return fileError(a, c, kind, "adm.impor.galat.pilihBerkas", 400);
        }
        Part part;
        try {
            part = v.req.getPart(FILE_FIELD);
        } catch (ServletException | IllegalStateException e) {
            String ref = WebServlet.reference();
            LOG.error("Upload to {} refused, reference {}: is multipart enabled on the web servlet's registration?", v.path, ref, e);
            return uploadForm(a, c, kind, List.of(new FieldError(FILE_FIELD, messages.get("adm.impor.galat.unggahNonaktif", ref))),
                    null, 500);
        } catch (IOException e) {
            LOG.info("Upload to {} could not be read: {}", v.path, e.toString());
            return fileError(a, c, kind, "adm.impor.galat.tidakTerbaca", 400);
        }
        if (part == null) {
            return fileError(a, c, kind, "adm.impor.galat.pilihBerkas", 400);
        }
        String fileName = fileName(part.getSubmittedFileName());
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            if (part.getSize() > AdminFlowUploads.MAX_FILE_BYTES) {
                return fileError(a, c, kind, "adm.impor.galat.terlaluBesar", 413);
            }
            bytes = in.readNBytes(AdminFlowUploads.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            LOG.info("Upload to {} could not be read: {}", v.path, e.toString());
            return fileError(a, c, kind, "adm.impor.galat.tidakTerbaca", 400);
        } finally {
            try {
                part.delete();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Temporary upload of {} not deleted: {}", v.path, e.toString());
            }
        }
        if (bytes.length > AdminFlowUploads.MAX_FILE_BYTES) {
            return fileError(a, c, kind, "adm.impor.galat.terlaluBesar", 413);
        }
        if (bytes.length == 0) {
            return fileError(a, c, kind, fileName.isEmpty() ? "adm.impor.galat.pilihBerkas" : "adm.impor.galat.berkasKosong", 400);
        }
        Upload u;
        try {
            Object report = kind == Kind.PARTICIPANTS ? s.enrolments().importParticipants(a, c.id(), bytes, false)
                    : s.responses().importResponses(a, c.id(), bytes, false);
            u = uploads.previewed(a.id(), c.id(), kind, fileName, bytes, report);
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.NOT_FOUND && e.details().isEmpty()) {
                throw e;
            }
            u = uploads.rejected(a.id(), c.id(), kind, fileName, e.getMessage(), rejectionStatus(e), problems(e));
        }
        return uploadView(v, a, c, kind, u, false);
    }

    private Result fileError(Account a, Cycle c, Kind kind, String key, int status) {
        String message = "adm.impor.galat.terlaluBesar".equals(key) ? messages.get(key, AdminFlowUploads.MAX_FILE_BYTES >> 20)
                : messages.get(key);
        return uploadForm(a, c, kind, List.of(new FieldError(FILE_FIELD, message)), null, status);
    }

    private Result commit(Visit v, Account a, Services s, Cycle c, Kind kind) {
        Optional<Upload> found = uploads.find(v.param("pratinjau"), a.id(), c.id(), kind);
        if (found.isEmpty()) {
            return uploadForm(a, c, kind, List.of(), "kedaluwarsa", 410);
        }
        Upload u = found.get();
        byte[] bytes = u.claim();
        if (bytes == null) {
            return uploadView(v, a, c, kind, u, u.state() == State.COMMITTED);
        }
        try {
            Object report = kind == Kind.PARTICIPANTS ? s.enrolments().importParticipants(a, c.id(), bytes, true)
                    : s.responses().importResponses(a, c.id(), bytes, true);
            u.committed(report, uploads.now());
            LOG.info("Import {} of cycle {} committed by {} from preview {}", kind, c.id(), a.actor(), u.id);
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.NOT_FOUND && e.details().isEmpty()) {
                u.release();
                throw e;
            }
            u.rejected(e.getMessage(), rejectionStatus(e), problems(e), uploads.now());
        } catch (RuntimeException e) {
            u.release();
            throw e;
        }
        return uploadView(v, a, c, kind, u, false);
    }

    private Result showUpload(Visit v, Account a, Cycle c, Kind kind, String id) {
        Optional<Upload> found = uploads.find(id, a.id(), c.id(), kind);
        return found.isEmpty() ? uploadForm(a, c, kind, List.of(), "kedaluwarsa", 404) : uploadView(v, a, c, kind, found.get(), false);
    }

    /** The page of an upload in its current state: preview, outcome (already imported or not), in progress, or problems. */
    private Result uploadView(Visit v, Account a, Cycle c, Kind kind, Upload u, boolean alreadyImported) {
        Map<String, Object> m = importBase(a, c, kind);
        m.put("fileName", u.fileName);
        m.put("uploadId", u.id);
        m.put("errors", List.of());
        int status = 200;
        switch (u.state()) {
            case PREVIEWED -> {
                m.put("view", "pratinjau");
                putReport(m, u.report());
            }
            case COMMITTED -> {
                m.put("view", "hasil");
                m.put("already", alreadyImported);
                putReport(m, u.report());
            }
            case COMMITTING -> {
                m.put("view", "sedang");
                status = 409;
            }
            case REJECTED -> {
                m.put("view", "ditolak");
                status = u.status();
                List<Problem> problems = u.problems();
                m.put("errors", List.of(new FieldError("masalah-judul", messages.get("adm.impor.ditolak.ringkasan", problems.size()))));
                m.put("reason", u.summary());
                Pager pager = pager(v, problems.size(), PROBLEMS_PER_PAGE,
                        "/admin/siklus/" + c.id() + "/" + section(kind) + "/" + u.id);
                int from = (pager.page() - 1) * PROBLEMS_PER_PAGE;
                m.put("problems", problems.subList(from, Math.min(problems.size(), from + PROBLEMS_PER_PAGE)).stream()
                        .map(this::problemRow).toList());
                m.put("problemCount", problems.size());
                m.put("pager", pager);
            }
            default -> throw new IllegalStateException(u.state().name());
        }
        return Result.page(status, template(kind), m);
    }

    private void putReport(Map<String, Object> m, Object report) {
        if (report instanceof ImportReport r) {
            m.put("stats", List.of(stat("adm.peserta.hitung.baris", r.rows()), stat("adm.peserta.hitung.layak", r.eligible()),
                    stat("adm.peserta.hitung.tidakLayak", r.ineligible()), stat("adm.peserta.hitung.pesertaBaru", r.participantsCreated()),
                    stat("adm.peserta.hitung.pesertaDiperbarui", r.participantsUpdated()),
                    stat("adm.peserta.hitung.pesertaSama", r.participantsUnchanged()),
                    stat("adm.peserta.hitung.daftarBaru", r.enrolmentsCreated()),
                    stat("adm.peserta.hitung.daftarDiperbarui", r.enrolmentsUpdated()),
                    stat("adm.peserta.hitung.daftarSama", r.enrolmentsUnchanged())));
            List<PreviewRow> rows = r.preview().stream().limit(PREVIEW_ROWS_SHOWN).map(this::previewRow).toList();
            m.put("rows", rows);
            m.put("rowsCaption", messages.get("adm.peserta.baris.caption", rows.size(), r.rows()));
            m.put("done", messages.get("adm.impor.berhasil", r.rows()));
        } else if (report instanceof ResponsesReport r) {
            m.put("stats", List.of(stat("adm.jawaban.hitung.baris", r.rows()), stat("adm.jawaban.hitung.formulir", r.forms()),
                    stat("adm.jawaban.hitung.baru", r.created()), stat("adm.jawaban.hitung.draf", r.draftsCompleted()),
                    stat("adm.jawaban.hitung.sama", r.unchanged())));
            m.put("done", messages.get("adm.impor.berhasil", r.rows()));
        }
    }

    private PreviewRow previewRow(ImportReport.PreviewRow r) {
        String dash = messages.get("adm.kosong");
        String region = r.province() == null ? dash : r.district() == null || r.district().isBlank() ? r.province()
                : r.province() + ", " + r.district();
        return new PreviewRow(number(r.row()), text(r.name()), text(r.nip()), text(r.email()), text(r.kind()),
                r.level() == null ? dash : levelLabel(r.level()), region, text(r.programCode()), text(r.trainingScore()).replace('.', ','),
                r.eligible(), r.eligible() ? messages.get("adm.ya")
                        : r.ineligibleReason() == null ? messages.get("adm.tidak") : messages.get("adm.tidakKarena", r.ineligibleReason()));
    }

    /** "AHLI_MUDA" as "Ahli Muda". */
    private static String levelLabel(String level) {
        StringBuilder sb = new StringBuilder();
        for (String w : level.split("_")) {
            if (!w.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private ProblemRow problemRow(Problem p) {
        return new ProblemRow(p.row() <= 0 ? messages.get("adm.impor.masalah.seluruhBerkas") : number(p.row()),
                p.column() == null || p.column().isBlank() ? messages.get("adm.kosong") : p.column(), p.message());
    }

    /** The problems of a refused import, from the exception's details (org.evkin.exchange.ImportError records). */
    static List<Problem> problems(WorkflowException e) {
        List<Problem> out = new ArrayList<>();
        for (Object d : e.details()) {
            out.add(problem(d));
        }
        if (out.isEmpty()) {
            out.add(new Problem(0, null, e.getMessage()));
        }
        return out;
    }

    /**
     * One detail as a problem. The details are org.evkin.exchange.ImportError(row, column, code, message), read by their
     * record components so that this bundle needs only the workflow API; anything else is shown by its text.
     */
    static Problem problem(Object detail) {
        if (detail instanceof Record r) {
            Object row = component(r, "row");
            Object column = component(r, "column");
            Object message = component(r, "message");
            if (message instanceof String text) {
                return new Problem(row instanceof Number n ? n.intValue() : 0, column instanceof String c ? c : null, text);
            }
        }
        return new Problem(0, null, String.valueOf(detail));
    }

    private static Object component(Record r, String name) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int rejectionStatus(WorkflowException e) {
        return switch (e.kind()) {
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            default -> 400;
        };
    }

    /** The name the browser gave the file, without any folder, short enough to show. */
    static String fileName(String submitted) {
        if (submitted == null) {
            return "";
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        return name.length() > 120 ? name.substring(0, 120) + "\u2026" : name;
    }

    private Map<String, Object> importBase(Account a, Cycle c, Kind kind) {
        Map<String, Object> m = base(a, c, section(kind));
        m.put("columns", kind == Kind.PARTICIPANTS ? PARTICIPANT_COLUMNS : RESPONSE_COLUMNS);
        m.put("maxMegabytes", AdminFlowUploads.MAX_FILE_BYTES >> 20);
        m.put("action", "/admin/siklus/" + c.id() + "/" + section(kind));
        return m;
    }

    private static String section(Kind kind) {
        return kind == Kind.PARTICIPANTS ? "peserta" : "jawaban";
    }

    private static String template(Kind kind) {
        return kind == Kind.PARTICIPANTS ? "admin-peserta.ftlh" : "admin-jawaban.ftlh";
    }

    // ---- invitations and monitoring ----

    private Result invitations(Account a, Cycle c, InvitationReport report) {
        Map<String, Object> m = base(a, c, "undangan");
        if (report != null) {
            m.put("report", true);
            m.put("reportStatus", messages.get("adm.undangan.hasil.status", report.invited()));
            m.put("stats", List.of(stat("adm.undangan.hitung.diundang", report.invited()),
                    stat("adm.undangan.hitung.sudah", report.alreadyInvited()), stat("adm.undangan.hitung.tidakLayak", report.ineligible())));
            m.put("problems", report.problems());
        }
        return Result.page(200, "admin-undangan.ftlh", m);
    }

    private Result monitoring(Visit v, Account a, MonitoringService monitoring, Cycle c, ReminderReport reminded) {
        CycleProgress p = monitoring.progress(a, c.id());
        Map<String, Object> m = base(a, c, "pantau");
        if (reminded != null) {
            m.put("reminder", messages.get("adm.pantau.pengingat.hasil", reminded.reminded(), reminded.escalated(),
                    reminded.withoutEmail()));
        }
        m.put("stats", List.of(stat("adm.pantau.hitung.peserta", p.participants()), stat("adm.pantau.hitung.layak", p.eligible()),
                stat("adm.pantau.hitung.selesai", p.complete()),
                new Stat(messages.get("adm.pantau.hitung.persen"), percent(p.complete(), p.eligible()))));
        m.put("byProgram", groups(p.byProgram()));
        m.put("byLevel", groups(p.byLevel()));
        m.put("byProvince", groups(p.byProvince()));
        m.put("bySource", p.bySource().stream().map(s -> new SourceRow(messages.get("adm.peran." + s.role().name()),
                number(s.expected()), number(s.submitted()), percent(s.submitted(), s.expected()))).toList());
        m.put("hasParticipants", p.eligible() > 0);
        List<CycleProgress.LateRater> late = p.late();
        Pager pager = pager(v, late.size(), LATE_PER_PAGE, "/admin/siklus/" + c.id() + "/pantau");
        int from = (pager.page() - 1) * LATE_PER_PAGE;
        String dash = messages.get("adm.kosong");
        m.put("late", late.subList(from, Math.min(late.size(), from + LATE_PER_PAGE)).stream().map(l -> new LateRow(
                text(l.participant()), text(l.province()), messages.get("adm.peran." + l.role().name()),
                l.name() == null || l.name().isBlank() ? messages.get("adm.pantau.terlambat.tanpaNama") : l.name(),
                l.email() == null || l.email().isBlank() ? messages.get("adm.pantau.terlambat.tanpaEmail") : l.email(),
                l.email() != null && !l.email().isBlank(), messages.get("adm.pantau.terlambat.formulirNilai", l.submitted(), l.expected()),
                number(l.reminders()), l.invitedAt() == null ? dash : WHEN.format(l.invitedAt()))).toList());
        m.put("lateCount", late.size());
        m.put("lateCaption", messages.get("adm.pantau.terlambat.caption", late.size()));
        m.put("pager", pager);
        return Result.page(200, "admin-pantau.ftlh", m);
    }

    private List<GroupRow> groups(List<CycleProgress.Group> groups) {
        return groups.stream().map(g -> new GroupRow(text(g.key()), number(g.eligible()), number(g.complete()),
                percent(g.complete(), g.eligible()))).toList();
    }

    // ---- helpers ----

    /** Runs the page with the cycle, or answers the cycle's 404 page (or 503 while the cycles are unavailable). */
    private Result withCycle(Services s, long id, java.util.function.Function<Cycle, Result> page) {
        if (s.cycles() == null) {
            return ErrorPages.unavailable(messages);
        }
        Cycle c;
        try {
            c = s.cycles().get(id);
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.NOT_FOUND) {
                return cycleNotFound();
            }
            throw e;
        }
        return page.apply(c);
    }

    private Result cycleNotFound() {
        return ErrorPages.page(messages, 404, "adm.siklus.tidakAda.judul", "adm.siklus.tidakAda.pesan");
    }

    /** What every cycle page shows: the cycle, which of its pages is open, and the admin's region. */
    private Map<String, Object> base(Account a, Cycle c, String section) {
        Map<String, Object> m = new HashMap<>();
        m.put("cycle", CycleRow.of(c));
        m.put("section", section);
        m.put("national", a.role() == Role.NATIONAL_ADMIN);
        m.put("region", region(a));
        return m;
    }

    /** The admin's region as people read it: the province (and district), or the whole country. */
    String region(Account a) {
        if (a.role() == Role.NATIONAL_ADMIN || a.province() == null) {
            return messages.get("adm.wilayah.nasional");
        }
        return a.district() == null || a.district().isBlank() ? a.province() : a.province() + ", " + a.district();
    }

    private Pager pager(Visit v, int total, int perPage, String base) {
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int page = 1;
        try {
            page = Math.min(pages, Math.max(1, Integer.parseInt(v.param("halaman"))));
        } catch (NumberFormatException e) {
            // the first page
        }
        int from = total == 0 ? 0 : (page - 1) * perPage + 1;
        int to = Math.min(total, page * perPage);
        return new Pager(page, pages, IntStream.rangeClosed(1, pages).boxed().toList(),
                messages.get("adm.halaman.keterangan", from, to, total), base);
    }

    private Result notAllowed(Visit v, String allow) {
        v.resp.setHeader("Allow", allow);
        return ErrorPages.methodNotAllowed(messages);
    }

    private Stat stat(String key, int value) {
        return new Stat(messages.get(key), number(value));
    }

    private static String number(long n) {
        return String.format(Messages.INDONESIAN, "%,d", n);
    }

    /** part of whole as a whole percentage, half up; a dash when there is nothing to count. */
    private String percent(int part, int whole) {
        if (whole <= 0) {
            return messages.get("adm.kosong");
        }
        return messages.get("adm.persen", (part * 200L + whole) / (2L * whole));
    }

    private String text(String s) {
        return s == null || s.isBlank() ? messages.get("adm.kosong") : s;
    }

    private static String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
