package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evkin.rest.internal.FormRequests.Kind;
import org.evkin.rest.internal.FormRequests.Shape;
import org.evkin.workflow.FormInput;
import org.evkin.workflow.FormService;
import org.evkin.workflow.FormView;
import org.evkin.workflow.RaterRole;
import org.evkin.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

/**
 * The form requests answered without Jersey: which requests are taken, what a taken one answers, and that one that
 * fails reaches Jersey with its whole body. (BadInputIT compares the answers with Jersey's on the assembled server.)
 */
class FormRequestsTest {

    private static final String T = "Ab3-_x";
    private static final FormView VIEW = new FormView(2, "COP-BISINDO-2025", "CoP BISINDO", "1.0.0", RaterRole.DIRI, "DRAFT", 7,
            true, List.of(new FormView.Section(5, "Sub 5", List.of(new FormView.Entry("I-1", "Saya ...", null)))),
            Map.of("I-1", "3"), Set.of(), Set.of(), Map.of(1, "Tidak"), "Tidak teramati");
    private final ObjectMapper mapper = new JsonMapperProvider().getContext(Object.class);

    @Test
    void onlyThePlainShapesOfTheFormRequestsAreTaken() {
        assertEquals(new Shape(Kind.LINK, T, 0, null), FormRequests.shape("GET", "/api/t/" + T, "/api", null));
        assertEquals(new Shape(Kind.FORM, T, 1, null), FormRequests.shape("GET", "/api/t/" + T + "/part1", "/api", null));
        assertEquals(new Shape(Kind.DRAFT, T, 1, null), FormRequests.shape("PUT", "/api/t/" + T + "/part1/draft", "/api", null));
        assertEquals(new Shape(Kind.SUBMIT, T, 1, null), FormRequests.shape("POST", "/api/t/" + T + "/part1/submit", "/api", null));
        assertEquals(new Shape(Kind.FORM, T, 2, "GENAI-PAK-2025"), FormRequests.shape("GET", "/api/t/" + T + "/part2/GENAI-PAK-2025", "/api", null));
        assertEquals(new Shape(Kind.DRAFT, T, 2, "P.1"), FormRequests.shape("PUT", "/api/t/" + T + "/part2/P.1/draft", "/api", null));
        assertEquals(new Shape(Kind.SUBMIT, T, 2, "P"), FormRequests.shape("POST", "/api/t/" + T + "/part2/P/submit", "/api", null));
        assertEquals(new Shape(Kind.LINK, T, 0, null), FormRequests.shape("GET", "/ctx/api/t/" + T, "/ctx/api", null));
        for (String[] no : List.of(
                new String[] {"HEAD", "/api/t/" + T}, new String[] {"POST", "/api/t/" + T}, new String[] {"GET", "/api/t/" + T + "/"},
                new String[] {"GET", "/api/t/"}, new String[] {"GET", "/api/t//part1"}, new String[] {"GET", "/api/t/%41bc"},
                new String[] {"GET", "/api/t/abc;x=1"}, new String[] {"GET", "/api/t/.."}, new String[] {"GET", "/api/t/a/../b"},
                new String[] {"GET", "/api/t/" + T + "/raters"}, new String[] {"POST", "/api/t/" + T + "/identity"},
                new String[] {"PUT", "/api/t/" + T + "/profile"}, new String[] {"GET", "/api/t/" + T + "/part2"},
                new String[] {"POST", "/api/t/" + T + "/part2/P/draft"}, new String[] {"PUT", "/api/t/" + T + "/part2/P/submit"},
                new String[] {"GET", "/api/t/" + T + "/part2/P/draft"}, new String[] {"PUT", "/api/t/" + T + "/part1/x/draft"},
                new String[] {"PUT", "/api/t/" + T + "/part2/P/draft/x"}, new String[] {"GET", "/api/t/" + T + "/part3/P"},
                new String[] {"GET", "/api/cycles"}, new String[] {"GET", "/api/tt/" + T}, new String[] {"GET", "/api/t/" + "a".repeat(201)},
                new String[] {"get", "/api/t/" + T})) {
            assertNull(FormRequests.shape(no[0], no[1], "/api", null), String.join(" ", no));
        }
        assertNull(FormRequests.shape("GET", "/api/t/" + T, "/api", "x=1"), "a query string goes to Jersey");
    }

    @Test
    void onlyPlainJsonIsTakenByTheAcceptAndContentTypeHeaders() {
        for (String yes : new String[] {null, "application/json", "*/*", "application/*", " Application/JSON "}) {
            assertTrue(FormRequests.acceptsJson(yes), yes);
        }
        for (String no : new String[] {"text/html", "application/json;q=0", "application/json, text/html", "application/xml", ""}) {
            assertFalse(FormRequests.acceptsJson(no), no);
        }
        for (String yes : new String[] {"application/json", "application/json; charset=UTF-8", "APPLICATION/JSON;charset=utf-8"}) {
            assertTrue(FormRequests.isJson(yes), yes);
        }
        for (String no : new String[] {null, "", "text/plain", "application/json; charset=UTF-16", "application/json;x=1",
                "application/jsonx", "application/x-www-form-urlencoded"}) {
            assertFalse(FormRequests.isJson(no), no);
        }
    }

    @Test
    void anAutosaveIsAnsweredWithTheResourcesStatusHeadersAndJson() throws Exception {
        List<Object[]> calls = new ArrayList<>();
        FormRequests requests = requests((method, args) -> {
            calls.add(new Object[] {method, args});
            return VIEW;
        });
        Exchange x = new Exchange("PUT", "/api/t/" + T + "/part2/COP-BISINDO-2025/draft", "{\"answers\":{\"I-1\":3,\"I-2\":\"NA\"}}");
        x.headers.put("Prefer", "return=minimal");
        assertNull(requests.answer(x.request(), x.response()), "answered here");
        assertEquals(1, requests.answered());
        assertEquals(200, x.status);
        assertEquals(FormRequests.JSON, x.contentType);
        assertEquals(List.of("private, no-store, no-transform"), x.out.get("Cache-Control"));
        assertEquals(List.of("return=minimal"), x.out.get("Preference-Applied"));
        Map<String, Object> minimal = new LinkedHashMap<>();
        minimal.put("status", "DRAFT");
        minimal.put("revision", 7);
        minimal.put("answered", 1);
        assertArrayEquals(mapper.writeValueAsBytes(minimal), x.body.toByteArray());
        assertEquals(x.body.size(), x.contentLength);
        assertEquals(1, calls.size());
        assertEquals("saveDraft", calls.get(0)[0]);
        Object[] args = (Object[]) calls.get(0)[1];
        assertEquals(List.of(T, 2, "COP-BISINDO-2025"), List.of(args[0], args[1], args[2]));
        assertEquals(Map.of("I-1", "3", "I-2", "NA"), ((FormInput) args[3]).answers());
    }

    @Test
    void aFormIsAnsweredAsJerseyWritesIt() throws Exception {
        FormRequests requests = requests((method, args) -> "form".equals(method) && args[1].equals(2) ? VIEW : null);
        Exchange x = new Exchange("GET", "/api/t/" + T + "/part2/COP-BISINDO-2025", null);
        x.headers.put("Accept", "application/json");
        assertNull(requests.answer(x.request(), x.response()));
        assertArrayEquals(mapper.writeValueAsBytes(VIEW), x.body.toByteArray());
        assertEquals(List.of("private, no-store, no-transform"), x.out.get("Cache-Control"));
    }

    @Test
    void aRequestInAnotherShapeGoesToJerseyUntouched() throws Exception {
        FormRequests requests = requests((method, args) -> {
            throw new AssertionError("not called: " + method);
        });
        Exchange html = new Exchange("GET", "/api/t/" + T, null);
        html.headers.put("Accept", "text/html");
        Exchange form = new Exchange("PUT", "/api/t/" + T + "/part2/P/draft", "a=b");
        form.headers.put("Content-Type", "application/x-www-form-urlencoded");
        Exchange twice = new Exchange("GET", "/api/t/" + T, null);
        twice.headers.put("Accept", "application/json");
        twice.extraAccept = "text/html";
        for (Exchange x : List.of(html, form, twice, new Exchange("GET", "/api/t/" + T + "/raters", null))) {
            HttpServletRequest req = x.request();
            assertSame(req, requests.answer(req, x.response()), x.uri);
            assertEquals(0, x.status, "nothing written");
            assertEquals(0, x.read, "nothing read");
        }
        assertEquals(0, requests.answered());
    }

    @Test
    void aTakenRequestThatFailsReachesJerseyWithItsWholeBody() throws Exception {
        FormRequests requests = requests((method, args) -> {
            throw new WorkflowException(WorkflowException.Kind.GONE, "periodOver", "Masa pengisian sudah berakhir.");
        });
        String body = "{\"answers\":{\"I-1\":\"4\"}}";
        Exchange x = new Exchange("POST", "/api/t/" + T + "/part2/P/submit", body);
        HttpServletRequest toJersey = requests.answer(x.request(), x.response());
        assertNotNull(toJersey);
        assertEquals(body, new String(toJersey.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, x.status, "Jersey answers it");

        FormRequests never = requests((method, args) -> {
            throw new AssertionError("not called: " + method);
        });
        for (String broken : new String[] {"", "{\"answers\": [", "[1,2]", "null", "\"x\"", "\u00ff\u00fe", "{\"answers\":{}} {"}) {
            Exchange b = new Exchange("PUT", "/api/t/" + T + "/part1/draft", broken);
            HttpServletRequest replayed = never.answer(b.request(), b.response());
            assertNotNull(replayed, broken);
            assertEquals(broken, new String(replayed.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, b.status);
        }
    }

    @Test
    void aBodyOverTheLimitIsReplayedWholeBeyondWhatWasRead() throws Exception {
        FormRequests requests = requests((method, args) -> {
            throw new AssertionError("not called: " + method);
        });
        String big = "{\"answers\":{\"x\":\"" + "9".repeat((int) ApiServlet.MAX_JSON_BYTES + 10) + "\"}}";
        Exchange x = new Exchange("PUT", "/api/t/" + T + "/part2/P/draft", big);
        HttpServletRequest replayed = requests.answer(x.request(), x.response());
        assertNotNull(replayed);
        assertEquals(big, new String(replayed.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBodyThatCannotBeReadReachesJerseyWithWhatCameAndThenTheSameFailure() throws Exception {
        FormRequests requests = requests((method, args) -> {
            throw new AssertionError("not called: " + method);
        });
        java.io.IOException cut = new java.io.EOFException("early EOF");
        Exchange x = new Exchange("PUT", "/api/t/" + T + "/part2/P/draft", "{\"answers\":{\"I-1\"");
        x.failure = cut;
        HttpServletRequest replayed = requests.answer(x.request(), x.response());
        assertNotNull(replayed);
        java.io.InputStream in = replayed.getInputStream();
        assertEquals("{\"answers\":{\"I-1\"", new String(in.readNBytes(x.in.length), StandardCharsets.UTF_8));
        assertSame(cut, org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, in::read));
        assertEquals(0, x.status);
    }

    @Test
    void aBodyIsReadWholeOrToJustBeyondTheLimitWithoutLosingAByte() {
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        FormRequests.Body b = FormRequests.Body.read(new ByteArrayInputStream(small), 10);
        assertTrue(b.whole());
        assertArrayEquals(small, b.bytes());
        byte[] big = new byte[20_000];
        FormRequests.Body over = FormRequests.Body.read(new ByteArrayInputStream(big), 10_000);
        assertFalse(over.whole());
        assertNull(over.failure());
        assertTrue(over.bytes().length > 10_000 && over.bytes().length <= 20_000, "stops soon after the limit");
    }

    private FormRequests requests(Stubs.Answer forms) {
        FormService service = Stubs.of(FormService.class, forms);
        return new FormRequests(new LinkResource(() -> service), mapper);
    }

    /** One request and what was answered to it. */
    private static final class Exchange {
        final String method;
        final String uri;
        final byte[] in;
        final Map<String, String> headers = new HashMap<>();
        String extraAccept;
        java.io.IOException failure;
        int read;
        int status;
        String contentType;
        long contentLength = -1;
        final Map<String, List<String>> out = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Exchange(String method, String uri, String body) {
            this.method = method;
            this.uri = uri;
            this.in = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                headers.put("Content-Type", "application/json; charset=UTF-8");
            }
        }

        HttpServletRequest request() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(in);
            ServletInputStream stream = Stubs.input(new java.io.InputStream() {
                @Override
                public int read() throws java.io.IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    if (failure != null && bytes.available() == 0) {
                        throw failure;
                    }
                    int n = bytes.read(b, off, len);
                    read += Math.max(n, 0);
                    return n;
                }
            });
            return Stubs.of(HttpServletRequest.class, (m, args) -> switch (m) {
                case "getMethod" -> method;
                case "getRequestURI" -> uri;
                case "getContextPath" -> "";
                case "getServletPath" -> "/api";
                case "getQueryString" -> null;
                case "getContentType" -> headers.get("Content-Type");
                case "getHeader" -> headers.get((String) args[0]);
                case "getHeaders" -> {
                    List<String> values = new ArrayList<>();
                    if (headers.get((String) args[0]) != null) {
                        values.add(headers.get((String) args[0]));
                    }
                    if ("Accept".equals(args[0]) && extraAccept != null) {
                        values.add(extraAccept);
                    }
                    yield Collections.enumeration(values);
                }
                case "getInputStream" -> stream;
                default -> null;
            });
        }

        HttpServletResponse response() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return Stubs.of(HttpServletResponse.class, (m, args) -> {
                switch (m) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "addHeader" -> out.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                    case "setContentType" -> contentType = (String) args[0];
                    case "setContentLength" -> contentLength = (Integer) args[0];
                    case "getOutputStream" -> {
                        return stream;
                    }
                    default -> {
                    }
                }
                return null;
            });
        }
    }
}
