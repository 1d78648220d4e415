package org.evkin.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-rendered pages: the default servlet ("/") of the whiteboard's default context, so it answers every
 * path no other servlet claims; /api/* (the JSON API) and /static/* are longer patterns and win. Parses the request,
 * checks the session and, on every post, the origin and CSRF token, calls the page, and renders the template whole
 * before sending it: a failure shows an Indonesian error page with a reference code that is also in the log.
 */
@Component(name = "org.evkin.web", service = Servlet.class, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WebConfig.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("evkin-web")
// uploads of the import pages; above 48 MiB Felix would drop the form fields (and the CSRF token) silently, the
// pages themselves refuse files over 32 MiB with a clear message
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 50_331_648L, maxRequestSize = 50_331_648L)
public class WebServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebServlet.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** Pages answered to GET (and HEAD). */
    private static final Set<String> GET_PATHS = Set.of("/", "/masuk", "/admin");
    /** Posts that need no session (there is none yet): the origin check alone protects them. */
    private static final Set<String> SESSIONLESS_POSTS = Set.of("/masuk", "/kode");
    /** Posts of a signed-in admin: origin check, session and CSRF token. */
    private static final Set<String> SESSION_POSTS = Set.of("/keluar");

    private static final String SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final transient Messages messages = Messages.indonesian();
    private final transient Templates templates = new Templates(WebServlet.class.getClassLoader());
    private final transient StaticAssets assets = new StaticAssets(WebServlet.class.getClassLoader());
    /** From org.evkin.web; replaced when the administrator changes the file (see modified). */
    private transient volatile SameOrigin sameOrigin;
    private volatile boolean secureCookie;
    private final transient SignInPages signIn = new SignInPages(messages);
    private final transient PublicPages publicPages = new PublicPages(messages);
    private final transient AdminPages adminPages = new AdminPages(messages);
    private final transient LinkPages linkPages = new LinkPages(messages);
    private final transient AdminFlowPages adminFlow = new AdminFlowPages(messages);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.FormService forms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.EnrolmentService enrolments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.InvitationService invitations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.ResponseImportService responses;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.MonitoringService monitoring;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.report.ReportService reports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.report.ReportDocuments documents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuthService auth;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CycleService cycles;

    @Activate
    public WebServlet(WebConfig config) {
        modified(config);
    }

    /**
     * The settings of org.evkin.web changed (FileInstall delivers the file a moment after the start, and again at each
     * edit): taken in place, as the API does, rather than by a reactivation that unregisters the servlet under requests
     * in flight (which Felix HTTP answers with Jetty's bare 500).
     */
    @Modified
    void modified(WebConfig config) {
        sameOrigin = new SameOrigin(config.allowed_origins());
        secureCookie = config.cookie_secure();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the raw path: as the default servlet, servlet path and path info differ between containers for "/"
        String path = req.getRequestURI().substring(req.getContextPath().length());
        path = path.isEmpty() ? "/" : path;
        String method = req.getMethod();
        Visit visit = new Visit(req, resp, path, auth, secureCookie);
        Result result;
        Visit.Unreadable unreadable = visit.unreadable();
        if (unreadable != null) {
            // Jetty could not parse the query string or the form: refused before any page runs, so nothing changes
            LOG.warn("Page {} {} answered {}: parameters not readable ({})", method, path, unreadable.status(), unreadable.reason());
            write(visit, unreadable.status() == 413 ? ErrorPages.tooLarge(messages) : ErrorPages.badRequest(messages),
                    "HEAD".equals(method));
            return;
        }
        try {
            result = route(method, visit);
        } catch (WorkflowException e) {
            result = ErrorPages.page(messages, e.kind().status, "galat.umum.judul", "galat.umum.pesan", e.getMessage());
        } catch (RuntimeException e) {
            if (databaseUnavailable(e)) {
                LOG.warn("Page {} answered 503: {}", path, e.getMessage());
                resp.setHeader("Retry-After", "5");
                result = ErrorPages.unavailable(messages);
            } else {
                String ref = reference();
                LOG.error("Page {} {} failed, reference {}", method, path, ref, e);
                result = ErrorPages.internal(messages, ref);
            }
        }
        write(visit, result, "HEAD".equals(method));
    }

    private Result route(String method, Visit v) {
        String path = v.path;
        // personal links (/t/{token}…, /k/{code}…) and the admin's pages below /admin/ have routers of their own
        if (path.startsWith("/t/") || path.startsWith("/k/")) {
            if (("POST".equals(method)) && !sameOrigin.accepts(v.req.getHeader("Origin"), v.req.getHeader("Referer"),
                    v.req.getHeader("Host"))) {
                return ErrorPages.forbidden(messages);
            }
            return linkPages.route(method, v, forms, new ReportPages.Services(reports, documents));
        }
        if (path.startsWith("/admin/")) {
            if (v.auth == null) {
                return unavailable(v);
            }
            if (!signedIn(v)) {
                return "GET".equals(method) ? toSignIn(v) : Result.redirect("/masuk");
            }
            if ("POST".equals(method) && (!sameOrigin.accepts(v.req.getHeader("Origin"), v.req.getHeader("Referer"),
                    v.req.getHeader("Host")) || !v.auth.verifyCsrf(v.token(), v.param("_csrf")))) {
                return ErrorPages.forbidden(messages);
            }
            return adminFlow.route(method, v, new AdminFlowPages.Services(cycles, enrolments, invitations, responses, monitoring));
        }
        boolean isPost = SESSIONLESS_POSTS.contains(path) || SESSION_POSTS.contains(path);
        if (!GET_PATHS.contains(path) && !isPost) {
            return ErrorPages.notFound(messages);
        }
        String allow = (GET_PATHS.contains(path) ? "GET, HEAD" : "") + (GET_PATHS.contains(path) && isPost ? ", " : "")
                + (isPost ? "POST" : "");
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return switch (path) {
                case "/" -> publicPages.landing(v);
                case "/masuk" -> v.auth == null ? unavailable(v) : signIn.form(v);
                case "/admin" -> v.auth == null ? unavailable(v) : signedIn(v) ? adminPages.dashboard(v, cycles) : toSignIn(v);
                default -> methodNotAllowed(v, allow);
            };
        }
        if (!"POST".equals(method) || !isPost) {
            return methodNotAllowed(v, allow);
        }
        if (!sameOrigin.accepts(v.req.getHeader("Origin"), v.req.getHeader("Referer"), v.req.getHeader("Host"))) {
            LOG.info("Refused POST {} from {}: origin {} / referer {} does not match host {}", path, v.req.getRemoteAddr(),
                    v.req.getHeader("Origin"), v.req.getHeader("Referer"), v.req.getHeader("Host"));
            return ErrorPages.forbidden(messages);
        }
        if (SESSIONLESS_POSTS.contains(path)) {
            return switch (path) {
                case "/masuk" -> v.auth == null ? unavailable(v) : signIn.submit(v);
                default -> publicPages.code(v);
            };
        }
        if (v.auth == null) {
            return unavailable(v);
        }
        if (!signedIn(v)) {
            // no session (expired, or a cross-site post without the cookie): nothing to change; sign in again
            if (v.token() != null) {
                v.setCookie(SessionCookie.clear(v.secureCookie));
            }
            return Result.redirect("/keluar".equals(path) ? "/masuk" : "/masuk?lanjut=" + SignInPages.target(path));
        }
        if (!v.auth.verifyCsrf(v.token(), v.param("_csrf"))) {
            LOG.info("Refused POST {} from {}: missing or wrong CSRF token", path, v.req.getRemoteAddr());
            return ErrorPages.forbidden(messages);
        }
        return signIn.logout(v); // the only session post so far: /keluar
    }

    private static boolean signedIn(Visit v) {
        return v.account().isPresent();
    }

    private static Result toSignIn(Visit v) {
        return Result.redirect("/masuk?lanjut=" + SignInPages.target(v.path));
    }

    private Result unavailable(Visit v) {
        v.resp.setHeader("Retry-After", "5");
        return ErrorPages.unavailable(messages);
    }

    private Result methodNotAllowed(Visit v, String allow) {
        v.resp.setHeader("Allow", allow);
        return ErrorPages.methodNotAllowed(messages);
    }

    /** Sends the result; a template that fails gives the 500 page instead, and if even that fails a bare one. */
    private void write(Visit v, Result result, boolean head) throws IOException {
        HttpServletResponse resp = v.resp;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Cache-Control", "no-store");
        if (result instanceof Result.Redirect r) {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", r.location());
            resp.setContentLength(0);
            return;
        }
        if (result instanceof Result.Download d) {
            // complete in memory already; no-store above keeps personal documents out of caches
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(d.contentType());
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + d.filename() + "\"");
            resp.setHeader("X-Frame-Options", "DENY");
            resp.setContentLength(d.body().length);
            if (!head) {
                resp.getOutputStream().write(d.body());
            }
            return;
        }
        Result.Page page = (Result.Page) result;
        String html;
        try {
            html = templates.render(page.template(), model(v, page));
        } catch (Exception e) {
            String ref = reference();
            LOG.error("Template {} for {} failed, reference {}", page.template(), v.path, ref, e);
            page = ErrorPages.internal(messages, ref);
            try {
                html = templates.render(page.template(), model(v, page));
            } catch (Exception again) {
                LOG.error("The error page failed too, reference {}", ref, again);
                html = bareErrorPage(ref);
            }
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(page.status());
        resp.setContentType("text/html; charset=UTF-8");
        resp.setHeader("Content-Language", "id");
        resp.setHeader("Content-Security-Policy", SECURITY_POLICY);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setContentLength(body.length);
        if (!head) {
            resp.getOutputStream().write(body);
        }
    }

    /** The page's model plus what every page needs: texts, style sheet, the signed-in admin and the CSRF token. */
    private Map<String, Object> model(Visit v, Result.Page page) {
        Map<String, Object> m = new HashMap<>(page.model());
        m.put("t", messages.method());
        m.put("css", assets.get("evkin.css").href());
        m.put("path", v.path);
        try {
            v.account().ifPresent(a -> {
                m.put("accountName", a.name() == null || a.name().isBlank() ? a.email() : a.name());
                m.put("csrf", v.csrf());
            });
        } catch (RuntimeException e) {
            LOG.debug("No session shown in the header of {}: {}", v.path, e.toString());
        }
        return m;
    }

    private String bareErrorPage(String ref) {
        return "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + escape(messages.get("galat.500.judul"))
                + "</title></head><body><main><h1>" + escape(messages.get("galat.500.judul")) + "</h1><p>"
                + escape(messages.get("galat.500.pesan", ref)) + "</p></main></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Whether the failure is the store's "database not reachable" (org.evkin.store.StoreUnavailableException), told
     * by name so that the web bundle depends on the workflow API only.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ("org.evkin.store.StoreUnavailableException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** A short code to quote to an admin, found again in the server log. */
    static String reference() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length()));
        }
        return new String(c);
    }
}
