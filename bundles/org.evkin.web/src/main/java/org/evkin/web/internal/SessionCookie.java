package org.evkin.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** The admin's browser session: cookie EVKIN_SESSION (HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS or by setting). */
final class SessionCookie {

    static final String NAME = "EVKIN_SESSION";

    private SessionCookie() {
    }

    /** The session token the browser sent, or null when there is none that could be a token. */
    static String read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{16,128}")) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The Set-Cookie value that opens a session: a browser-session cookie; the server decides when it expires. */
    static String open(String token, boolean secure) {
        return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser forget the session. */
    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
