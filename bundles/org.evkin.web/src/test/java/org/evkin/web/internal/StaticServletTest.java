package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The style sheet and form.js never parse the query string: Jetty would throw on a bad escape and answer its own 500. */
class StaticServletTest {

    private static final String CSS_VERSION = new StaticAssets(StaticServletTest.class.getClassLoader()).get("evkin.css").version();

    /** A GET of /static{pathInfo}?{query} whose getParameter* throw as Jetty's do on "%zz" or "a=%". */
    private static HttpServletRequest request(String pathInfo, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(StaticServletTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/static" + pathInfo;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/static";
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getHeader" -> null;
                    case "getParameter", "getParameterMap", "getParameterValues", "getParameterNames" ->
                        throw new WebServletTest.BadMessageException("Unable to parse URI query", new IllegalArgumentException("Bad query"));
                    case "hashCode" -> System.identityHashCode(p);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Fakes.Response call(HttpServlet servlet, String pathInfo, String query) throws Exception {
        Fakes.Response resp = new Fakes.Response();
        Method service = servlet.getClass().getDeclaredMethod("service", HttpServletRequest.class, jakarta.servlet.http.HttpServletResponse.class);
        service.setAccessible(true);
        service.invoke(servlet, request(pathInfo, query), resp.proxy());
        return resp;
    }

    @Test
    void aBadEscapeInTheQueryIsIgnored() throws Exception {
        for (String query : new String[] {"a=%", "%zz", "v=%zz&a=%", null, ""}) {
            Fakes.Response r = call(new StaticServlet(), "/evkin.css", query);
            assertEquals(200, r.status, query);
            assertEquals("public, no-cache", r.header("Cache-Control"), query);
            assertTrue(r.text().contains("{"), "the style sheet");
        }
        Fakes.Response r = call(new StaticServlet(), "/evkin.css", "a=%&v=" + CSS_VERSION);
        assertEquals(200, r.status);
        assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"), "the versioned URL is still recognised");
        assertEquals(404, call(new StaticServlet(), "/nichts.css", "a=%").status);
    }

    @Test
    void formJsIgnoresABadEscapeToo() throws Exception {
        Fakes.Response r = call(new FormScriptServlet(), "/form.js", "a=%");
        assertEquals(200, r.status);
        assertEquals("public, no-cache", r.header("Cache-Control"));
        r = call(new FormScriptServlet(), "/form.js", FormScriptServlet.href().substring("/static/form.js?".length()) + "&x=%zz");
        assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"));
        assertNull(StaticServlet.version("a=%"));
        assertEquals("abc", StaticServlet.version("x=%zz&v=abc"));
    }
}
