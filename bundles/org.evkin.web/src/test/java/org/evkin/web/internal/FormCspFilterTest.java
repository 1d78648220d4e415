package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** The link pages may run /static/form.js and reach the JSON API; the rest of the policy stays as the servlet sets it. */
class FormCspFilterTest {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Test
    void addsScriptAndConnectSelfOnce() {
        String p = FormCspFilter.withScript(POLICY);
        assertEquals(POLICY + "; script-src 'self'; connect-src 'self'", p);
        assertEquals(p, FormCspFilter.withScript(p), "idempotent: a directive already there is left alone");
        assertEquals("default-src 'none'; script-src 'none'; connect-src 'self'", FormCspFilter.withScript("default-src 'none'; script-src 'none';"));
    }

    @Test
    void theServletsHeaderIsRewrittenOnTheWayOut() throws Exception {
        Fakes.Response resp = new Fakes.Response();
        LinkPagesTest.Req req = new LinkPagesTest.Req("GET", "/t/" + "x".repeat(43));
        new FormCspFilter().doFilter(req.proxy(), resp.proxy(), (rq, rs) -> {
            ((HttpServletResponse) rs).setHeader("Content-Security-Policy", POLICY);
            ((HttpServletResponse) rs).setHeader("X-Frame-Options", "DENY");
        });
        assertTrue(resp.header("Content-Security-Policy").endsWith("script-src 'self'; connect-src 'self'"));
        assertEquals("DENY", resp.header("X-Frame-Options"));
    }

    @Test
    void theScriptIsServedWithAVersionAndAnEtag() throws Exception {
        assertTrue(FormScriptServlet.href().matches("/static/form\\.js\\?v=[0-9a-f]{16}"));
        assertTrue(FormScriptServlet.BYTES.length > 1000);
    }
}
