package org.evkin.rest.internal;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.Supplier;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.Role;
import org.evkin.workflow.SessionKind;

/** Finds the admin behind a request's "Authorization: Bearer" API token, or refuses with 401/403. */
final class Authenticator {

    private final Supplier<AuthService> auth;

    Authenticator(Supplier<AuthService> auth) {
        this.auth = auth;
    }

    Account require(HttpHeaders headers) {
        AuthService a = auth.get();
        if (a == null) {
            throw new jakarta.ws.rs.ServiceUnavailableException(5L);
        }
        String h = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
        return a.authenticate(token, SessionKind.API).orElseThrow(() -> new BadRequest(401, "unauthorized", "error.unauthorized"));
    }

    Account requireNational(HttpHeaders headers) {
        Account account = require(headers);
        if (account.role() != Role.NATIONAL_ADMIN) {
            throw new BadRequest(403, "forbidden", "error.forbidden");
        }
        return account;
    }
}
