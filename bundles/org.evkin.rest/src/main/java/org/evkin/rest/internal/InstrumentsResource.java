package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;

/** GET /api/instruments…: the deployed programs, one program (any stored version), a Part-2 form definition. */
@Path("")
public class InstrumentsResource {

    private final Supplier<InstrumentRegistry> registry;
    private final Supplier<CompetencyModel> model;

    InstrumentsResource(Supplier<InstrumentRegistry> registry, Supplier<CompetencyModel> model) {
        this.registry = registry;
        this.model = model;
    }

    @GET
    @Path("instruments")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object list() {
        return Map.of("instruments", registry().list().stream().map(InstrumentJson::summary).toList());
    }

    @GET
    @Path("instruments/{code}")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object get(@PathParam("code") String code, @QueryParam("version") String version) {
        InstrumentRegistry r = registry();
        InstrumentSummary summary = r.summary(code).orElseThrow(NotFoundException::new);
        InstrumentDefinition d = version != null ? r.version(code, version).orElseThrow(NotFoundException::new)
                : r.current(code).or(() -> r.version(code, summary.versions().get(summary.versions().size() - 1)))
                        .orElseThrow(NotFoundException::new);
        return InstrumentJson.definition(d, summary, model.get());
    }

    /** The form a rater fills for a participant at a level: ?level=AHLI_MUDA (or PAK) &rater=DIRI|ATASAN|REKAN|PENGGUNA. */
    @GET
    @Path("instruments/{code}/form")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object form(@PathParam("code") String code, @QueryParam("level") String level, @QueryParam("rater") String rater,
            @QueryParam("version") String version) {
        InstrumentRegistry r = registry();
        InstrumentDefinition d = (version == null ? r.current(code) : r.version(code, version)).orElseThrow(NotFoundException::new);
        Target target;
        try {
            target = Target.valueOf(level == null ? "" : level);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("badLevel", "error.badLevel");
        }
        if (!d.covers(target)) {
            throw new BadRequest("levelNotCovered", "error.levelNotCovered");
        }
        if (rater != null && !rater.matches("DIRI|ATASAN|REKAN|PENGGUNA")) {
            throw new BadRequest("badRater", "error.badRater");
        }
        return InstrumentJson.form(d, target, "DIRI".equals(rater), model.get());
    }

    @GET
    @Path("schemas/instrument-1.schema.json")
    @Produces("application/schema+json")
    public byte[] schema() throws IOException {
        try (InputStream in = InstrumentRegistry.class.getResourceAsStream("instrument-1.schema.json")) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        }
    }

    private InstrumentRegistry registry() {
        InstrumentRegistry r = registry.get();
        if (r == null) {
            throw new ServiceUnavailableException(5L);
        }
        return r;
    }
}
