package org.evkin.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.evkin.instrument.InstrumentRegistry;
import org.evkin.model.CompetencyModel;
import org.evkin.store.InstrumentStore;
import org.evkin.workflow.AuthService;
import org.evkin.workflow.CycleService;
import org.evkin.workflow.EnrolmentService;
import org.evkin.workflow.FormService;
import org.evkin.workflow.InvitationService;
import org.evkin.store.DatabaseHealth;
import org.evkin.store.ServerStarts;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API: one Jersey application behind one whiteboard servlet at /api/*. Services it needs may come and go;
 * the resources read them on each request, so the API keeps answering (with 503 where something is missing).
 */
@Component(name = "org.evkin.rest", service = Servlet.class, configurationPid = "org.evkin.admin",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AdminConfig.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("evkin-api")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 50_000_000L, maxRequestSize = 50_000_000L)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient BundleContext context;
    private final transient ServiceComponentRuntime scr;
    /** From org.evkin.admin; replaced, never mutated, when the administrator changes the file (see modified). */
    private transient volatile AdminInstrumentsResource.AdminSettings admin;
    private transient volatile ReportGate reportGate;
    private transient ServletContainer jersey;
    /** The form requests of a personal link, answered without Jersey when they succeed (see FormRequests). */
    private transient FormRequests formRequests;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CompetencyModel model;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DatabaseHealth database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerStarts starts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InstrumentRegistry instruments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InstrumentStore instrumentStore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuthService auth;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CycleService cycles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EnrolmentService enrolments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InvitationService invitations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FormService forms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.ResponseImportService responseImports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.workflow.MonitoringService monitoring;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.mail.MailStatus mail;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.report.ReportService reports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.report.ReportDocuments reportDocuments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.evkin.report.ReportSheets reportSheets;

    @Activate
    public ApiServlet(BundleContext context, @Reference ServiceComponentRuntime scr, AdminConfig config) {
        this.context = context;
        this.scr = scr;
        modified(config);
    }

    /**
     * The settings of org.evkin.admin changed (FileInstall delivers the file a moment after the start, and again at each
     * edit): taken over in place. Without this method Declarative Services would deactivate and reactivate the
     * component, which unregisters the servlet and registers it again: a request in flight at that moment was answered
     * by Felix HTTP with Jetty's bare "HTTP ERROR 500" (ServletException "Servlet has been unregistered"), seen during
     * startups under load. Whole-cycle reports already running finish under the gate they entered.
     */
    @Modified
    void modified(AdminConfig config) {
        String home = context.getProperty("evkin.home");
        Path deploy = config.deploy_dir().isBlank() ? Path.of(home == null ? "." : home, "deploy") : Path.of(config.deploy_dir());
        admin = new AdminInstrumentsResource.AdminSettings(deploy.toAbsolutePath().normalize(),
                Math.max(1, config.deploy_wait_seconds()), Math.max(1024, config.upload_max_bytes()));
        ReportGate gate = new ReportGate(config.reports_concurrent(), config.reports_queue(), config.reports_wait_seconds() * 1000L);
        if (reportGate == null || !reportGate.sameLimits(gate)) {
            reportGate = gate;
        }
    }

    /** Jersey's application; the link resource and the JSON provider are the ones the form requests also use. */
    ResourceConfig application(LinkResource links, JsonMapperProvider json) {
        ResourceConfig rc = new ResourceConfig();
        rc.setApplicationName("evkin-api");
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(json);
        rc.register(ErrorMapper.class);
        rc.register(ClientGoneInterceptor.class);
        rc.register(new CompetencyModelResource(() -> model));
        rc.register(new HealthResource(() -> HealthReport.build(context, scr, database, starts, mail)));
        rc.register(new InstrumentsResource(() -> instruments, () -> model));
        rc.register(new OpenApiResource());
        Authenticator authenticator = new Authenticator(() -> auth);
        rc.register(new AdminInstrumentsResource(() -> instruments, () -> instrumentStore, () -> admin, authenticator));
        rc.register(new AuthResource(() -> auth));
        rc.register(new AccountsResource(() -> auth, authenticator));
        rc.register(links);
        rc.register(new CyclesResource(() -> cycles, () -> enrolments, () -> invitations, () -> responseImports,
                () -> monitoring, authenticator));
        rc.register(new ReportsResource(() -> reports, () -> reportDocuments, () -> reportSheets, authenticator, () -> reportGate));
        rc.register(new ParticipantReportResource(() -> reports, () -> reportDocuments, authenticator));
        return rc;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey finds its RuntimeDelegate through the context class loader: it must be jersey-server's.
        thread.setContextClassLoader(ResourceConfig.class.getClassLoader());
        try {
            LinkResource links = new LinkResource(() -> forms);
            JsonMapperProvider json = new JsonMapperProvider();
            jersey = new ServletContainer(application(links, json));
            jersey.init(config);
            formRequests = new FormRequests(links, json.getContext(Object.class));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Largest JSON body; files (imports, bundles) have their own, larger limits. */
    static final long MAX_JSON_BYTES = 1_000_000L;

    /** How much of a refused body is read and dropped so that its sender gets the answer; beyond it the connection ends. */
    static final long MAX_DRAINED_BYTES = 16_000_000L;

    /** Reads and drops up to max bytes of the request's body; a client that stops sending or leaves ends it early. */
    static void drain(HttpServletRequest req, long max) {
        byte[] buffer = new byte[65536];
        long read = 0;
        try (java.io.InputStream in = req.getInputStream()) {
            int n;
            while (read < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - read))) > 0) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Stopped reading a refused body after {} bytes: {}", read, e.toString());
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") && req.getContentLengthLong() > MAX_JSON_BYTES) {
            resp.setHeader("Connection", "close");
            error(resp, 413, "tooLarge", Messages.get(List.of(), "error.tooLarge", MAX_JSON_BYTES));
            resp.flushBuffer();
            // read the rest of the body and drop it: a connection closed on unread bytes is reset, and a client still
            // sending then loses the answer (seen in CI: "header parser received no bytes" instead of this 413)
            drain(req, MAX_DRAINED_BYTES);
            return;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            // Jersey reads a form body into parameters before any resource runs, where no exception mapper answers
            // for it: a body Jetty cannot read (a broken chunk, cut short, over its limits) would end as a bare 500
            try {
                req.getParameterMap();
            } catch (RuntimeException e) {
                LOG.warn("API {} {} answered 400: form body not readable ({})", req.getMethod(), req.getRequestURI(), innermost(e));
                error(resp, 400, "badRequest", Messages.get(List.of(), "error.badRequest"));
                return;
            }
        }
        HttpServletRequest toJersey = formRequests.answer(req, resp);
        if (toJersey != null) {
            jersey.service(toJersey, resp);
        }
    }

    private static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** The innermost cause's class and message, walked like the error mapper walks a chain (bounded, cycle-safe). */
    private static String innermost(Throwable e) {
        Throwable t = e;
        int depth = 0;
        for (Throwable c = ErrorMapper.next(t, ++depth); c != null; c = ErrorMapper.next(c, ++depth)) {
            t = c;
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    public void destroy() {
        if (jersey != null) {
            jersey.destroy();
            jersey = null;
        }
        super.destroy();
    }
}
