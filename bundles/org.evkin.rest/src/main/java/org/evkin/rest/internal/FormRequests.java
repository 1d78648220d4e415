package org.evkin.rest.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests a rater's phone sends for every form — the link, the form, its autosaves and its submit — answered
 * without Jersey when they succeed: the same {@link LinkResource} methods, the same Jackson mapper, the same status and
 * headers, but not Jersey's per-request routing, scopes and interceptors, which cost the server about 0.8 ms of CPU per
 * submitted form, 18 % of what it spends (docs/benchmarks.md, 2026-11-29 13:13–15:06).
 *
 * <p>It takes a request only in the exact shapes the pages and the app send (see {@link #shape}); anything else is left
 * to Jersey untouched. A request it takes that does not succeed — an unknown link, a closed period, a body that is not
 * a JSON object, the database away — goes to Jersey too, with its body replayed, so every refusal is Jersey's and the
 * error mapper's as before. The workflow's calls may run twice then; each runs in one transaction that a failure rolls
 * back, and a submit run twice answers the form as stored.
 */
final class FormRequests {

    private static final Logger LOG = LoggerFactory.getLogger(FormRequests.class);

    /** The content type Jersey gives these answers (LinkResource's @Produces). */
    static final String JSON = "application/json;charset=UTF-8";

    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() { };

    private final LinkResource links;
    private final ObjectMapper mapper;
    /** Jersey's Jackson provider refuses anything after the body's JSON value (BadInputIT): so does this reader. */
    private final ObjectReader reader;
    private final AtomicLong answered = new AtomicLong();

    FormRequests(LinkResource links, ObjectMapper mapper) {
        this.links = links;
        this.mapper = mapper;
        this.reader = mapper.readerFor(BODY).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The requests taken: the link's summary, and per part (1, or 2 with its program) the form, a draft and the submit. */
    enum Kind { LINK, FORM, DRAFT, SUBMIT }

    /** A request in a shape this class answers: what it asks for, the token, the part and its program (Part 2). */
    record Shape(Kind kind, String token, int part, String program) { }

    /** How many requests were answered here, not by Jersey (for tests). */
    long answered() {
        return answered.get();
    }

    /**
     * Answers the request if it is one of the form requests and succeeds. Returns null when it was answered; otherwise
     * the request to hand to Jersey: the same one, or one that replays the body read here.
     */
    HttpServletRequest answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Shape shape = shape(req.getMethod(), req.getRequestURI(), req.getContextPath() + req.getServletPath(), req.getQueryString());
        if (shape == null || !acceptsJson(req.getHeader("Accept")) || repeated(req, "Accept")) {
            return req;
        }
        byte[] body = null;
        Map<String, Object> json = null;
        if (shape.kind == Kind.DRAFT || shape.kind == Kind.SUBMIT) {
            if (!isJson(req.getContentType()) || repeated(req, "Content-Type")) {
                return req;
            }
            Body read = Body.read(req.getInputStream(), ApiServlet.MAX_JSON_BYTES);
            body = read.bytes;
            if (read.whole) {
                try {
                    json = body.length == 0 ? null : reader.readValue(body);
                } catch (IOException | RuntimeException e) {
                    json = null;
                }
            }
            if (json == null) {
                // empty, not a JSON object, over the limit (Jersey reads the rest, as before) or not readable (Jersey
                // meets the same failure): Jersey's answer
                return replay(req, body, read.failure);
            }
        }
        byte[] out;
        Response r;
        try {
            r = call(shape, req.getHeader(LinkResource.PREFER), json);
            out = mapper.writeValueAsBytes(r.getEntity());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Form request {} left to Jersey after {}", shape.kind, e.toString());
            return body == null ? req : replay(req, body, null);
        }
        resp.setStatus(r.getStatus());
        r.getStringHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
        resp.setContentType(JSON);
        resp.setContentLength(out.length);
        answered.incrementAndGet();
        try {
            resp.getOutputStream().write(out);
        } catch (IOException e) {
            if (!ErrorMapper.clientWentAway(e)) {
                throw e;
            }
            LOG.debug("The client left before the answer was written to the end: {}", e.toString());
        }
        return null;
    }

    private Response call(Shape s, String prefer, Map<String, Object> body) {
        return switch (s.kind) {
            case LINK -> links.access(s.token);
            case FORM -> s.part == 1 ? links.part1(s.token) : links.part2(s.token, s.program);
            case DRAFT -> s.part == 1 ? links.part1Draft(s.token, prefer, body) : links.part2Draft(s.token, s.program, prefer, body);
            case SUBMIT -> s.part == 1 ? links.part1Submit(s.token, body) : links.part2Submit(s.token, s.program, body);
        };
    }

    /**
     * The form request a method and raw path stand for, or null. Only paths under the servlet's prefix whose segments
     * are plain (letters, digits, "-", "_", "."; nothing to decode, no "." or ".." segment, no empty one) and that have
     * no query string: whatever Jersey would read differently from the raw text stays with Jersey.
     */
    static Shape shape(String method, String uri, String prefix, String query) {
        if (query != null || uri == null || !uri.startsWith(prefix + "/t/")) {
            return null;
        }
        String[] s = uri.substring(prefix.length() + 3).split("/", -1);
        for (String segment : s) {
            if (!plain(segment)) {
                return null;
            }
        }
        String token = s[0];
        if (s.length == 1) {
            return "GET".equals(method) ? new Shape(Kind.LINK, token, 0, null) : null;
        }
        int part = "part1".equals(s[1]) ? 1 : "part2".equals(s[1]) ? 2 : 0;
        int fixed = part == 1 ? 2 : 3; // segments before draft/submit: token, part1 | token, part2, program
        if (part == 0 || s.length < fixed || s.length > fixed + 1) {
            return null;
        }
        String program = part == 2 ? s[2] : null;
        if (s.length == fixed) {
            return "GET".equals(method) ? new Shape(Kind.FORM, token, part, program) : null;
        }
        String last = s[fixed];
        if ("draft".equals(last) && "PUT".equals(method)) {
            return new Shape(Kind.DRAFT, token, part, program);
        }
        if ("submit".equals(last) && "POST".equals(method)) {
            return new Shape(Kind.SUBMIT, token, part, program);
        }
        return null;
    }

    private static boolean plain(String segment) {
        if (segment.isEmpty() || segment.length() > 200 || segment.chars().allMatch(c -> c == '.')) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** No Accept header, or one that names JSON plainly; lists, quality values and anything else go to Jersey's negotiation. */
    static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        String a = accept.strip().toLowerCase(Locale.ROOT);
        return List.of("application/json", "*/*", "application/*").contains(a);
    }

    /** application/json, with at most the UTF-8 charset (the only one Jackson then reads as Jersey does). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
        return t.equals("application/json") || t.equals("application/json;charset=utf-8") || t.equals("application/json;charset=\"utf-8\"");
    }

    /** A request body as read here: its bytes, whether that is all of it, and the failure that stopped the reading. */
    record Body(byte[] bytes, boolean whole, Throwable failure) {

        /** Reads to the end, or to a little beyond limit bytes (never dropping a byte read), or to a failure. */
        static Body read(InputStream in, long limit) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > limit) {
                        return new Body(out.toByteArray(), false, null);
                    }
                }
                return new Body(out.toByteArray(), true, null);
            } catch (IOException | RuntimeException e) {
                return new Body(out.toByteArray(), false, e);
            }
        }
    }

    /** Whether the header comes more than once (Jersey would read the values together). */
    private static boolean repeated(HttpServletRequest req, String name) {
        if (req.getHeader(name) == null) {
            return false;
        }
        java.util.Enumeration<String> values = req.getHeaders(name);
        values.nextElement();
        return values.hasMoreElements();
    }

    /**
     * The request with the body bytes already read put back in front of the rest of its stream, or, when reading it
     * failed, in front of that failure again.
     */
    private static HttpServletRequest replay(HttpServletRequest req, byte[] read, Throwable failure) throws IOException {
        InputStream rest = failure == null ? req.getInputStream() : new InputStream() {
            @Override
            public int read() throws IOException {
                if (failure instanceof IOException e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
        };
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(read), rest);
        ServletInputStream in = new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = whole.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = whole.read(b, off, len);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("a replayed body is read blocking");
            }
        };
        return new HttpServletRequestWrapper(req) {
            @Override
            public ServletInputStream getInputStream() {
                return in;
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)); // isJson: UTF-8 or none
            }
        };
    }
}
