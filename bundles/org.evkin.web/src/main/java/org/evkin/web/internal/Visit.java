package org.evkin.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.SessionKind;

/**
 * One request to a page: the servlet request and response, the path, and the admin signed in through the session
 * cookie (looked up once, when first asked for).
 */
final class Visit {

    final HttpServletRequest req;
    final HttpServletResponse resp;
    final String path;
    final AuthService auth;
    final boolean secureCookie;
    private final String token;
    private Optional<Account> account;

    Visit(HttpServletRequest req, HttpServletResponse resp, String path, AuthService auth, boolean secureCookie) {
        this.req = req;
        this.resp = resp;
        this.path = path;
        this.auth = auth;
        this.secureCookie = secureCookie || req.isSecure();
        this.token = SessionCookie.read(req);
    }

    /** The session token of the cookie, or null. */
    String token() {
        return token;
    }

    /** The signed-in admin; empty without a valid session (or while sign-in is unavailable). */
    Optional<Account> account() {
        if (account == null) {
            account = token == null || auth == null ? Optional.empty() : auth.authenticate(token, SessionKind.WEB);
        }
        return account;
    }

    /** The CSRF token forms of this session carry; null without a session. */
    String csrf() {
        return account().isPresent() ? auth.csrfToken(token) : null;
    }

    /** A request parameter, never null. */
    String param(String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v;
    }

    void setCookie(String setCookieValue) {
        resp.addHeader("Set-Cookie", setCookieValue);
    }
}
