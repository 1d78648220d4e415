package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** Every failure becomes a JSON error with a message, whatever the request's headers and body look like. */
class ErrorMapperTest {

    private static final String UNAUTHORIZED_ID = "Akses admin memerlukan token yang sah";

    // bug 3: a malformed Accept-Language made the mapper itself fail (an empty 500 instead of the 401)
    @Test
    void aMalformedAcceptLanguageFallsBackToIndonesian() {
        for (String header : List.of(",,,", ";;;", "=", "q=abc,,", "\u0000", "*;q=x", "x".repeat(10_000) + ",,")) {
            Response r = Stubs.map(new BadRequest(401, "unauthorized", "error.unauthorized"), Map.of(HttpHeaders.ACCEPT_LANGUAGE, header));
            assertEquals(401, r.getStatus(), header);
            assertEquals("unauthorized", Stubs.error(r).error());
            assertTrue(Stubs.error(r).message().startsWith(UNAUTHORIZED_ID), Stubs.error(r).message());
        }
    }

    @Test
    void aPartlyReadableAcceptLanguageStillChoosesEnglish() {
        Response r = Stubs.map(new BadRequest(401, "unauthorized", "error.unauthorized"), Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en;q=0.9,,,"));
        assertTrue(Stubs.error(r).message().startsWith("Admin access needs a valid token"), Stubs.error(r).message());
        r = Stubs.map(new BadRequest(401, "unauthorized", "error.unauthorized"), Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en"));
        assertTrue(Stubs.error(r).message().startsWith("Admin access needs a valid token"), Stubs.error(r).message());
        assertEquals(List.of(Locale.ENGLISH), Messages.parseLeniently(",,,en;q=0.5,"));
        assertEquals(List.of(), Messages.parseLeniently(",,,"));
        assertEquals(List.of(), Messages.acceptable(null));
    }

    // found by DatabaseRestartIT: the database's own EOF (driver socket closed) is the server's problem, not the request's
    @Test
    void aDatabaseThatWentAwayIs503EvenWhenItsCauseIsAnEof() {
        Throwable driver = new java.sql.SQLNonTransientConnectionException("socket closed", new java.io.EOFException("unexpected end of stream"));
        Response r = Stubs.map(new org.evkin.store.StoreUnavailableException("The database cannot be reached", driver), Map.of());
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals("unavailable", Stubs.error(r).error());
        Response other = Stubs.map(new RuntimeException("mapping failed", new java.sql.SQLException("x", new java.io.EOFException())), Map.of());
        assertEquals(500, other.getStatus(), "an EOF inside a database failure is not a truncated request");
    }

    @Test
    void tooManyWholeCycleReportsAtOnceIs503WithRetryAfterAndAClearMessage() {
        Response r = Stubs.map(new ReportGate.Busy(20), Map.of());
        assertEquals(503, r.getStatus());
        assertEquals("20", r.getHeaderString("Retry-After"));
        assertEquals("reportsBusy", Stubs.error(r).error());
        assertEquals("Server sedang menyusun laporan lain untuk admin lain. Silakan coba lagi dalam 20 detik.", Stubs.error(r).message());
        Response en = Stubs.map(new ReportGate.Busy(7), Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en"));
        assertEquals("The server is building other reports for other admins. Please try again in 7 seconds.", Stubs.error(en).message());
    }

    @Test
    void anUnexpectedFailureWithAMalformedAcceptLanguageIsStillJson() {
        Response r = Stubs.map(new IllegalStateException("boom"), Map.of(HttpHeaders.ACCEPT_LANGUAGE, ",,,"));
        assertEquals(500, r.getStatus());
        assertEquals("internal", Stubs.error(r).error());
        assertTrue(Stubs.error(r).message().startsWith("Terjadi kesalahan pada server"));
    }

    // bug 5: a UTF-32 body: Jackson throws CharConversionException, an IOException that is no JsonProcessingException
    @Test
    void aBodyInUtf32IsBadJson() throws Exception {
        String json = "{\"name\":\"Siklus 2026\"}";
        List<byte[]> bodies = List.of(
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, json.getBytes(Charset.forName("UTF-32BE"))),
                concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, json.getBytes(Charset.forName("UTF-32BE"))),
                concat(new byte[] {0, 0, 0, '{', 0, 0, 0, '"', 0, 0}, new byte[] {(byte) 0xD8, 0, 0, 0}),
                new byte[] {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        int seen = 0;
        for (byte[] body : bodies) {
            IOException e;
            try {
                new ObjectMapper().readValue(body, Map.class);
                continue;
            } catch (IOException thrown) {
                e = thrown;
            }
            seen++;
            for (Throwable t : List.of(e, new ProcessingException(e))) {
                Response r = Stubs.map(t, Map.of());
                assertEquals(400, r.getStatus(), t.toString());
                assertEquals("badJson", Stubs.error(r).error());
            }
        }
        assertTrue(seen > 0);
        Response r = Stubs.map(new ProcessingException(new CharConversionException("Invalid UTF-32 character 0x7b000000")), Map.of());
        assertEquals(400, r.getStatus());
        assertEquals("badJson", Stubs.error(r).error());
        r = Stubs.map(new java.nio.charset.MalformedInputException(1), Map.of());
        assertEquals(400, r.getStatus());
    }

    // bug 13: bad chunking or a truncated body: Jetty's exceptions from reading the body were an empty 500
    @Test
    void anUnreadableRequestBodyIsA400() {
        for (Throwable t : List.of(new BadMessageException("bad chunk"), new IOException(new BadMessageException("bad chunk")),
                new ProcessingException(new EofException("Early EOF")), new EofException("Early EOF"),
                new IOException("Early EOF"))) {
            Response r = Stubs.map(t, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en"));
            assertEquals(400, r.getStatus(), t.toString());
            assertEquals("badRequest", Stubs.error(r).error());
            assertEquals("The request is not valid.", Stubs.error(r).message());
        }
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        Response r = Stubs.map(a, Map.of());
        assertEquals(500, r.getStatus());
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() throws Exception {
        java.util.Properties id = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var in = Messages.class.getResourceAsStream("messages.properties"); var in2 = Messages.class.getResourceAsStream("messages_en.properties")) {
            id.load(in);
            en.load(in2);
        }
        assertEquals(id.keySet(), en.keySet());
        assertThrows(java.util.MissingResourceException.class, () -> Messages.get(List.of(), "error.noSuchKey"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
