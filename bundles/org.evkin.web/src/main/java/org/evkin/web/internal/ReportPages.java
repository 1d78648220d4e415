package org.evkin.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.evkin.report.IndividualReport;
import org.evkin.report.ReportDocuments;
import org.evkin.report.ReportService;
import org.evkin.workflow.FormService;
import org.evkin.workflow.LinkAccess;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participant's own report behind the personal link (SPEC §4, report Gambar 2.2–2.4): {@code laporan} as an HTML
 * page, {@code laporan.pdf} as the PDF of the report renderer. Only the participant's link (role DIRI) gets it; every
 * other link gets the workflow-style refusal (403) and nothing of the report. The page shows only what
 * {@link IndividualReport} holds, the combined result: never a rater's name or answer (SPEC §6).
 *
 * <ul>
 * <li>PENDING: that the report is not there yet and, per program, whose forms are still missing; no category.
 * <li>PARTIAL and FINAL: identity, the profile table, KESIMPULAN, the activity profile (PK), the programs still waiting,
 * and the PDF.
 * <li>NOT_ELIGIBLE: the report's statusText.
 * </ul>
 */
final class ReportPages {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPages.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", Messages.INDONESIAN);

    /** The report services as the servlet holds them for this request; either is null while it is not deployed. */
    record Services(ReportService reports, ReportDocuments documents) {
    }

    private final Messages messages;
    private final LinkPages pages;

    ReportPages(Messages messages, LinkPages pages) {
        this.messages = messages;
        this.pages = pages;
    }

    /** GET laporan: the report as a page. */
    Result page(Visit v, FormService forms, Services services, LinkPages.Link link) {
        LinkAccess a = participant(forms, link);
        if (services.reports() == null) {
            return unavailable(v);
        }
        IndividualReport r = load(services.reports(), a);
        if (r == null) {
            return noReport(link);
        }
        Map<String, Object> m = pages.model(link);
        IndividualReport.Identity id = r.participant();
        String kind = id.kind() != null && messages.has("tautan.kategori." + id.kind()) ? messages.get("tautan.kategori." + id.kind()) : id.kind();
        m.put("person", new LinkViews.Person(id.name(), id.nip(), kind, id.levelLabel(), id.institution(), id.province(), id.district(), null));
        m.put("reportTitle", r.title());
        m.put("cycleName", r.cycleName());
        m.put("status", r.status().name());
        m.put("statusText", r.statusText());
        boolean shown = r.conclusion() != null && (r.status() == IndividualReport.Status.FINAL || r.status() == IndividualReport.Status.PARTIAL);
        m.put("shown", shown);
        if (r.status() != IndividualReport.Status.NOT_ELIGIBLE) {
            m.put("programs", r.programs().stream().map(this::program).toList());
        }
        if (shown) {
            m.put("pdfHref", link.base() + "/laporan.pdf");
            m.put("sections", sections(r));
            m.put("predicate", r.conclusion().predicate());
            m.put("score", r.conclusion().score());
            m.put("waiting", r.programs().stream().filter(p -> p.eligible() && !p.result()).map(this::program).toList());
            if (r.activity() != null) {
                putActivity(m, r.activity());
            }
        }
        if (r.generatedAt() != null) {
            ZonedDateTime at = r.generatedAt().atZone(LinkPages.JAKARTA);
            m.put("generated", messages.get("tautan.laporan.disusun", LinkPages.DATE.format(at), TIME.format(at)));
        }
        return Result.page(200, "t-laporan.ftlh", m);
    }

    /** GET laporan.pdf: the report as a PDF attachment, once it has a conclusion; before that, back to the page. */
    Result pdf(Visit v, FormService forms, Services services, LinkPages.Link link) {
        LinkAccess a = participant(forms, link);
        if (services.reports() == null || services.documents() == null) {
            return unavailable(v);
        }
        IndividualReport r = load(services.reports(), a);
        if (r == null || r.conclusion() == null) {
            return Result.redirect(link.base() + "/laporan");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            services.documents().individualPdf(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result.Download("application/pdf", "laporan-evkin-" + r.cycleId() + ".pdf", out.toByteArray());
    }

    /**
     * The report's step on the participant's overview and monitoring pages: the link to it and whether it is there
     * yet. A report that cannot be looked up now (service or database away) does not stop those pages: the step
     * says so and the report page itself answers 503.
     */
    LinkViews.Step step(LinkAccess a, ReportService reports, LinkPages.Link link) {
        String state = "tidakDiketahui";
        boolean available = false;
        if (reports != null) {
            try {
                IndividualReport r = reports.individual(a.cycleId(), a.participant().id());
                state = r.status().name();
                available = r.conclusion() != null;
            } catch (RuntimeException e) {
                LOG.warn("The report state of participant {} in cycle {} is not shown: {}", a.participant().id(), a.cycleId(), e.toString());
            }
        }
        return new LinkViews.Step(messages.get("tautan.laporan.langkah"), messages.get("tautan.laporan.status." + state),
                link.base() + "/laporan", messages.get("tautan.laporan.lihat"), null, available, true);
    }

    // ---- parts ----

    /** The link's access, if it is the participant's; every other role is refused before anything is looked up. */
    private LinkAccess participant(FormService forms, LinkPages.Link link) {
        LinkAccess a = forms.access(link.credential());
        if (a.role() != RaterRole.DIRI) {
            throw new WorkflowException(WorkflowException.Kind.FORBIDDEN, "participantOnly", messages.get("tautan.laporan.hanyaPeserta"));
        }
        return a;
    }

    /** The participant's report in the link's cycle; null when there is no enrolment to report on. */
    private static IndividualReport load(ReportService reports, LinkAccess a) {
        try {
            return reports.individual(a.cycleId(), a.participant().id());
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private LinkViews.ReportProgram program(IndividualReport.ProgramState p) {
        String state;
        if (!p.eligible()) {
            state = messages.get("tautan.laporan.program.tidakMemenuhi");
        } else if (p.result()) {
            state = messages.get("tautan.laporan.program.lengkap");
        } else {
            state = messages.get(p.missingLabels().isEmpty() ? "tautan.laporan.program.menunggu" : "tautan.laporan.program.menungguDari");
        }
        return new LinkViews.ReportProgram(p.title(), state, p.eligible() && !p.result() ? p.missingLabels() : List.of(), p.result());
    }

    private static List<LinkViews.ReportSection> sections(IndividualReport r) {
        List<LinkViews.ReportSection> out = new ArrayList<>();
        for (IndividualReport.CompetencySection s : r.profile()) {
            out.add(new LinkViews.ReportSection(s.no(), s.name(), s.rows().stream()
                    .map(row -> new LinkViews.ReportRow(row.no(), row.name(), row.explanation(), row.category(), row.rated())).toList()));
        }
        return out;
    }

    private void putActivity(Map<String, Object> m, IndividualReport.Activity a) {
        m.put("activity", true);
        m.put("activityShown", a.shown());
        m.put("activityLevel", a.ownLevelLabel());
        if (!a.shown()) {
            m.put("activityMissing", a.missingLabels());
            return;
        }
        m.put("activityRows", a.rows().stream()
                .map(row -> new LinkViews.ActivityRow(row.label(), row.count(), row.percentage(), row.level().equals(a.ownLevel()))).toList());
        m.put("activityResult", a.ideal() ? a.idealLabel() : a.notIdealLabel());
        m.put("activityIdeal", a.ideal());
        m.put("activityRule", a.idealRule());
        m.put("activityExplanation", a.explanation());
    }

    private Result unavailable(Visit v) {
        v.resp.setHeader("Retry-After", "5");
        return ErrorPages.unavailable(messages);
    }

    private Result noReport(LinkPages.Link link) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", 404);
        m.put("title", messages.get("tautan.laporan.tidakAda.judul"));
        m.put("message", messages.get("tautan.laporan.tidakAda.pesan"));
        m.put("base", link.base());
        return Result.page(404, "t-galat.ftlh", m);
    }
}
