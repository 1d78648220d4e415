package org.evkin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PublicPort's parts against a real Jetty server (the one Felix HTTP embeds). */
class PublicPortTest {

    private final Server server = new Server();
    private volatile boolean whiteboardAttached;
    private final CountDownLatch slowStarted = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** As Felix HTTP answers: Jetty's bare HTML 404 until the whiteboard is attached, then EvKin's JSON. */
    private ServerConnector startWithInternalPort() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector internal = new ServerConnector(server, new HttpConnectionFactory(http));
        internal.setHost("127.0.0.1");
        internal.setPort(0);
        internal.setIdleTimeout(12_345);
        internal.setAcceptQueueSize(777);
        server.addConnector(internal);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getHttpURI().getPath().equals("/slow")) {
                    slowStarted.countDown();
                    Thread.sleep(600);
                    Content.Sink.write(response, true, "done", callback);
                } else if (whiteboardAttached) {
                    response.setStatus(503);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
                    Content.Sink.write(response, true, "{\"error\":\"unavailable\"}", callback);
                } else {
                    response.setStatus(404);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=iso-8859-1");
                    Content.Sink.write(response, true, "<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>", callback);
                }
                return true;
            }
        });
        server.start();
        return internal;
    }

    private static URI api(ServerConnector c) {
        return URI.create("http://127.0.0.1:" + c.getLocalPort() + "/api/");
    }

    @Test
    void waitsUntilTheAnswerIsEvKinsJsonNotJettysBare404() throws Exception {
        ServerConnector internal = startWithInternalPort();
        assertFalse(PublicPort.awaitEvKin(api(internal), 300), "Jetty's bare 404 is not EvKin answering");

        long t0 = System.nanoTime();
        CompletableFuture.runAsync(() -> {
            sleep(400);
            whiteboardAttached = true;
        });
        assertTrue(PublicPort.awaitEvKin(api(internal), 10_000));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(waited >= 400 && waited < 5_000, "waited " + waited + " ms");
    }

    @Test
    void aPortWithNothingBehindItIsNotServing() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertFalse(PublicPort.awaitEvKin(URI.create("http://127.0.0.1:" + free + "/api/"), 200));
    }

    @Test
    void thePublicPortTakesTheInternalSettingsAndTheInternalPortCloses() throws Exception {
        ServerConnector internal = startWithInternalPort();
        whiteboardAttached = true;
        int port = freePort();
        ServerConnector pub = PublicPort.publicConnector(server, "127.0.0.1", port);
        assertEquals(12_345, pub.getIdleTimeout());
        assertEquals(internal.getAcceptors(), pub.getAcceptors());
        assertEquals(777, pub.getAcceptQueueSize(), "the listen backlog the launcher sets");
        assertFalse(pub.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getSendServerVersion());
        server.addConnector(pub);
        pub.start();
        int internalPort = internal.getLocalPort();

        PublicPort.closeInternal(server);

        assertEquals(List.of(pub), List.of(server.getConnectors()));
        HttpResponse<String> r = get(port, "/api/");
        assertEquals(503, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\""), r.body());
        assertThrows(ConnectException.class, () -> get(internalPort, "/api/"), "the internal port is closed");
    }

    @Test
    void aGracefulCloseRefusesNewClientsAndLetsTheRequestInProgressFinish() throws Exception {
        startWithInternalPort();
        int port = freePort();
        ServerConnector pub = PublicPort.publicConnector(server, "127.0.0.1", port);
        server.addConnector(pub);
        pub.start();

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return get(port, "/slow");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(slowStarted.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> PublicPort.closeGracefully(pub, 5_000));
        sleep(150); // the close has begun, the slow request is still in progress
        assertFalse(closing.isDone(), "the close waits for the request in progress");
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }, "a new client is refused while the request in progress finishes");

        HttpResponse<String> done = slow.get(5, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode());
        assertEquals("done", done.body());
        closing.get(5, TimeUnit.SECONDS);
        assertFalse(pub.isRunning());
    }

    @Test
    void readsTheFirstHttpEndpointOfTheRuntime() {
        assertEquals(URI.create("http://127.0.0.1:4711/"), PublicPort.internalEndpoint("http://127.0.0.1:4711/"));
        assertEquals(URI.create("http://127.0.0.1:4711/"), PublicPort.internalEndpoint(new String[] {"https://x:1/", "http://127.0.0.1:4711"}));
        assertEquals(URI.create("http://[::1]:80/"), PublicPort.internalEndpoint(List.of("http://[::1]:80/")));
        assertNull(PublicPort.internalEndpoint(null));
        assertNull(PublicPort.internalEndpoint(List.of("https://x:1/")));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
