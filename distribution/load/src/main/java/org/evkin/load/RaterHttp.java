package org.evkin.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The raters' HTTP client: blocking HTTP/1.1 keep-alive on one socket per rater thread (no selector, thread pool or
 * hand-offs), because the generator shares the machine's 2 cores with the server and MariaDB and every millisecond of
 * CPU it spends is taken from them.
 *
 * <p>A request that gets no complete answer (refused, reset, closed mid-response, timed out) throws an IOException and
 * its socket is closed and discarded: the next request opens a new one. Only a kept-alive socket that the server closed
 * while idle (end of stream before a single byte of the answer) is retried once, on a new socket, without an exception.
 */
public final class RaterHttp implements AutoCloseable {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_LINE = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final String host;
    private final int port;
    private final String prefix;
    private final String hostHeader;
    private final int readTimeoutMillis;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(Connection::new);
    private volatile boolean closed;

    /** base: http://host[:port][/prefix], as {@link Http#base()}. */
    public RaterHttp(String base) {
        this(base, READ_TIMEOUT_MILLIS);
    }

    RaterHttp(String base, int readTimeoutMillis) {
        URI uri = URI.create(base);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http://host[:port] address: " + base);
        }
        String h = uri.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = uri.getPort() == -1 ? 80 : uri.getPort();
        this.hostHeader = uri.getPort() == -1 ? h : h + ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** As {@link Http#send(String, String, String, Object)}: the body (if any) as JSON; throws only when no answer came. */
    public Http.Reply send(String method, String path, String bearer, Object jsonBody) throws IOException {
        return send(method, path, bearer, jsonBody, null);
    }

    /** With a Prefer header (RFC 7240) when prefer is not null: form.js's autosave sends "return=minimal". */
    public Http.Reply send(String method, String path, String bearer, Object jsonBody, String prefer) throws IOException {
        return sendJsonText(method, path, bearer, jsonBody == null ? null : Http.JSON.writeValueAsString(jsonBody), prefer);
    }

    /** Sends a request (body: JSON text as is, or null) on this thread's socket and reads the whole answer. */
    public Http.Reply sendJsonText(String method, String path, String bearer, String jsonBody) throws IOException {
        return sendJsonText(method, path, bearer, jsonBody, null);
    }

    private Http.Reply sendJsonText(String method, String path, String bearer, String jsonBody, String prefer) throws IOException {
        if (closed) {
            throw new IOException("client closed");
        }
        Connection c = connections.get();
        c.request(method, prefix + path, bearer, prefer, jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
        boolean head = "HEAD".equals(method);
        long t0 = System.nanoTime();
        for (int attempt = 0;; attempt++) {
            boolean reused = c.socket != null;
            if (!reused) {
                c.open();
            }
            try {
                c.out.write(c.req, 0, c.reqLength);
                Http.Reply reply = c.response(head, t0);
                return reply;
            } catch (ClosedWhileIdle e) {
                c.discard();
                if (!reused || attempt > 0) {
                    throw e;
                }
                // the server closed this kept-alive socket while it was idle: once more on a new one
            } catch (IOException | RuntimeException e) {
                c.discard();
                throw e;
            }
        }
    }

    /** Closes every socket this client opened; a request sent afterwards throws. */
    @Override
    public void close() {
        closed = true;
        for (Socket s : sockets) {
            closeQuietly(s);
            sockets.remove(s);
        }
    }

    /** The sockets open now (tests). */
    int openSockets() {
        return sockets.size();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** End of stream before the first byte of an answer on a socket that had answered before. */
    private static final class ClosedWhileIdle extends EOFException {
        ClosedWhileIdle() {
            super("connection closed before any byte of the answer");
        }
    }

    /** One thread's socket and its buffers (reused from request to request). */
    private final class Connection {
        Socket socket;
        InputStream in;
        OutputStream out;
        byte[] req = new byte[4096];
        int reqLength;
        final byte[] buf = new byte[16 * 1024];
        int pos;
        int lim;
        /** Bytes of the current answer received so far. */
        long received;
        byte[] line = new byte[256];
        int lineLength;
        byte[] body = new byte[16 * 1024];
        int bodyLength;

        void open() throws IOException {
            Socket s = new Socket();
            sockets.add(s);
            try {
                if (closed) {
                    throw new IOException("client closed");
                }
                s.setTcpNoDelay(true);
                s.setSoTimeout(readTimeoutMillis);
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                in = s.getInputStream();
                out = s.getOutputStream();
            } catch (IOException | RuntimeException e) {
                sockets.remove(s);
                closeQuietly(s);
                throw e;
            }
            socket = s;
            pos = 0;
            lim = 0;
        }

        void discard() {
            if (socket != null) {
                sockets.remove(socket);
                closeQuietly(socket);
            }
            socket = null;
            in = null;
            out = null;
            pos = 0;
            lim = 0;
        }

        void request(String method, String target, String bearer, String prefer, byte[] body) {
            reqLength = 0;
            checked(method);
            put((byte) ' ');
            for (int i = 0; i < target.length(); i++) {
                char ch = target.charAt(i);
                if (ch <= ' ' || ch >= 0x7f) {
                    throw new IllegalArgumentException("not a plain ASCII request target: " + target);
                }
            }
            ascii(target);
            ascii(" HTTP/1.1\r\nHost: ");
            ascii(hostHeader);
            ascii("\r\nAccept: application/json\r\n");
            if (bearer != null) {
                ascii("Authorization: Bearer ");
                checked(bearer);
                put(CRLF, 0, 2);
            }
            if (prefer != null) {
                ascii("Prefer: ");
                checked(prefer);
                put(CRLF, 0, 2);
            }
            if (body != null) {
                ascii("Content-Type: application/json; charset=UTF-8\r\nContent-Length: ");
                ascii(Integer.toString(body.length));
                put(CRLF, 0, 2);
            } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
                ascii("Content-Length: 0\r\n");
            }
            put(CRLF, 0, 2);
            if (body != null) {
                put(body, 0, body.length);
            }
        }

        /** A value from the caller: no line break, nothing beyond ISO-8859-1. */
        private void checked(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\r' || ch == '\n' || ch > 0xff) {
                    throw new IllegalArgumentException("not allowed in a request head: " + s);
                }
            }
            ascii(s);
        }

        private void ascii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                req[reqLength++] = (byte) s.charAt(i);
            }
        }

        private void put(byte b) {
            ensure(1);
            req[reqLength++] = b;
        }

        private void put(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, req, reqLength, n);
            reqLength += n;
        }

        private void ensure(int n) {
            if (reqLength + n > req.length) {
                req = Arrays.copyOf(req, Math.max(req.length * 2, reqLength + n));
            }
        }

        /** Reads one answer (skipping 1xx interim ones); closes the socket afterwards when the server will not reuse it. */
        Http.Reply response(boolean head, long t0) throws IOException {
            received = 0;
            int status;
            boolean keepAlive;
            long contentLength;
            boolean chunked;
            String retryAfter;
            do {
                readLine();
                if (lineLength < 12 || !startsWith(line, 0, "HTTP/1.") || line[8] != ' ') {
                    throw new IOException("not an HTTP/1.x status line: " + new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                }
                boolean http10 = line[7] == '0';
                status = digit(line[9]) * 100 + digit(line[10]) * 10 + digit(line[11]);
                if (status < 100 || lineLength > 12 && line[12] != ' ') {
                    throw new IOException("bad status line: " + new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                }
                keepAlive = !http10;
                contentLength = -1;
                chunked = false;
                retryAfter = null;
                while (true) {
                    readLine();
                    if (lineLength == 0) {
                        break;
                    }
                    int colon = indexOf(line, 0, lineLength, (byte) ':');
                    if (colon <= 0 || colon == lineLength) {
                        throw new IOException("bad header line: " + new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                    }
                    int from = colon + 1;
                    int to = lineLength;
                    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
                        from++;
                    }
                    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
                        to--;
                    }
                    if (nameIs(colon, "Content-Length")) {
                        contentLength = parseLength(from, to);
                    } else if (nameIs(colon, "Transfer-Encoding")) {
                        // chunked, when it is the last coding
                        chunked = to - from >= 7 && regionIs(to - 7, "chunked");
                    } else if (nameIs(colon, "Connection")) {
                        if (containsToken(from, to, "close")) {
                            keepAlive = false;
                        } else if (http10 && containsToken(from, to, "keep-alive")) {
                            keepAlive = true;
                        }
                    } else if (nameIs(colon, "Retry-After")) {
                        retryAfter = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
                    }
                }
                if (status == 101) {
                    throw new IOException("the server switched protocols");
                }
            } while (status < 200);

            bodyLength = 0;
            if (head || status == 204 || status == 304) {
                // no body
            } else if (chunked) {
                readChunked();
            } else if (contentLength >= 0) {
                if (contentLength > Integer.MAX_VALUE - 8) {
                    throw new IOException("answer too large: " + contentLength);
                }
                readBody((int) contentLength);
            } else {
                readToEnd();
                keepAlive = false;
            }
            long nanos = System.nanoTime() - t0;
            if (!keepAlive || pos < lim) {
                // not to be reused (or the server sent more than it announced: nothing after it can be trusted)
                discard();
            }
            return new Http.Reply(status, new String(body, 0, bodyLength, StandardCharsets.UTF_8), retryAfter, nanos);
        }

        private void readChunked() throws IOException {
            while (true) {
                readLine();
                long size = 0;
                int i = 0;
                for (; i < lineLength; i++) {
                    int d = Character.digit(line[i], 16);
                    if (d < 0) {
                        break;
                    }
                    size = size * 16 + d;
                    if (size > Integer.MAX_VALUE - 8) {
                        throw new IOException("chunk too large");
                    }
                }
                if (i == 0 || i < lineLength && line[i] != ';' && line[i] != ' ' && line[i] != '\t') {
                    throw new IOException("bad chunk size: " + new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                }
                if (size == 0) {
                    // trailers, up to the empty line
                    do {
                        readLine();
                    } while (lineLength > 0);
                    return;
                }
                readBody((int) size);
                readLine();
                if (lineLength != 0) {
                    throw new IOException("no CRLF after a chunk");
                }
            }
        }

        /** Appends exactly n bytes to the body. */
        private void readBody(int n) throws IOException {
            growBody(n);
            while (n > 0) {
                if (pos == lim && fill() < 0) {
                    throw new EOFException("connection closed in the middle of the body (" + n + " bytes missing)");
                }
                int k = Math.min(n, lim - pos);
                System.arraycopy(buf, pos, body, bodyLength, k);
                pos += k;
                bodyLength += k;
                n -= k;
            }
        }

        private void readToEnd() throws IOException {
            while (pos < lim || fill() >= 0) {
                int k = lim - pos;
                growBody(k);
                System.arraycopy(buf, pos, body, bodyLength, k);
                bodyLength += k;
                pos = lim;
            }
        }

        private void growBody(int n) {
            if (bodyLength + n > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
            }
        }

        /** One line without its CRLF (or LF) into line/lineLength. */
        private void readLine() throws IOException {
            lineLength = 0;
            while (true) {
                if (pos == lim && fill() < 0) {
                    throw received == 0 ? new ClosedWhileIdle() : new EOFException("connection closed in the middle of the answer");
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    if (lineLength > 0 && line[lineLength - 1] == '\r') {
                        lineLength--;
                    }
                    return;
                }
                if (lineLength == line.length) {
                    if (line.length >= MAX_LINE) {
                        throw new IOException("line longer than " + MAX_LINE + " bytes in the answer");
                    }
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }

        /** Reads what is there into the empty buffer; -1 at end of stream. */
        private int fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n > 0) {
                pos = 0;
                lim = n;
                received += n;
            }
            return n;
        }

        private boolean nameIs(int length, String name) {
            return length == name.length() && regionIs(0, name);
        }

        /** Whether line[from..] starts with s, ignoring ASCII case. */
        private boolean regionIs(int from, String s) {
            for (int i = 0; i < s.length(); i++) {
                if (lower(line[from + i]) != lower(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the comma-separated list line[from..to) holds the token, ignoring case. */
        private boolean containsToken(int from, int to, String token) {
            int i = from;
            while (i < to) {
                int end = indexOf(line, i, to, (byte) ',');
                int a = i;
                int b = end;
                while (a < b && (line[a] == ' ' || line[a] == '\t')) {
                    a++;
                }
                while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t')) {
                    b--;
                }
                if (b - a == token.length() && regionIs(a, token)) {
                    return true;
                }
                i = end + 1;
            }
            return false;
        }

        private long parseLength(int from, int to) throws IOException {
            if (from == to || to - from > 18) {
                throw new IOException("bad Content-Length: " + new String(line, from, to - from, StandardCharsets.ISO_8859_1));
            }
            long n = 0;
            for (int i = from; i < to; i++) {
                int d = line[i] - '0';
                if (d < 0 || d > 9) {
                    throw new IOException("bad Content-Length: " + new String(line, from, to - from, StandardCharsets.ISO_8859_1));
                }
                n = n * 10 + d;
            }
            return n;
        }
    }

    private static boolean startsWith(byte[] b, int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return to;
    }

    private static int digit(byte b) throws IOException {
        if (b < '0' || b > '9') {
            throw new IOException("bad status code");
        }
        return b - '0';
    }
}
