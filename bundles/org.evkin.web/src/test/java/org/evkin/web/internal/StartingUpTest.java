package org.evkin.web.internal;

import static org.evkin.web.internal.Fakes.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** The answers of the server while the pages and the API are not (or no longer) there. */
class StartingUpTest {

    @Test
    void whileStartingTheApiAnswersJson503WithRetryAfterAndThePagesAnIndonesianPage() throws Exception {
        Fakes.Response api = call(new StartingUp.Unavailable(), new Fakes.Request("POST", "/api/t/abc/draft"));
        assertEquals(503, api.status);
        assertEquals("5", api.header("Retry-After"));
        assertEquals("no-store", api.header("Cache-Control"));
        assertTrue(api.header("Content-Type").startsWith("application/json"));
        assertTrue(api.text().startsWith("{\"error\":\"unavailable\",\"message\":\"EvKin sedang tidak dapat"), api.text());

        Fakes.Response page = call(new StartingUp.Unavailable(), new Fakes.Request("GET", "/t/abc"));
        assertEquals(503, page.status);
        assertEquals("5", page.header("Retry-After"));
        assertTrue(page.text().startsWith("<!DOCTYPE html><html lang=\"id\">"), page.text());
        assertTrue(page.text().contains("Layanan sementara tidak tersedia"), page.text());
        assertTrue(page.text().contains("http-equiv=\"refresh\""), "the page reloads itself");
    }

    @Test
    void aRequestThatReachedAServletBeingWithdrawnGetsThe503NotJettysBare500() throws Exception {
        Fakes.Request req = new Fakes.Request("PUT", "/api/t/abc/draft");
        req.attributes.put(RequestDispatcher.ERROR_EXCEPTION, new ServletException("Servlet has been unregistered"));
        Fakes.Response r = call(new StartingUp.Failed(), req);
        assertEquals(503, r.status);
        assertEquals("5", r.header("Retry-After"));
        assertTrue(r.text().startsWith("{\"error\":\"unavailable\""), r.text());
    }

    @Test
    void anythingElseAServletThrowsGetsEvKins500WithAReferenceAndNoDetail() throws Exception {
        Fakes.Request req = new Fakes.Request("GET", "/t/abc");
        req.attributes.put(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail at line 42"));
        Fakes.Response page = call(new StartingUp.Failed(), req);
        assertEquals(500, page.status);
        assertNull(page.header("Retry-After"));
        assertTrue(page.text().startsWith("<!DOCTYPE html><html lang=\"id\">"), page.text());
        assertTrue(page.text().matches("(?s).*sebutkan kode [A-Z0-9]{8}\\..*"), page.text());
        assertFalse(page.text().contains("secret") || page.text().contains("IllegalState"), page.text());
        assertFalse(page.text().contains("refresh"), "an error page does not reload itself");

        Fakes.Request apiReq = new Fakes.Request("GET", "/api/cycles");
        apiReq.attributes.put(RequestDispatcher.ERROR_EXCEPTION, new ServletException("another message"));
        Fakes.Response api = call(new StartingUp.Failed(), apiReq);
        assertEquals(500, api.status);
        assertTrue(api.text().startsWith("{\"error\":\"internal\",\"message\":\"Maaf, terjadi kesalahan"), api.text());
        assertFalse(api.text().contains("another message"), api.text());
    }
}
