package org.evkin.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 503 with Retry-After while the server starts: registered when this bundle starts (before the declarative
 * services of the pages and the API exist) at the lowest ranking for "/" and "/api/*", so a rater whose page reloads
 * during a restart reads "try again in a moment" instead of Jetty's bare 404. The real servlets shadow it as soon as
 * they are registered, and it takes over again only if they go away. When the launcher asks for it, this bundle also
 * owns the public port ({@link PublicPort}): opened once this 503 answers, closed first when the bundle stops.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public class StartingUp implements BundleActivator {

    private final List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();
    private PublicPort publicPort;

    @Override
    public void start(BundleContext context) {
        registrations.add(register(context, "/", "evkin-starting"));
        registrations.add(register(context, "/api/*", "evkin-api-starting"));
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("osgi.http.whiteboard.servlet.errorPage", Throwable.class.getName());
        p.put("osgi.http.whiteboard.servlet.name", "evkin-failed");
        registrations.add(context.registerService(Servlet.class, new Failed(), p));
        // after the 503 servlets: the public port opens once they (or the real servlets) answer
        publicPort = PublicPort.start(context);
    }

    private static ServiceRegistration<Servlet> register(BundleContext context, String pattern, String name) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("osgi.http.whiteboard.servlet.pattern", pattern);
        p.put("osgi.http.whiteboard.servlet.name", name);
        p.put(Constants.SERVICE_RANKING, Integer.MIN_VALUE);
        return context.registerService(Servlet.class, new Unavailable(), p);
    }

    @Override
    public void stop(BundleContext context) {
        // the public port first: it closes while everything behind it still answers
        if (publicPort != null) {
            publicPort.close();
            publicPort = null;
        }
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The 503 itself: JSON under /api, a small Indonesian page elsewhere; never cached. */
    static final class Unavailable extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            unavailable(req, resp);
        }
    }

    /** EvKin's 503 with Retry-After: 5, for the servlets above and for the error page below. */
    static void unavailable(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ResourceBundle texts = texts();
        resp.setHeader("Retry-After", "5");
        answer(req, resp, 503, "unavailable", texts.getString("galat.503.judul"), texts.getString("galat.503.pesan"), true);
    }

    /**
     * Felix HTTP's error page for whatever a servlet throws (EvKin's own servlets answer their errors themselves, so
     * what comes here is the whiteboard's): a request that reached a servlet just as it was replaced or withdrawn
     * ("Servlet has been unregistered": the pages and the API taking over from the 503 above on a start, or going on
     * a stop) gets the 503 with Retry-After; anything else EvKin's 500 with a reference code that is also in the log,
     * never Jetty's bare error page.
     */
    static final class Failed extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(Failed.class);

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Object e = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (servletWithdrawn(e)) {
                LOG.debug("{} reached a servlet being withdrawn; answered 503", req.getRequestURI());
                unavailable(req, resp);
                return;
            }
            String ref = WebServlet.reference();
            // one line: Felix HTTP has logged the stack trace just before
            LOG.error("{} {} failed in the web server, reference {}: {}", req.getMethod(), req.getRequestURI(), ref, String.valueOf(e));
            ResourceBundle texts = texts();
            answer(req, resp, 500, "internal", texts.getString("galat.500.judul"),
                    MessageFormat.format(texts.getString("galat.500.pesan"), ref), false);
        }

        /** Felix HTTP's ServletHandler throws exactly this when its servlet was destroyed under the request. */
        static boolean servletWithdrawn(Object e) {
            return e instanceof ServletException s && "Servlet has been unregistered".equals(s.getMessage());
        }
    }

    private static ResourceBundle texts() {
        return ResourceBundle.getBundle("org.evkin.web.internal.messages", Locale.ROOT, StartingUp.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** JSON under /api ({"error":code,"message":...}), else a small Indonesian page; never cached. */
    private static void answer(HttpServletRequest req, HttpServletResponse resp, int status, String code, String title,
            String message, boolean refresh) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        String uri = req.getRequestURI();
        byte[] body;
        if (uri != null && uri.startsWith("/api/")) {
            resp.setContentType("application/json;charset=UTF-8");
            body = ("{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        } else {
            resp.setContentType("text/html;charset=UTF-8");
            body = ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                    + "initial-scale=1\">" + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "") + "<title>" + title
                    + "</title></head><body><main><h1>" + title + "</h1><p>" + message + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }
}
