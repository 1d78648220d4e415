package org.evkin.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/**
 * Answers 503 with Retry-After while the server starts: registered when this bundle starts (before the declarative
 * services of the pages and the API exist) at the lowest ranking for "/" and "/api/*", so a rater whose page reloads
 * during a restart reads "try again in a moment" instead of Jetty's bare 404. The real servlets shadow it as soon as
 * they are registered, and it takes over again only if they go away.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public class StartingUp implements BundleActivator {

    private final List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();

    @Override
    public void start(BundleContext context) {
        registrations.add(register(context, "/", "evkin-starting"));
        registrations.add(register(context, "/api/*", "evkin-api-starting"));
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
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The 503 itself: JSON under /api, a small Indonesian page elsewhere; never cached. */
    static final class Unavailable extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ResourceBundle texts = ResourceBundle.getBundle("org.evkin.web.internal.messages", Locale.ROOT,
                    StartingUp.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String title = texts.getString("galat.503.judul");
            String message = texts.getString("galat.503.pesan");
            resp.setStatus(503);
            resp.setHeader("Retry-After", "5");
            resp.setHeader("Cache-Control", "no-store");
            String uri = req.getRequestURI();
            byte[] body;
            if (uri != null && uri.startsWith("/api/")) {
                resp.setContentType("application/json;charset=UTF-8");
                body = ("{\"error\":\"unavailable\",\"message\":\"" + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                resp.setContentType("text/html;charset=UTF-8");
                body = ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                        + "initial-scale=1\"><meta http-equiv=\"refresh\" content=\"5\"><title>" + title + "</title></head><body><main><h1>"
                        + title + "</h1><p>" + message + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
            }
            resp.setContentLength(body.length);
            if (!"HEAD".equals(req.getMethod())) {
                resp.getOutputStream().write(body);
            }
        }
    }
}
