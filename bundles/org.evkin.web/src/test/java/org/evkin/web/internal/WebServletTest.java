package org.evkin.web.internal;

import static org.evkin.web.internal.Fakes.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.evkin.workflow.Cycle;
import org.evkin.workflow.CycleService;
import org.junit.jupiter.api.Test;

/** The servlet's routing, session and CSRF rules, and error pages, against fake requests. */
class WebServletTest {

    private final Fakes.Auth auth = new Fakes.Auth();

    private WebServlet servlet(boolean withAuth, CycleService cycles) throws Exception {
        WebServlet s = new WebServlet(config(false));
        set(s, "auth", withAuth ? auth : null);
        set(s, "cycles", cycles);
        return s;
    }

    private static void set(WebServlet s, String field, Object value) throws Exception {
        var f = WebServlet.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(s, value);
    }

    static WebConfig config(boolean secure) {
        return new WebConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public boolean cookie_secure() {
                return secure;
            }

            @Override
            public String[] allowed_origins() {
                return new String[0];
            }
        };
    }

    @Test
    void servesTheLandingPageAndIndonesianNotFound() throws Exception {
        WebServlet s = servlet(true, null);
        Fakes.Response r = call(s, new Fakes.Request("GET", "/"));
        assertEquals(200, r.status);
        assertTrue(r.text().contains("<html lang=\"id\">"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        r = call(s, new Fakes.Request("GET", "/tidak-ada"));
        assertEquals(404, r.status);
        assertTrue(r.text().contains("Halaman tidak ditemukan"));
        r = call(s, new Fakes.Request("DELETE", "/masuk"));
        assertEquals(405, r.status);
        assertEquals("GET, HEAD, POST", r.header("Allow"));
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        Fakes.Response r = call(servlet(true, null), new Fakes.Request("HEAD", "/"));
        assertEquals(200, r.status);
        assertEquals(0, r.body.size());
        assertTrue(Integer.parseInt(r.header("Content-Length")) > 1000);
    }

    @Test
    void adminNeedsASessionAndSignInOpensOne() throws Exception {
        WebServlet s = servlet(true, new Cycles(List.of()));
        Fakes.Response r = call(s, new Fakes.Request("GET", "/admin"));
        assertEquals(303, r.status);
        assertEquals("/masuk?lanjut=/admin", r.header("Location"));

        Fakes.Request login = new Fakes.Request("POST", "/masuk");
        login.headers.put("origin", "http://127.0.0.1:18181");
        login.params.put("email", "admin@kemnaker.go.id");
        login.params.put("password", "Rahasia-Admin-2025!");
        login.params.put("lanjut", "//evil.example");
        r = call(s, login);
        assertEquals(303, r.status);
        assertEquals("/admin", r.header("Location"), "never redirects to another site");
        String cookie = r.header("Set-Cookie");
        assertTrue(cookie.matches("EVKIN_SESSION=[^;]+; Path=/; HttpOnly; SameSite=Lax"), cookie);

        Fakes.Request admin = new Fakes.Request("GET", "/admin");
        admin.session = cookie.substring("EVKIN_SESSION=".length(), cookie.indexOf(';'));
        r = call(s, admin);
        assertEquals(200, r.status);
        assertTrue(r.text().contains("Belum ada siklus evaluasi."));
        assertTrue(r.text().contains("name=\"_csrf\" value=\"csrf-" + admin.session + "\""));
    }

    @Test
    void aSecureCookieWhenConfigured() throws Exception {
        WebServlet s = new WebServlet(config(true));
        set(s, "auth", auth);
        Fakes.Request login = new Fakes.Request("POST", "/masuk");
        login.params.put("email", "admin@kemnaker.go.id");
        login.params.put("password", "Rahasia-Admin-2025!");
        assertTrue(call(s, login).header("Set-Cookie").endsWith("; Secure"));
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithTheEmail() throws Exception {
        Fakes.Request login = new Fakes.Request("POST", "/masuk");
        login.params.put("email", "admin@kemnaker.go.id");
        login.params.put("password", "salah");
        Fakes.Response r = call(servlet(true, null), login);
        assertEquals(401, r.status);
        assertNull(r.header("Set-Cookie"));
        assertTrue(r.text().contains("E-mail atau kata sandi salah."));
        assertTrue(r.text().contains("value=\"admin@kemnaker.go.id\""));
    }

    @Test
    void aPostWithoutTheRightCsrfTokenIsRefusedAndTheSessionStays() throws Exception {
        WebServlet s = servlet(true, null);
        String token = auth.login("admin@kemnaker.go.id", "Rahasia-Admin-2025!", "x", null).token();
        Fakes.Request logout = new Fakes.Request("POST", "/keluar");
        logout.session = token;
        logout.params.put("_csrf", "palsu");
        Fakes.Response r = call(s, logout);
        assertEquals(403, r.status);
        assertTrue(r.text().contains("Permintaan ditolak"));
        assertTrue(auth.sessions.containsKey(token));

        logout.params.put("_csrf", "csrf-" + token);
        logout.headers.put("origin", "http://evil.example");
        assertEquals(403, call(s, logout).status);
        assertTrue(auth.sessions.containsKey(token));

        logout.headers.remove("origin");
        r = call(s, logout);
        assertEquals(303, r.status);
        assertEquals("/masuk?keluar=1", r.header("Location"));
        assertTrue(r.header("Set-Cookie").contains("Max-Age=0"));
        assertFalse(auth.sessions.containsKey(token));
    }

    @Test
    void theCodeFormLeadsToTheFormsBehindTheCode() throws Exception {
        Fakes.Request code = new Fakes.Request("POST", "/kode");
        code.params.put("kode", "k7m2-qx9d");
        Fakes.Response r = call(servlet(true, null), code);
        assertEquals(303, r.status);
        assertEquals("/k/K7M2QX9D", r.header("Location"));
        Fakes.Request bad = new Fakes.Request("POST", "/kode");
        bad.params.put("kode", "abc");
        Fakes.Response refused = call(servlet(true, null), bad);
        assertEquals(400, refused.status);
        assertTrue(refused.text().contains("delapan huruf dan angka"), refused.text());
    }

    @Test
    void withoutTheSignInServiceThePagesSayTryAgainLater() throws Exception {
        Fakes.Response r = call(servlet(false, null), new Fakes.Request("GET", "/masuk"));
        assertEquals(503, r.status);
        assertEquals("5", r.header("Retry-After"));
        assertTrue(r.text().contains("Layanan sementara tidak tersedia"));
    }

    @Test
    void aFailureShowsAnIndonesianPageWithAReferenceAndNoStackTrace() throws Exception {
        WebServlet s = servlet(true, new Cycles(null));
        String token = auth.login("admin@kemnaker.go.id", "Rahasia-Admin-2025!", "x", null).token();
        Fakes.Request admin = new Fakes.Request("GET", "/admin");
        admin.session = token;
        Fakes.Response r = call(s, admin);
        assertEquals(500, r.status);
        String html = r.text();
        assertTrue(html.contains("Terjadi kesalahan"), html);
        assertTrue(html.matches("(?s).*sebutkan kode [2-9A-Z]{8}\\..*"), html);
        assertFalse(html.contains("Exception") || html.contains("at org."), html);
    }

    @Test
    void aTemplateFailureShowsTheErrorPageInsteadOfAHalfPage() throws Exception {
        // a cycle without a name makes ${c.name} fail in the middle of admin.ftlh
        WebServlet s = servlet(true, new Cycles(List.of(new Cycle(1, null, java.time.Instant.now(), List.of()))));
        String token = auth.login("admin@kemnaker.go.id", "Rahasia-Admin-2025!", "x", null).token();
        Fakes.Request admin = new Fakes.Request("GET", "/admin");
        admin.session = token;
        Fakes.Response r = call(s, admin);
        assertEquals(500, r.status);
        String html = r.text();
        assertTrue(html.contains("<h1>Terjadi kesalahan</h1>"), html);
        assertFalse(html.contains("Dasbor admin</h1>"), "nothing of the failed page is sent");
        assertFalse(html.contains("FreeMarker") || html.contains("evaluated to null"), html);
        assertEquals(1, html.split("<!DOCTYPE html>", -1).length - 1, "one document");
    }

    /** Stands for Jetty's org.eclipse.jetty.http.BadMessageException (the web bundle does not depend on Jetty). */
    static final class BadMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadMessageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Test
    void aQueryOrFormJettyCannotParseGetsTheIndonesian400Page() throws Exception {
        WebServlet s = servlet(true, new Cycles(List.of()));
        List<RuntimeException> failures = List.of(
                new BadMessageException("Unable to parse form content", new IllegalStateException("invalid percent encoding")),
                new BadMessageException("Unable to parse form content", new IllegalArgumentException("Not valid UTF8! byte Fe in state 0")),
                new IllegalArgumentException("Unsupported charset: UTF-16"),
                new IllegalStateException("Early EOF"),
                new BadMessageException("Unable to parse URI query", new IllegalArgumentException("Bad query")));
        for (RuntimeException failure : failures) {
            Fakes.Request code = new Fakes.Request("POST", "/kode");
            code.headers.put("origin", "http://127.0.0.1:18181");
            code.params.put("kode", "K7M2QX9D");
            code.paramFailure = failure;
            Fakes.Response r = call(s, code);
            assertEquals(400, r.status, failure.toString());
            String html = r.text();
            assertTrue(html.contains("<html lang=\"id\">") && html.contains("<h1>Permintaan tidak dapat dibaca</h1>")
                    && html.contains("tidak ada yang diubah"), html);
            assertTrue(html.contains("Kode status HTTP 400"), html);
            assertFalse(html.contains("Exception") || html.contains("at org.") || html.contains(failure.getMessage()), html);
            assertNull(r.header("Location"), "not redirected to the code's forms");
        }
        Fakes.Request signIn = new Fakes.Request("GET", "/masuk");
        signIn.uri = "/masuk";
        signIn.paramFailure = new BadMessageException("Unable to parse URI query", new IllegalArgumentException("Bad query"));
        assertEquals(400, call(s, signIn).status, "GET /masuk?lanjut=%zz");

        // a signed-in admin's post: the session stays, nothing changes
        String token = auth.login("admin@kemnaker.go.id", "Rahasia-Admin-2025!", "x", null).token();
        Fakes.Request logout = new Fakes.Request("POST", "/keluar");
        logout.session = token;
        logout.params.put("_csrf", "csrf-" + token);
        logout.paramFailure = new BadMessageException("Unable to parse form content", new IllegalStateException("invalid percent encoding"));
        Fakes.Response r = call(s, logout);
        assertEquals(400, r.status);
        assertNull(r.header("Set-Cookie"));
        assertTrue(auth.sessions.containsKey(token), "still signed in");
        Fakes.Request create = new Fakes.Request("POST", "/admin/siklus/baru");
        create.session = token;
        create.paramFailure = logout.paramFailure;
        assertEquals(400, call(s, create).status);
    }

    @Test
    void aFormOverJettysLimitsGetsTheIndonesian413Page() throws Exception {
        WebServlet s = servlet(true, null);
        for (String reason : List.of("form too large > 200000", "form with too many fields > 1000")) {
            Fakes.Request code = new Fakes.Request("POST", "/kode");
            code.headers.put("origin", "http://127.0.0.1:18181");
            code.paramFailure = new BadMessageException("Unable to parse form content", new IllegalStateException(reason));
            Fakes.Response r = call(s, code);
            assertEquals(413, r.status, reason);
            String html = r.text();
            assertTrue(html.contains("<html lang=\"id\">") && html.contains("<h1>Data yang dikirim terlalu besar</h1>")
                    && html.contains("Kode status HTTP 413"), html);
            assertFalse(html.contains("Exception") || html.contains(reason), html);
        }
        Fakes.Request head = new Fakes.Request("HEAD", "/");
        head.paramFailure = new BadMessageException("Unable to parse URI query", new IllegalArgumentException("Bad query"));
        Fakes.Response r = call(s, head);
        assertEquals(400, r.status);
        assertEquals(0, r.body.size());
    }

    @Test
    void theUnreadableReasonIsOneShortLogLine() {
        Visit.Unreadable u = Visit.unreadable(new BadMessageException("Unable to parse form content",
                new IllegalStateException("invalid\r\nFAKE LOG LINE " + "x".repeat(1000))));
        assertEquals(400, u.status());
        assertFalse(u.reason().contains("\n") || u.reason().contains("\r"), u.reason());
        assertTrue(u.reason().startsWith("BadMessageException: Unable to parse form content (IllegalStateException: invalid"), u.reason());
        assertTrue(u.reason().length() <= 301, "at most 300 characters and an ellipsis");
        assertEquals(413, Visit.unreadable(new IllegalStateException("form too large > 200000")).status());
        assertEquals(400, Visit.unreadable(new IllegalArgumentException((String) null)).status());
    }

    /** Cycles that are listed, or (with null) a list that blows up. */
    private record Cycles(List<Cycle> cycles) implements CycleService {
        @Override
        public List<Cycle> list() {
            if (cycles == null) {
                throw new IllegalStateException("boom");
            }
            return cycles;
        }

        @Override
        public Cycle create(org.evkin.workflow.Account actor, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cycle get(long cycleId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.evkin.workflow.Battery setBattery(org.evkin.workflow.Account actor, long cycleId, String programCode,
                boolean active, java.time.LocalDate periodStart, java.time.LocalDate periodEnd, java.time.LocalDate extendedUntil) {
            throw new UnsupportedOperationException();
        }
    }
}
