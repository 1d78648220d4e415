package org.evkin.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.evkin.exchange.Provinces;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Role;

/** POST /api/accounts: a national admin creates another admin (national, or regional for a province and district). */
@Path("accounts")
public class AccountsResource {

    private final Supplier<AuthService> auth;
    private final Authenticator authenticator;

    @Context
    private HttpHeaders headers;

    AccountsResource(Supplier<AuthService> auth, Authenticator authenticator) {
        this.auth = auth;
        this.authenticator = authenticator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response create(Map<String, String> body) {
        Account actor = authenticator.require(headers);
        if (body == null) {
            throw new BadRequest("badRequest", "error.badRequest");
        }
        Role role = role(body.get("role"));
        String province = body.get("province") == null ? null
                : Provinces.normalize(body.get("province")).orElseThrow(() -> new BadRequest("badProvince", "error.badProvince"));
        AuthService a = auth.get();
        if (a == null) {
            throw new ServiceUnavailableException(5L);
        }
        Account created = a.createAccount(actor, body.get("email"), body.get("name"), body.get("password"), role, province,
                body.get("district"));
        return Response.status(201).entity(AccountJson.of(created)).build();
    }

    /** The role named in the body; missing, null or unknown is a 400 badRole (never Role.valueOf(null)). */
    static Role role(Object value) {
        if (value instanceof String name) {
            for (Role r : Role.values()) {
                if (r.name().equals(name)) {
                    return r;
                }
            }
        }
        throw new BadRequest("badRole", "error.badRole");
    }
}
