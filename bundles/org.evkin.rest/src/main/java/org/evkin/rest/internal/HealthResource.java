package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /api/health: 200 with the state of framework, HTTP and database when all is up, else 503 (with Retry-After)
 * saying what is down.
 */
@Path("health")
public class HealthResource {

    private final Supplier<Map<String, Object>> report;

    HealthResource(Supplier<Map<String, Object>> report) {
        this.report = report;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response get() {
        Map<String, Object> r = report.get();
        CacheControl noCache = new CacheControl();
        noCache.setNoStore(true);
        boolean up = "UP".equals(r.get("status"));
        Response.ResponseBuilder b = Response.status(up ? 200 : 503).entity(r).cacheControl(noCache);
        // like every other 503 of EvKin: a load balancer or monitor asking again knows when
        return (up ? b : b.header("Retry-After", "5")).build();
    }
}
