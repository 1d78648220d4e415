package org.evkin.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty 12 HttpClient against one EvKin server, with as many connections as there are concurrent clients. */
public final class Http implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body, the Retry-After header (or null) and how long it took. */
    public record Reply(int status, String body, String retryAfter, long nanos) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient client;
    private final String base;

    public Http(String base, int connections) throws Exception {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, connections / 4 + 8), 4);
        threads.setName("load-http");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(connections + 8);
        client.setMaxRequestsQueuedPerDestination(connections * 4 + 64);
        client.setConnectTimeout(5000);
        client.setIdleTimeout(60_000);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.start();
    }

    /** The server's address, without a trailing slash (http://host:port). */
    public String base() {
        return base;
    }

    public Reply send(String method, String path, String bearer, Object jsonBody) throws Exception {
        return send(method, path, bearer, jsonBody == null ? null : JSON.writeValueAsString(jsonBody), "application/json", 60);
    }

    /** Sends and waits; throws only when no answer came (refused, reset, timed out). */
    public Reply send(String method, String path, String bearer, String body, String contentType, int timeoutSeconds)
            throws Exception {
        // a long request (an import of 12 000 participants, their invitations) may be silent longer than the client's idle
        // timeout: its own timeout governs it
        Request r = client.newRequest(base + path).method(HttpMethod.valueOf(method)).timeout(timeoutSeconds, TimeUnit.SECONDS)
                .idleTimeout(timeoutSeconds, TimeUnit.SECONDS).headers(h -> {
                    h.put("Accept", "application/json");
                    if (bearer != null) {
                        h.put("Authorization", "Bearer " + bearer);
                    }
                });
        if (body != null) {
            r.body(new StringRequestContent(contentType, body, StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        ContentResponse response;
        try {
            response = r.send();
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IOException(method + " " + path + " got no answer" + (e instanceof TimeoutException
                    ? " within " + timeoutSeconds + " s" : "") + ": " + cause, cause);
        }
        long nanos = System.nanoTime() - t0;
        return new Reply(response.getStatus(), response.getContentAsString(), response.getHeaders().get("Retry-After"), nanos);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
