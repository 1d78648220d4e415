package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evkin.exchange.Provinces;
import org.evkin.model.Target;
import org.evkin.report.NationalFilter;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportDocuments;
import org.evkin.report.ReportService;
import org.evkin.report.ReportSheets;
import org.evkin.report.ReportTable;
import org.evkin.workflow.Account;
import org.evkin.workflow.Role;
import org.glassfish.jersey.server.CloseableService;

/**
 * The national report (JSON, PDF, XLSX, CSV) and the bulk download of individual reports, for admins within their region.
 * Each is built from the whole cycle: a request takes one of the {@link ReportGate}'s slots once it is valid, and holds it
 * until its answer is written (or the client has gone), so its rendering counts too.
 */
@Path("reports")
public class ReportsResource {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Supplier<ReportService> reports;
    private final Supplier<ReportDocuments> documents;
    private final Supplier<ReportSheets> sheets;
    private final Authenticator authenticator;
    /** The gate of the current settings (a new one when the administrator changes them). */
    private final Supplier<ReportGate> gate;

    @Context
    private HttpHeaders headers;

    /** Closed by Jersey when the request is done: after the body is written, or when writing it failed. */
    @Context
    private CloseableService closeables;

    ReportsResource(Supplier<ReportService> reports, Supplier<ReportDocuments> documents, Supplier<ReportSheets> sheets,
            Authenticator authenticator, Supplier<ReportGate> gate) {
        this.reports = reports;
        this.documents = documents;
        this.sheets = sheets;
        this.authenticator = authenticator;
        this.gate = gate;
    }

    @GET
    @Path("national")
    @Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", PDF, XLSX, "text/csv;charset=UTF-8"})
    public Response national(@QueryParam("cycle") String cycle, @QueryParam("program") String program,
            @QueryParam("level") String level, @QueryParam("province") String province) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(PDF)) {
            return nationalPdf(cycle, program, level, province);
        }
        if (accept != null && accept.contains(XLSX)) {
            return nationalXlsx(cycle, program, level, province);
        }
        if (accept != null && accept.contains("text/csv")) {
            return nationalCsv(cycle, program, level, province, null);
        }
        return Response.ok(report(cycle, program, level, province), MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    @GET
    @Path("national.pdf")
    @Produces(PDF)
    public Response nationalPdf(@QueryParam("cycle") String cycle, @QueryParam("program") String program,
            @QueryParam("level") String level, @QueryParam("province") String province) {
        NationalReport r = report(cycle, program, level, province);
        ReportDocuments d = need(documents);
        return file(out -> d.nationalPdf(r, out), PDF, "laporan-nasional-" + r.filter().cycleId() + ".pdf");
    }

    @GET
    @Path("national.xlsx")
    @Produces(XLSX)
    public Response nationalXlsx(@QueryParam("cycle") String cycle, @QueryParam("program") String program,
            @QueryParam("level") String level, @QueryParam("province") String province) {
        NationalReport r = report(cycle, program, level, province);
        ReportSheets s = need(sheets);
        return file(out -> s.xlsx(r, out), XLSX, "laporan-nasional-" + r.filter().cycleId() + ".xlsx");
    }

    @GET
    @Path("national.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response nationalCsv(@QueryParam("cycle") String cycle, @QueryParam("program") String program,
            @QueryParam("level") String level, @QueryParam("province") String province, @QueryParam("table") String table) {
        NationalReport r = report(cycle, program, level, province);
        ReportSheets s = need(sheets);
        if (table != null && !table.isBlank()) {
            ReportTable t = r.tables().stream().filter(x -> x.id().equalsIgnoreCase(table.strip())).findFirst()
                    .orElseThrow(() -> new BadRequest("badTable", "error.badTable"));
            return file(out -> s.csvTable(t, out), "text/csv;charset=UTF-8",
                    "tabel-" + t.id().replace('.', '-') + "-" + r.filter().cycleId() + ".csv");
        }
        return file(out -> s.csv(r, out), "text/csv;charset=UTF-8", "laporan-nasional-" + r.filter().cycleId() + ".csv");
    }

    @GET
    @Path("individual.zip")
    @Produces("application/zip")
    public Response individualZip(@QueryParam("cycle") String cycle, @QueryParam("program") String program,
            @QueryParam("province") String province) {
        Account a = authenticator.require(headers);
        long cycleId = cycleId(cycle);
        String[] region = region(a, province);
        ReportService service = need(reports);
        ReportDocuments d = need(documents);
        String code = program == null || program.isBlank() ? null : program.strip();
        takeSlot();
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16))) {
                // the cycle is looked up first, before the ZIP has written a byte: an unknown one is still a 404
                service.individuals(cycleId, code, region[0], region[1], r -> {
                    try {
                        zip.putNextEntry(new ZipEntry(r.participant().id() + ".pdf"));
                        d.individualPdf(r, zip);
                        zip.closeEntry();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (NoSuchElementException e) {
                throw new BadRequest(404, "notFound", "error.unknownCycle");
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"laporan-individu-" + cycleId + ".zip\"").build();
    }

    private NationalReport report(String cycle, String program, String level, String province) {
        Account a = authenticator.require(headers);
        long cycleId = cycleId(cycle);
        String[] region = region(a, null);
        String normalizedLevel = null;
        if (level != null && !level.isBlank()) {
            if ("PAK".equalsIgnoreCase(level.strip())) {
                normalizedLevel = "PAK";
            } else {
                normalizedLevel = Target.parseLevel(level).map(Enum::name).orElseThrow(() -> new BadRequest("badLevel", "error.badLevel"));
            }
        }
        String normalizedProvince = null;
        if (province != null && !province.isBlank()) {
            normalizedProvince = Provinces.normalize(province).orElseThrow(() -> new BadRequest("badProvince", "error.badProvince"));
            if (region[0] != null && !region[0].equals(normalizedProvince)) {
                throw new BadRequest(403, "forbidden", "error.outsideRegion");
            }
        }
        String code = program == null || program.isBlank() ? null : program.strip();
        ReportService service = need(reports);
        takeSlot();
        try {
            return service.national(new NationalFilter(cycleId, code, normalizedLevel, normalizedProvince, region[0], region[1]));
        } catch (NoSuchElementException e) {
            throw new BadRequest(404, "notFound", "error.unknownCycle");
        }
    }

    /** Waits for a slot of the gate (or answers 503 with Retry-After), held until Jersey is done with this request. */
    private void takeSlot() {
        Closeable lease = gate.get().enter();
        try {
            closeables.add(lease);
        } catch (RuntimeException e) {
            try {
                lease.close();
            } catch (IOException never) {
                // the lease's close throws nothing
            }
            throw e;
        }
    }

    /** The admin's region (province, district), or the asked province for a national admin; a regional admin may not leave it. */
    static String[] region(Account a, String askedProvince) {
        if (a.role() == Role.NATIONAL_ADMIN) {
            if (askedProvince == null || askedProvince.isBlank()) {
                return new String[2];
            }
            return new String[] {Provinces.normalize(askedProvince).orElseThrow(() -> new BadRequest("badProvince", "error.badProvince")), null};
        }
        if (askedProvince != null && !askedProvince.isBlank()
                && !Optional.ofNullable(a.province()).equals(Provinces.normalize(askedProvince))) {
            throw new BadRequest(403, "forbidden", "error.outsideRegion");
        }
        return new String[] {a.province(), a.district()};
    }

    static long cycleId(String cycle) {
        if (cycle == null || cycle.isBlank()) {
            throw new BadRequest("badCycle", "error.badCycle");
        }
        long id = id(cycle);
        if (id < 0) {
            throw new BadRequest("badCycle", "error.badCycle");
        }
        return id;
    }

    /**
     * An id from a path or query string: 1 to 18 ASCII digits (spaces around allowed), else -1. Not Long.parseLong,
     * which also takes a sign and the digits of every script ("١٢٣" is 123 to it).
     */
    static long id(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static <T> T need(Supplier<T> s) {
        T t = s.get();
        if (t == null) {
            throw new jakarta.ws.rs.ServiceUnavailableException(5L);
        }
        return t;
    }

    /** Writes a document as the answer's body: it is rendered while it is sent. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static Response file(Writer writer, String type, String name) {
        StreamingOutput body = out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            writer.write(buffered);
            buffered.flush();
        };
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
