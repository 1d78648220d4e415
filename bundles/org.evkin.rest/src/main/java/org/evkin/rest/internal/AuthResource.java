package org.evkin.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Login;
import org.evkin.workflow.SessionKind;

/** POST /api/auth/token: e-mail and password for an API token; DELETE revokes the token in use. */
@Path("auth/token")
public class AuthResource {

    private final Supplier<AuthService> auth;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    AuthResource(Supplier<AuthService> auth) {
        this.auth = auth;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Object token(Map<String, String> body) {
        if (body == null) {
            throw new BadRequest("badRequest", "error.badRequest");
        }
        Login l = service().login(body.get("email"), body.get("password"), request.getRemoteAddr(), SessionKind.API);
        return InstrumentJson.map("token", l.token(), "expiresAt", l.expiresAt(), "account", AccountJson.of(l.account()));
    }

    @DELETE
    public Response revoke() {
        String h = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            service().logout(h.substring(7).strip());
        }
        return Response.noContent().build();
    }

    private AuthService service() {
        AuthService a = auth.get();
        if (a == null) {
            throw new jakarta.ws.rs.ServiceUnavailableException(5L);
        }
        return a;
    }
}
