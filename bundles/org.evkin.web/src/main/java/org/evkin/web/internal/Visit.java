package org.evkin.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.evkin.workflow.Account;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.SessionKind;

/**
 * One request to a page: the servlet request and response, the path, the request's parameters (read once, here, and
 * only here: pages never call req.getParameter*) and the admin signed in through the session cookie (looked up once,
 * when first asked for).
 *
 * <p>Jetty parses the query string and the form body on the first getParameter* call and throws (BadMessageException,
 * IllegalArgumentException, IllegalStateException, RuntimeIOException…) when it cannot: bad percent-encoding, invalid
 * UTF-8, an unsupported charset, a truncated body, more than 200 KB or 1 000 fields. The failure is kept as
 * {@link #unreadable()} and the servlet answers 400 (or 413) before any page runs, so such a request changes nothing.
 */
final class Visit {

    final HttpServletRequest req;
    final HttpServletResponse resp;
    final String path;
    final AuthService auth;
    final boolean secureCookie;
    private final String token;
    private final Map<String, String[]> params;
    private final Unreadable unreadable;
    private Optional<Account> account;

    /** Why the parameters could not be read: the status to answer (400, or 413 for a form over Jetty's limits) and Jetty's reason. */
    record Unreadable(int status, String reason) {
    }

    Visit(HttpServletRequest req, HttpServletResponse resp, String path, AuthService auth, boolean secureCookie) {
        this.req = req;
        this.resp = resp;
        this.path = path;
        this.auth = auth;
        this.secureCookie = secureCookie || req.isSecure();
        this.token = SessionCookie.read(req);
        Map<String, String[]> read;
        Unreadable failed = null;
        try {
            Map<String, String[]> all = req.getParameterMap();
            read = all == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(all));
        } catch (RuntimeException e) {
            read = Map.of();
            failed = unreadable(e);
        }
        this.params = read;
        this.unreadable = failed;
    }

    /** 413 when Jetty refused the form for its size or number of fields, else 400; with the innermost reason. */
    static Unreadable unreadable(Throwable e) {
        boolean tooLarge = false;
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            tooLarge |= m.contains("too large") || m.contains("too many") || m.contains("too much");
            last = t;
        }
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (last == e ? "" : " (" + last.getClass().getSimpleName() + ": " + last.getMessage() + ")");
        // one log line: no line breaks or other control characters from the request
        reason = reason.replaceAll("\\p{Cntrl}", "?");
        return new Unreadable(tooLarge ? 413 : 400, reason.length() > 300 ? reason.substring(0, 300) + "…" : reason);
    }

    /** Why the request's parameters could not be read, or null when they could. */
    Unreadable unreadable() {
        return unreadable;
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

    /** A request parameter (its first value), never null. */
    String param(String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 || v[0] == null ? "" : v[0];
    }

    /** All values of a request parameter (checkboxes), never null. */
    String[] values(String name) {
        String[] v = params.get(name);
        return v == null ? new String[0] : v.clone();
    }

    /** Every request parameter, read-only. */
    Map<String, String[]> params() {
        return params;
    }

    void setCookie(String setCookieValue) {
        resp.addHeader("Set-Cookie", setCookieValue);
    }
}
