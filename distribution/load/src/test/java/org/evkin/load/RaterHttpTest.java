package org.evkin.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RaterHttp against a tiny scripted HTTP server on a real socket (TinyServer below), which counts its connections. */
class RaterHttpTest {

    private static final String JSON_OK = "{\"status\":\"DRAFT\"}";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void contentLengthBodyReadEvenWhenItArrivesInPieces() throws Exception {
        String body = "{\"sections\":[{\"entries\":[{\"code\":\"A1\"},{\"code\":\"A2\"}]}]}";
        byte[] bytes = ok(body);
        TinyServer server = server(r -> new Answer(List.of(Arrays.copyOfRange(bytes, 0, 10), Arrays.copyOfRange(bytes, 10, 60),
                Arrays.copyOfRange(bytes, 60, bytes.length)), false));
        // a trailing slash in the base must not double the path's slash
        RaterHttp http = client(server.base() + "/");

        Http.Reply r = http.send("GET", "/api/t/abc/part2/COP-X", null, null);

        assertEquals(200, r.status());
        assertEquals(body, r.body());
        assertNull(r.retryAfter());
        assertTrue(r.nanos() > 0);
        assertEquals(2, r.json().path("sections").get(0).path("entries").size());
        Request seen = server.requests.get(0);
        assertEquals("GET", seen.method());
        assertEquals("/api/t/abc/part2/COP-X", seen.target());
        assertEquals("127.0.0.1:" + server.port(), seen.headers().get("host"));
        assertEquals("application/json", seen.headers().get("accept"));
        assertNull(seen.headers().get("content-type"), "no body, no Content-Type");
        assertNull(seen.headers().get("content-length"), "a GET without a body has no Content-Length");
    }

    @Test
    void chunkedBodyDecodedAndTheConnectionReusedAfterIt() throws Exception {
        String body = "{\"nama\":\"Ahli Muda — Jawa Barat\",\"catatan\":\"sudah diisi\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        int dash = body.indexOf('—');
        // chunks split inside the three bytes of "—", one with an extension, and a trailer after the last
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ntransfer-encoding: Chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int[] cuts = {0, dash + 1, dash + 2, b.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            int n = cuts[i + 1] - cuts[i];
            chunked.writeBytes((Integer.toHexString(n).toUpperCase(Locale.ROOT) + (i == 1 ? ";name=value" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunked.write(b, cuts[i], n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\nX-Trailer: ya\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        TinyServer server = server(r -> r.target().equals("/chunked") ? new Answer(List.of(chunked.toByteArray()), false)
                : new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = client(server.base());

        Http.Reply r = http.send("GET", "/chunked", null, null);
        assertEquals(200, r.status());
        assertEquals(body, r.body());
        assertEquals("Ahli Muda — Jawa Barat", r.json().path("nama").asText());
        // the chunked answer was read to its very end: the next answer on the same socket is read right
        Http.Reply next = http.send("GET", "/after", null, null);
        assertEquals(JSON_OK, next.body());
        assertEquals(1, server.accepted.get());
    }

    @Test
    void retryAfterHeaderRead() throws Exception {
        String error = "{\"error\":\"unavailable\"}";
        TinyServer server = server(r -> new Answer(List.of(("HTTP/1.1 503 Service Unavailable\r\nretry-after: 3\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + error.length() + "\r\n\r\n" + error).getBytes(StandardCharsets.US_ASCII)), false));
        RaterHttp http = client(server.base());

        Http.Reply r = http.send("PUT", "/api/t/x/part2/P/draft", null, Map.of("answers", Map.of("A1", "3")));

        assertEquals(503, r.status());
        assertFalse(r.ok());
        assertEquals("3", r.retryAfter());
        assertEquals(error, r.body());
        assertEquals("PUT", server.requests.get(0).method());
        assertEquals("{\"answers\":{\"A1\":\"3\"}}", server.requests.get(0).text());
    }

    @Test
    void keepAliveTwoRequestsOnOneConnection() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(ok("{\"n\":" + r.target().length() + "}")), false));
        RaterHttp http = client(server.base());

        assertEquals(200, http.send("GET", "/one", null, null).status());
        assertEquals(200, http.send("POST", "/two/submit", null, Map.of("answers", Map.of())).status());
        assertEquals("{\"n\":4}", http.send("GET", "/3rd", null, null).body());

        assertEquals(3, server.requests.size());
        assertEquals(1, server.accepted.get(), "one connection for three requests");
        assertEquals(1, http.openSockets());
    }

    @Test
    void eachThreadHasItsOwnConnection() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = client(server.base());
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        assertEquals(200, http.send("GET", "/x", null, null).status());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(), errors);
        assertEquals(6, server.requests.size());
        assertEquals(2, server.accepted.get());
    }

    @Test
    void idleConnectionClosedByTheServerIsReplacedWithoutAnException() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = client(server.base());
        assertEquals(200, http.send("GET", "/first", null, null).status());
        assertEquals(1, server.accepted.get());

        // the server's idle timeout: it closes the kept-alive connection between two requests
        server.closeConnections();
        Thread.sleep(50);

        Http.Reply r = http.send("PUT", "/second", null, Map.of("answers", Map.of("A1", "4")));
        assertEquals(200, r.status());
        assertEquals(JSON_OK, r.body());
        assertEquals(2, server.accepted.get(), "the second request went out on a new connection");
        assertEquals(List.of("/first", "/second"), server.targets());
    }

    @Test
    void closedBeforeAnsweringIsRetriedOnlyOnce() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // the first request answered, every later one: the connection closed without a byte (a server killed mid-request)
        TinyServer server = server(r -> n.getAndIncrement() == 0 ? new Answer(List.of(ok(JSON_OK)), false) : new Answer(List.of(), true));
        RaterHttp http = client(server.base());
        assertEquals(200, http.send("GET", "/first", null, null).status());

        assertThrows(EOFException.class, () -> http.send("POST", "/submit", null, Map.of("answers", Map.of())));
        assertEquals(List.of("/first", "/submit", "/submit"), server.targets(), "sent, then once more on a new socket");
        assertEquals(2, server.accepted.get());
        assertEquals(0, http.openSockets(), "the failed socket is closed and discarded");
    }

    @Test
    void freshConnectionClosedWithoutAnswerThrowsWithoutRetry() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(), true));
        RaterHttp http = client(server.base());

        assertThrows(EOFException.class, () -> http.send("GET", "/x", null, null));
        assertEquals(1, server.requests.size(), "a new socket closed at once is a failure, not an idle close");
        assertEquals(1, server.accepted.get());
    }

    @Test
    void endOfStreamInTheMiddleOfAnAnswerThrowsAndIsNotRetried() throws Exception {
        AtomicInteger n = new AtomicInteger();
        TinyServer server = server(r -> n.getAndIncrement() == 0 ? new Answer(List.of(ok(JSON_OK)), false)
                : new Answer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"par".getBytes(StandardCharsets.US_ASCII)), true));
        RaterHttp http = client(server.base());
        assertEquals(200, http.send("GET", "/first", null, null).status());

        IOException e = assertThrows(IOException.class, () -> http.send("GET", "/second", null, null));
        assertTrue(e.getMessage().contains("middle"), e.getMessage());
        assertEquals(List.of("/first", "/second"), server.targets(), "part of the answer came: not sent again");
        assertEquals(0, http.openSockets());
        // and the next request opens a new socket
        n.set(0);
        assertEquals(200, http.send("GET", "/third", null, null).status());
        assertEquals(2, server.accepted.get());
    }

    @Test
    void connectionCloseAndHttp10AnswersCloseTheSocket() throws Exception {
        TinyServer server = server(r -> switch (r.target()) {
            case "/close" -> new Answer(List.of(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII)), false);
            case "/http10" -> new Answer(List.of(("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII)), false);
            case "/http10-keep" -> new Answer(List.of(("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII)), false);
            default -> new Answer(List.of(ok(JSON_OK)), false);
        });
        RaterHttp http = client(server.base());

        // the server leaves each socket open: only the client's reading of the headers can close them
        assertEquals("{}", http.send("GET", "/close", null, null).body());
        assertEquals(0, http.openSockets(), "Connection: close");
        assertEquals("{}", http.send("GET", "/http10", null, null).body());
        assertEquals(0, http.openSockets(), "HTTP/1.0 without keep-alive");
        assertEquals("{}", http.send("GET", "/http10-keep", null, null).body());
        assertEquals(1, http.openSockets(), "HTTP/1.0 with Connection: keep-alive");
        assertEquals(JSON_OK, http.send("GET", "/after", null, null).body());
        assertEquals(3, server.accepted.get());
    }

    @Test
    void bodyWithoutLengthReadUntilTheServerCloses() throws Exception {
        TinyServer server = server(r -> new Answer(List.of("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\":".getBytes(StandardCharsets.US_ASCII),
                "1}".getBytes(StandardCharsets.US_ASCII)), true));
        RaterHttp http = client(server.base());

        Http.Reply r = http.send("GET", "/x", null, null);
        assertEquals("{\"a\":1}", r.body());
        assertEquals(0, http.openSockets());
    }

    @Test
    void noContentAnswerHasNoBody() throws Exception {
        TinyServer server = server(r -> r.target().equals("/204")
                ? new Answer(List.of("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), false)
                : new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = client(server.base());

        Http.Reply r = http.send("PUT", "/204", null, Map.of("answers", Map.of()));
        assertEquals(204, r.status());
        assertEquals("", r.body());
        assertEquals(JSON_OK, http.send("GET", "/after", null, null).body());
        assertEquals(1, server.accepted.get());
    }

    @Test
    void connectionRefusedThrows() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RaterHttp http = client("http://127.0.0.1:" + port);

        assertThrows(ConnectException.class, () -> http.send("GET", "/api/t/x", null, null));
        assertEquals(0, http.openSockets());
    }

    @Test
    void timeoutThrowsAndTheNextRequestUsesANewSocket() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // the first request is never answered (a server that hangs), the next ones are
        TinyServer server = server(r -> n.getAndIncrement() == 0 ? null : new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = new RaterHttp(server.base(), 300);
        toClose.add(http);

        assertThrows(SocketTimeoutException.class, () -> http.send("GET", "/hangs", null, null));
        assertEquals(0, http.openSockets());
        assertEquals(200, http.send("GET", "/again", null, null).status());
        assertEquals(2, server.accepted.get());
    }

    @Test
    void anAnswerThatStopsHalfWayTimesOutAsAWhole() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // the first answer's head and 10 of its 100 bytes, then nothing more on that connection; the next ones whole
        TinyServer server = server(r -> n.getAndIncrement() == 0
                ? new Answer(List.of(head(200, 100), "{\"status\":".getBytes(StandardCharsets.US_ASCII)), false)
                : new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = new RaterHttp(server.base(), 300);
        toClose.add(http);

        long t0 = System.nanoTime();
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> http.send("GET", "/stalls", null, null));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().startsWith("Read timed out"), e.getMessage());
        // the socket's read timeout: it ends the wait for the rest of the answer, not only for its first byte
        assertTrue(millis >= 300 && millis < 2_000, millis + " ms");
        assertEquals(0, http.openSockets());
        assertEquals(200, http.send("GET", "/again", null, null).status());
        assertEquals(2, server.accepted.get());
    }

    @Test
    void utf8BodiesBothWays() throws Exception {
        // the server echoes the request's body
        TinyServer server = server(r -> new Answer(List.of(head(200, r.body().length), r.body()), false));
        RaterHttp http = client(server.base());
        String text = "Penilaian kinerja: sangat baik — “luar biasa”, tidak ada catatan ✓ (Bapak José, Café Ñusa, ±5 °C, Rp 10.000 €)";
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("A1", "4");
        answers.put("catatan", text);

        Http.Reply r = http.send("POST", "/api/t/x/part2/P/submit", null, Map.of("answers", answers));

        Request seen = server.requests.get(0);
        String sent = Http.JSON.writeValueAsString(Map.of("answers", answers));
        assertEquals(sent, seen.text());
        assertEquals(Integer.toString(sent.getBytes(StandardCharsets.UTF_8).length), seen.headers().get("content-length"),
                "Content-Length counts bytes, not characters");
        assertTrue(sent.getBytes(StandardCharsets.UTF_8).length > sent.length());
        assertEquals("application/json; charset=UTF-8", seen.headers().get("content-type"));
        assertEquals(sent, r.body());
        assertEquals(text, r.json().path("answers").path("catatan").asText());
    }

    @Test
    void preferHeaderSentOnlyWhenAsked() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(head(200, 2), "{}".getBytes(StandardCharsets.UTF_8)), false));
        RaterHttp http = client(server.base());

        http.send("PUT", "/api/t/x/part2/P/draft", null, Map.of("answers", Map.of("A1", "4")), "return=minimal");
        http.send("PUT", "/api/t/x/part2/P/draft", null, Map.of("answers", Map.of("A1", "3")));

        assertEquals("return=minimal", server.requests.get(0).headers().get("prefer"));
        assertNull(server.requests.get(1).headers().get("prefer"));
        assertThrows(IllegalArgumentException.class,
                () -> http.send("PUT", "/api/t/x/part2/P/draft", null, Map.of(), "return=minimal\r\nX-Evil: 1"));
    }

    @Test
    void closeClosesEverySocketAndRefusesLaterRequests() throws Exception {
        TinyServer server = server(r -> new Answer(List.of(ok(JSON_OK)), false));
        RaterHttp http = client(server.base());
        assertEquals(200, http.send("GET", "/x", null, null).status());
        assertEquals(1, http.openSockets());

        http.close();

        assertEquals(0, http.openSockets());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.closedByClient.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, server.closedByClient.get(), "the server saw the connection closed");
        assertThrows(IOException.class, () -> http.send("GET", "/x", null, null));
        assertEquals(1, server.accepted.get());
    }

    // ---- the tiny server

    private TinyServer server(Function<Request, Answer> handler) throws IOException {
        TinyServer s = new TinyServer(handler);
        toClose.add(s);
        return s;
    }

    private RaterHttp client(String base) {
        RaterHttp http = new RaterHttp(base);
        toClose.add(http);
        return http;
    }

    private static byte[] ok(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head(200, body.length));
        b.writeBytes(body);
        return b.toByteArray();
    }

    private static byte[] head(int status, int length) {
        return ("HTTP/1.1 " + status + " OK\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A request as the server read it; header names in lower case. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * What the server sends: the parts (written one by one, with a short pause between them), then closes the connection
     * if close; null: no answer at all (the connection stays open, unanswered).
     */
    record Answer(List<byte[]> parts, boolean close) {
    }

    /** Accepts connections on the loopback, one thread each; reads requests one after the other and answers them. */
    static final class TinyServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger closedByClient = new AtomicInteger();
        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final Function<Request, Answer> handler;

        TinyServer(Function<Request, Answer> handler) throws IOException {
            this.handler = handler;
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "tiny-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String base() {
            return "http://127.0.0.1:" + port();
        }

        List<String> targets() {
            return requests.stream().map(Request::target).toList();
        }

        /** Closes every connection from the server's side (an idle timeout). */
        void closeConnections() throws IOException {
            for (Socket s : open) {
                s.close();
                open.remove(s);
            }
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "tiny-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null) {
                        closedByClient.incrementAndGet();
                        return;
                    }
                    String[] parts = requestLine.split(" ");
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (String h; !(h = line(in)).isEmpty();) {
                        int colon = h.indexOf(':');
                        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
                    }
                    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                    Request request = new Request(parts[0], parts[1], headers, in.readNBytes(length));
                    requests.add(request);
                    Answer answer = handler.apply(request);
                    if (answer == null) {
                        // never answered: wait until the client gives up
                        while (in.read() >= 0) {
                            // discard
                        }
                        return;
                    }
                    for (int i = 0; i < answer.parts().size(); i++) {
                        if (i > 0) {
                            Thread.sleep(15);
                        }
                        out.write(answer.parts().get(i));
                        out.flush();
                    }
                    if (answer.close()) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the connection is gone
            } finally {
                open.remove(s);
            }
        }

        /** One line in ISO-8859-1 without its CRLF; null at the end of the stream before any byte. */
        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                b.append((char) c);
            }
            if (c < 0 && b.length() == 0) {
                return null;
            }
            if (c < 0) {
                throw new EOFException("end of stream in a line");
            }
            return b.length() > 0 && b.charAt(b.length() - 1) == '\r' ? b.substring(0, b.length() - 1) : b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            closeConnections();
        }
    }
}
