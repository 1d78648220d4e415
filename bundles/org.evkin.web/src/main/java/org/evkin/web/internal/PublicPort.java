package org.evkin.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Collection;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public HTTP port, opened only once EvKin answers behind it and closed, gracefully, before EvKin stops answering.
 *
 * <p>Felix HTTP opens its own port before it hands requests to the servlet whiteboard, and on a stop it takes the
 * whiteboard away before it closes the port: in between, Jetty answers every request with its bare "HTTP ERROR 404"
 * page (a rater's phone shows "not found" for its form). So the launcher gives Felix HTTP only an internal port on the
 * loopback interface (a free port, never the public one) and this class owns the public one, through Felix HTTP's
 * {@link ConnectorFactory} extension:
 * <ul>
 * <li>when Felix HTTP's runtime appears, a thread asks the internal port for {@code /api/} until the answer is
 * EvKin's JSON (the 503 of {@link StartingUp}, or the API itself): then the whiteboard serves requests;</li>
 * <li>only then is the {@link ConnectorFactory} registered, and Jetty opens the public port with the same HTTP
 * settings as its own; the internal port is closed then, so one port stays open;</li>
 * <li>{@link #close()} (run by the launcher before it stops anything, else when org.evkin.web stops) stops accepting
 * at once, lets the requests in progress finish (at most {@link #GRACE_MS}) and closes the port; only then do the
 * pages and the API go.</li>
 * </ul>
 * Without the framework property {@code evkin.http.port} (tests that run the bundles in their own framework) nothing
 * of this runs and Felix HTTP's port is the public one.
 */
final class PublicPort {

    private static final Logger LOG = LoggerFactory.getLogger(PublicPort.class);

    /** Framework properties set by the launcher: where raters and admins connect. */
    static final String HOST_PROPERTY = "evkin.http.host";
    static final String PORT_PROPERTY = "evkin.http.port";
    /** How long a stop waits for the requests in progress on the public port. */
    static final long GRACE_MS = 2_000;
    /** How long the opener asks the internal port before it opens the public one anyway (and says so). */
    static final long READY_TIMEOUT_MS = 120_000;
    private static final long PROBE_INTERVAL_MS = 10;
    /** The name of the public connector on Jetty's server; every other connector there is Felix HTTP's internal one. */
    static final String CONNECTOR_NAME = "evkin-public";

    private final BundleContext context;
    private final String host;
    private final int port;
    private final ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> runtimes;
    private ServiceRegistration<Runnable> stopFirst;

    // guarded by this
    private Thread opener;
    private ServiceRegistration<ConnectorFactory> registration;
    private ServerConnector connector;
    private boolean closed;

    private PublicPort(BundleContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.runtimes = new ServiceTracker<>(context, HttpServiceRuntime.class, null) {
            @Override
            public HttpServiceRuntime addingService(ServiceReference<HttpServiceRuntime> reference) {
                HttpServiceRuntime runtime = super.addingService(reference);
                URI internal = internalEndpoint(reference.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
                if (internal == null) {
                    LOG.error("Felix HTTP gives no http:// endpoint ({}); the public port {}:{} is not opened",
                            reference.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT), host, port);
                } else {
                    openWhenServing(internal);
                }
                return runtime;
            }

            @Override
            public void removedService(ServiceReference<HttpServiceRuntime> reference, HttpServiceRuntime runtime) {
                shut();
                super.removedService(reference, runtime);
            }
        };
    }

    /** Starts watching for Felix HTTP when the launcher asked for a public port; null when it did not. */
    static PublicPort start(BundleContext context) {
        String portSetting = context.getProperty(PORT_PROPERTY);
        if (portSetting == null || portSetting.isBlank()) {
            return null;
        }
        String host = context.getProperty(HOST_PROPERTY);
        PublicPort p = new PublicPort(context, host == null || host.isBlank() ? "0.0.0.0" : host.trim(),
                Integer.parseInt(portSetting.trim()));
        p.runtimes.open();
        // the launcher runs this before it stops anything (its STOP_FIRST filter)
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("evkin.stop", "first");
        p.stopFirst = context.registerService(Runnable.class, p::close, props);
        return p;
    }

    /** Closes the public port gracefully (see the class comment) and stops watching; once is enough. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        shut();
        runtimes.close();
        try {
            stopFirst.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and the framework has taken it already
        }
    }

    private synchronized void openWhenServing(URI internal) {
        if (closed || opener != null || registration != null) {
            return;
        }
        Thread t = new Thread(() -> {
            boolean serving = awaitEvKin(internal.resolve("/api/"), READY_TIMEOUT_MS);
            synchronized (this) {
                if (closed || opener != Thread.currentThread()) {
                    return;
                }
                opener = null;
                if (!serving) {
                    LOG.warn("EvKin did not answer on the internal port {} within {} s; opening the public port {}:{} anyway",
                            internal, READY_TIMEOUT_MS / 1000, host, port);
                }
                Hashtable<String, Object> p = new Hashtable<>();
                p.put("evkin.public.port", port);
                registration = context.registerService(ConnectorFactory.class, this::createConnector, p);
                // the tracker of Felix HTTP has started the connector within registerService
                if (connector != null && connector.isStarted()) {
                    closeInternal(connector.getServer());
                    LOG.info("EvKin listens on {}:{}", host, port);
                } else {
                    LOG.error("The public port {}:{} could not be opened; see Felix HTTP's message above", host, port);
                }
            }
        }, "evkin-public-port");
        t.setDaemon(true);
        opener = t;
        t.start();
    }

    /** Called by Felix HTTP's tracker with its Jetty server: the public connector, with the internal one's settings. */
    private synchronized Connector createConnector(Server server) {
        connector = publicConnector(server, host, port);
        return connector;
    }

    /** Stops accepting, lets the requests in progress finish, then withdraws the connector (Jetty closes it). */
    private void shut() {
        Thread pending;
        ServiceRegistration<ConnectorFactory> reg;
        ServerConnector c;
        synchronized (this) {
            pending = opener;
            opener = null;
            reg = registration;
            registration = null;
            c = connector;
            connector = null;
        }
        if (pending != null) {
            pending.interrupt();
        }
        if (c != null) {
            long t0 = System.nanoTime();
            closeGracefully(c, GRACE_MS);
            LOG.info("The public port {}:{} is closed ({} ms for the requests in progress)", host, port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        if (reg != null) {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework has taken it already
            }
        }
    }

    /**
     * A connector for host:port on the given Jetty server with the settings of the connector Felix HTTP opened
     * (HTTP configuration, idle timeout, accept queue, acceptors and selectors).
     */
    static ServerConnector publicConnector(Server server, String host, int port) {
        ServerConnector internal = firstServerConnector(server);
        ServerConnector c;
        if (internal == null) {
            c = new ServerConnector(server);
        } else {
            HttpConnectionFactory http = internal.getConnectionFactory(HttpConnectionFactory.class);
            c = new ServerConnector(server, internal.getAcceptors(), internal.getSelectorManager().getSelectorCount(),
                    http == null ? new HttpConnectionFactory() : new HttpConnectionFactory(http.getHttpConfiguration()));
            c.setIdleTimeout(internal.getIdleTimeout());
            c.setAcceptQueueSize(internal.getAcceptQueueSize());
        }
        c.setName(CONNECTOR_NAME);
        c.setHost(host);
        c.setPort(port);
        return c;
    }

    /** Closes every connector of the server but the public one (Felix HTTP's internal port). */
    static void closeInternal(Server server) {
        for (Connector c : server.getConnectors()) {
            if (!CONNECTOR_NAME.equals(c.getName())) {
                try {
                    c.stop();
                } catch (Exception e) {
                    LOG.warn("The internal port {} did not close: {}", c, e.toString());
                }
                server.removeConnector(c);
            }
        }
    }

    /**
     * Stops accepting connections at once (the port closes: a new client is refused, not answered by a server half
     * gone), waits up to graceMs for the requests in progress, then stops the connector.
     */
    static void closeGracefully(ServerConnector c, long graceMs) {
        try {
            c.shutdown().get(graceMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("Requests still in progress on {}:{} after {} ms; closing them", c.getHost(), c.getPort(), graceMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Closing {}:{}: {}", c.getHost(), c.getPort(), e.getCause() == null ? e.toString() : e.getCause().toString());
        }
        try {
            c.stop();
        } catch (Exception e) {
            LOG.warn("Closing {}:{}: {}", c.getHost(), c.getPort(), e.toString());
        }
    }

    /**
     * Asks url until the answer is EvKin's own JSON: while Felix HTTP has not yet handed requests to the whiteboard,
     * Jetty answers its bare HTML 404 instead. False when that did not happen within timeoutMs or on interrupt.
     */
    static boolean awaitEvKin(URI url, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            if (answersJson(url)) {
                return true;
            }
            try {
                Thread.sleep(PROBE_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean answersJson(URI url) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout(1_000);
            c.setReadTimeout(2_000);
            c.setUseCaches(false);
            int status = c.getResponseCode();
            String type = c.getContentType();
            try (InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return type != null && type.startsWith("application/json");
        } catch (IOException e) {
            return false;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** The first http:// endpoint of Felix HTTP's runtime (a String, an array or a collection of them). */
    static URI internalEndpoint(Object property) {
        Iterable<?> values;
        if (property instanceof String s) {
            values = java.util.List.of(s);
        } else if (property instanceof String[] a) {
            values = java.util.List.of(a);
        } else if (property instanceof Collection<?> c) {
            values = c;
        } else {
            return null;
        }
        for (Object v : values) {
            if (v instanceof String s && s.startsWith("http://")) {
                return URI.create(s.endsWith("/") ? s : s + "/");
            }
        }
        return null;
    }

    private static ServerConnector firstServerConnector(Server server) {
        for (Connector c : server.getConnectors()) {
            if (c instanceof ServerConnector s && !CONNECTOR_NAME.equals(s.getName())) {
                return s;
            }
        }
        return null;
    }
}
