package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.evkin.report.IndividualReport;
import org.evkin.report.ReportDocuments;
import org.evkin.report.ReportService;
import org.evkin.workflow.Account;

/** A participant's individual report (JSON, or PDF), for admins whose region covers the participant. */
@Path("participants")
public class ParticipantReportResource {

    private final Supplier<ReportService> reports;
    private final Supplier<ReportDocuments> documents;
    private final Authenticator authenticator;

    @Context
    private HttpHeaders headers;

    ParticipantReportResource(Supplier<ReportService> reports, Supplier<ReportDocuments> documents, Authenticator authenticator) {
        this.reports = reports;
        this.documents = documents;
        this.authenticator = authenticator;
    }

    @GET
    @Path("{id}/report")
    @Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", ReportsResource.PDF})
    public Response report(@PathParam("id") String id, @QueryParam("cycle") String cycle) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(ReportsResource.PDF) && !accept.contains("json")) {
            return pdf(id, cycle);
        }
        return Response.ok(load(id, cycle), MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("{id}/report.pdf")
    @Produces(ReportsResource.PDF)
    public Response pdf(@PathParam("id") String id, @QueryParam("cycle") String cycle) {
        IndividualReport r = load(id, cycle);
        ReportDocuments d = ReportsResource.need(documents);
        return ReportsResource.file(out -> d.individualPdf(r, out), ReportsResource.PDF,
                "laporan-" + r.participant().id() + "-" + r.cycleId() + ".pdf");
    }

    private IndividualReport load(String id, String cycle) {
        Account a = authenticator.require(headers);
        long participantId = ReportsResource.id(id);
        if (participantId < 0) {
            throw new BadRequest(404, "notFound", "error.unknownParticipant");
        }
        ReportService service = ReportsResource.need(reports);
        long cycleId = cycle == null || cycle.isBlank() ? service.latestCycle(participantId)
                .orElseThrow(() -> new BadRequest(404, "notFound", "error.unknownParticipant")) : ReportsResource.cycleId(cycle);
        IndividualReport r;
        try {
            r = service.individual(cycleId, participantId);
        } catch (NoSuchElementException e) {
            throw new BadRequest(404, "notFound", "error.unknownParticipant");
        }
        if (!a.covers(r.participant().province(), r.participant().district())) {
            throw new BadRequest(403, "forbidden", "error.outsideRegion");
        }
        return r;
    }
}
