package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.evkin.model.BlueprintEntry;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Subcompetency;
import org.evkin.model.Target;

/** GET /api/competency-model: subunsur, subkompetensi, levels, every blueprint text and the Part-1 task catalog. */
@Path("competency-model")
public class CompetencyModelResource {

    private final Supplier<CompetencyModel> model;
    private volatile CompetencyModel renderedFor;
    private volatile Map<String, Object> rendered;

    CompetencyModelResource(Supplier<CompetencyModel> model) {
        this.model = model;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response get() {
        CompetencyModel m = model.get();
        if (m == null) {
            throw new ServiceUnavailableException(5L);
        }
        if (renderedFor != m) {
            rendered = render(m);
            renderedFor = m;
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(rendered).cacheControl(cache).build();
    }

    static Map<String, Object> render(CompetencyModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", m.source());
        out.put("competencies", m.competencies().stream().map(c -> map(
                "no", c.no(), "name", c.name(),
                "subcompetencies", m.subcompetencies().stream().filter(s -> s.competency() == c.no()).map(Subcompetency::no).toList()))
                .toList());
        out.put("subcompetencies", m.subcompetencies().stream().map(s -> map(
                "no", s.no(), "name", s.name(), "competency", s.competency(),
                "targets", List.of(Target.values()).stream().filter(t -> m.blueprint(t, s.no()).isPresent()).map(Target::name).toList()))
                .toList());
        out.put("levels", Target.pkLevels().stream().map(t -> map("code", t.name(), "name", t.label(), "rank", t.rank())).toList());
        out.put("blueprints", List.of(Target.values()).stream().map(t -> map(
                "target", t.name(), "name", t.label(),
                "entries", m.blueprint(t).stream().map(CompetencyModelResource::entry).toList())).toList());
        out.put("tasks", m.tasks().stream().map(task -> map(
                "code", task.code(), "level", task.level().name(), "subcompetency", task.subcompetency(),
                "ordinal", task.ordinal(), "text", task.text())).toList());
        return out;
    }

    private static Map<String, Object> entry(BlueprintEntry e) {
        return map("subcompetency", e.subcompetency(), "characteristic", e.characteristic(),
                "operationalDefinition", e.operationalDefinition(), "indicators", e.indicators());
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
