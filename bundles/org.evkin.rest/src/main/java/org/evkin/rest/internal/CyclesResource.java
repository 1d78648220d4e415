package org.evkin.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;
import org.evkin.workflow.Account;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.EnrolmentService;
import org.evkin.workflow.InvitationService;
import org.evkin.workflow.MonitoringService;
import org.evkin.workflow.ResponseImportService;

/** Cycles, their batteries, participant imports and invitations, for admins with an API token. */
@Path("cycles")
public class CyclesResource {

    static final long MAX_IMPORT_BYTES = 32L << 20;

    private final Supplier<CycleService> cycles;
    private final Supplier<EnrolmentService> enrolments;
    private final Supplier<InvitationService> invitations;
    private final Supplier<ResponseImportService> responses;
    private final Supplier<MonitoringService> monitoring;
    private final Authenticator authenticator;

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    CyclesResource(Supplier<CycleService> cycles, Supplier<EnrolmentService> enrolments, Supplier<InvitationService> invitations,
            Supplier<ResponseImportService> responses, Supplier<MonitoringService> monitoring, Authenticator authenticator) {
        this.responses = responses;
        this.monitoring = monitoring;
        this.cycles = cycles;
        this.enrolments = enrolments;
        this.invitations = invitations;
        this.authenticator = authenticator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object list() {
        authenticator.require(headers);
        return Map.of("cycles", need(cycles).list().stream().map(CyclesResource::json).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response create(Map<String, String> body) {
        Account a = authenticator.require(headers);
        Cycle c = need(cycles).create(a, body == null ? null : body.get("name"));
        return Response.status(201).entity(json(c)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object get(@PathParam("id") long id) {
        authenticator.require(headers);
        return json(need(cycles).get(id));
    }

    @PUT
    @Path("{id}/batteries/{program}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object battery(@PathParam("id") long id, @PathParam("program") String program, Map<String, Object> body) {
        Account a = authenticator.require(headers);
        if (body == null) {
            throw new BadRequest("badRequest", "error.badRequest");
        }
        try {
            boolean active = !"false".equals(String.valueOf(body.getOrDefault("active", "true")))
                    && !"INACTIVE".equals(String.valueOf(body.getOrDefault("status", "ACTIVE")));
            Battery b = need(cycles).setBattery(a, id, program, active, date(body.get("periodStart")), date(body.get("periodEnd")),
                    date(body.get("extendedUntil")));
            return batteryJson(b);
        } catch (DateTimeParseException e) {
            throw new BadRequest("badDate", "error.badDate");
        }
    }

    /** The participant file as the body (text/csv or the XLSX type) or as multipart field "file"; ?commit=false previews. */
    @POST
    @Path("{id}/participants/import")
    @Consumes({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM,
        MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object importParticipants(@PathParam("id") long id, @QueryParam("commit") String commit) throws IOException {
        Account a = authenticator.require(headers);
        byte[] file = body();
        return need(enrolments).importParticipants(a, id, file, !"false".equalsIgnoreCase(commit));
    }

    /** The responses file (SPEC §5) as the body or as multipart field "file"; ?commit=false previews. */
    @POST
    @Path("{id}/responses/import")
    @Consumes({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM,
        MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object importResponses(@PathParam("id") long id, @QueryParam("commit") String commit) throws IOException {
        Account a = authenticator.require(headers);
        byte[] file = body();
        return need(responses).importResponses(a, id, file, !"false".equalsIgnoreCase(commit));
    }

    @GET
    @Path("{id}/monitoring")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object monitoring(@PathParam("id") long id) {
        Account a = authenticator.require(headers);
        return need(monitoring).progress(a, id);
    }

    @POST
    @Path("{id}/reminders")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object remind(@PathParam("id") long id) {
        Account a = authenticator.require(headers);
        return need(monitoring).remind(a, id);
    }

    @POST
    @Path("{id}/invitations")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object invite(@PathParam("id") long id) {
        Account a = authenticator.require(headers);
        return need(invitations).invite(a, id);
    }

    private byte[] body() throws IOException {
        String type = request.getContentType();
        InputStream in;
        if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
            Part part = Multipart.part(request, "file", MAX_IMPORT_BYTES);
            if (part == null) {
                throw new BadRequest("noFile", "error.noFile");
            }
            in = part.getInputStream();
        } else {
            in = request.getInputStream();
        }
        try (InputStream body = in) {
            byte[] bytes = body.readNBytes((int) MAX_IMPORT_BYTES + 1);
            if (bytes.length > MAX_IMPORT_BYTES) {
                throw new BadRequest(413, "tooLarge", "error.tooLarge", MAX_IMPORT_BYTES);
            }
            return bytes;
        }
    }

    static Map<String, Object> json(Cycle c) {
        return InstrumentJson.map("id", c.id(), "name", c.name(), "createdAt", c.createdAt(),
                "batteries", c.batteries().stream().map(CyclesResource::batteryJson).toList());
    }

    static Map<String, Object> batteryJson(Battery b) {
        return InstrumentJson.map("program", b.programCode(), "status", b.active() ? "ACTIVE" : "INACTIVE",
                "periodStart", b.periodStart(), "periodEnd", b.periodEnd(), "extendedUntil", b.extendedUntil(),
                "closesAfter", b.closesAfter());
    }

    private static LocalDate date(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : LocalDate.parse(String.valueOf(o));
    }

    private static <T> T need(Supplier<T> s) {
        T t = s.get();
        if (t == null) {
            throw new ServiceUnavailableException(5L);
        }
        return t;
    }
}
