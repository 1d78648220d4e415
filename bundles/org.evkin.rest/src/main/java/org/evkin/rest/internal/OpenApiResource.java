package org.evkin.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** GET /api/openapi.json: the OpenAPI description of this API (kept beside the resources, checked by a test). */
@Path("openapi.json")
public class OpenApiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public byte[] get() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            return in.readAllBytes();
        }
    }
}
