package org.evkin.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends one request and reads its answer: through the JDK HttpClient (HTTP/1.1, no redirects followed) when it can
 * express the request, else byte for byte over a socket (invalid percent-encodings, raw bytes in the path, lying or
 * negative Content-Length, broken chunking, header folding...).
 */
final class Wire {

    static final int TIMEOUT_SECONDS = 60;
    private static final int MAX_ANSWER = 64 << 20;

    /** A request as sent. raw != null: exactly these bytes over a socket, the other fields only describe it. */
    record Req(String method, String target, List<String[]> headers, byte[] body, byte[] raw) {

        Req {
            headers = List.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        /** The path without query and fragment, as the target was written (not decoded). */
        String path() {
            String t = withoutFragment();
            int q = t.indexOf('?');
            return q < 0 ? t : t.substring(0, q);
        }

        String query() {
            String t = withoutFragment();
            int q = t.indexOf('?');
            return q < 0 ? "" : t.substring(q + 1);
        }

        /** A fragment is not sent by HTTP clients (the JDK client drops it): what the server sees ends before '#'. */
        private String withoutFragment() {
            int h = target.indexOf('#');
            return h < 0 ? target : target.substring(0, h);
        }

        boolean safeMethod() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }

        Req withHeader(String name, String value) {
            List<String[]> h = new ArrayList<>();
            boolean replaced = false;
            for (String[] x : headers) {
                if (x[0].equalsIgnoreCase(name)) {
                    if (!replaced && value != null) {
                        h.add(new String[] {x[0], value});
                    }
                    replaced = true;
                } else {
                    h.add(x);
                }
            }
            if (!replaced && value != null) {
                h.add(new String[] {name, value});
            }
            return new Req(method, target, h, body, raw);
        }

        Req withTarget(String t) {
            return new Req(method, t, headers, body, raw);
        }

        /** One line for the report: method, target (cut), body size and type. */
        String summary() {
            String t = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + " chars)" : target;
            String ct = header("Content-Type");
            return (raw != null ? "RAW " : "") + method + " " + Text.printable(t) + (body.length > 0 ? " [" + body.length + " bytes"
                    + (ct == null ? "" : ", " + Text.printable(Text.cut(ct, 80))) + "]" : "");
        }
    }

    /** An answer; status 0 when none came (error says why). */
    record Resp(int status, List<String[]> headers, byte[] body, long nanos, String error) {

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        String contentType() {
            String ct = header("Content-Type");
            return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean binary() {
            String ct = contentType();
            return ct.contains("pdf") || ct.contains("zip") || ct.contains("spreadsheetml") || ct.startsWith("image/")
                    || ct.contains("octet-stream");
        }
    }

    private final int port;
    private final HttpClient client;

    Wire(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Resp send(Req r) {
        if (r.raw() != null) {
            return sendRaw(r.raw());
        }
        HttpRequest request;
        try {
            request = build(r);
        } catch (IllegalArgumentException e) {
            // the JDK client refuses it (a URI it cannot parse, a header it does not allow): send the same bytes by hand
            return sendRaw(render(r, port));
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> resp = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = resp.body()) {
                body = in.readNBytes(MAX_ANSWER);
            }
            List<String[]> headers = new ArrayList<>();
            resp.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(new String[] {k, v})));
            return new Resp(resp.statusCode(), headers, body, System.nanoTime() - t0, null);
        } catch (IOException e) {
            return new Resp(0, List.of(), new byte[0], System.nanoTime() - t0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the JDK client can send this request as it is (else it goes out byte for byte). */
    boolean accepts(Req r) {
        try {
            build(r);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private HttpRequest build(Req r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + r.target())).timeout(Duration.ofSeconds(TIMEOUT_SECONDS));
        for (String[] h : r.headers()) {
            b.header(h[0], h[1]);
        }
        boolean bodyless = r.body().length == 0 && (r.method().equals("GET") || r.method().equals("HEAD")
                || r.method().equals("DELETE") || r.method().equals("OPTIONS"));
        b.method(r.method(), bodyless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        return b.build();
    }

    /** The request as bytes on the wire: what the JDK client would have sent, with Connection: close. */
    static byte[] render(Req r, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
        if (r.header("Host") == null) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        for (String[] h : r.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\nConnection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(r.body());
        return out.toByteArray();
    }

    /** Writes the bytes, half-closes, and reads everything the server answers until it closes (or 20 s pass). */
    Resp sendRaw(byte[] bytes) {
        long t0 = System.nanoTime();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        String error = null;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                error = "while writing: " + e;
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) > 0 && answer.size() < MAX_ANSWER;) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                error = (error == null ? "" : error + "; ") + "no end of answer within 20 s";
            } catch (IOException e) {
                error = (error == null ? "" : error + "; ") + e;
            }
        } catch (IOException e) {
            error = e.toString();
        }
        return parseRaw(answer.toByteArray(), System.nanoTime() - t0, error);
    }

    /** The first answer of a raw exchange; the whole stream stays the body, so every check sees every answer in it. */
    static Resp parseRaw(byte[] a, long nanos, String error) {
        String s = new String(a, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        if (!s.startsWith("HTTP/") || end < 0) {
            return new Resp(0, List.of(), a, nanos, error == null ? "no HTTP answer (" + a.length + " bytes)" : error);
        }
        String[] lines = s.substring(0, end).split("\r\n");
        int status;
        try {
            status = Integer.parseInt(lines[0].split(" ")[1].strip());
        } catch (RuntimeException e) {
            return new Resp(0, List.of(), a, nanos, "unreadable status line: " + Text.printable(lines[0]));
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.add(new String[] {lines[i].substring(0, c).strip(), lines[i].substring(c + 1).strip()});
            }
        }
        byte[] body = new byte[a.length - end - 4];
        System.arraycopy(a, end + 4, body, 0, body.length);
        return new Resp(status, headers, body, nanos, error);
    }
}
