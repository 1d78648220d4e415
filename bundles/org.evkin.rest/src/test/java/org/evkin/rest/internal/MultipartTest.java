package org.evkin.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;
import org.evkin.workflow.EnrolmentService;
import org.junit.jupiter.api.Test;

/** Bug 4: a malformed multipart body on the imports or the upload is a 400 that says so; 413 only for a size problem. */
class MultipartTest {

    private static HttpServletRequest request(Throwable failure) {
        return Stubs.of(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getContentType" -> "multipart/form-data";
            case "getPart" -> throw failure;
            default -> null;
        });
    }

    @Test
    void aMalformedBodyIsABadRequestAndOnlyASizeProblemIsTooLarge() {
        for (Throwable bad : List.of(new IOException("Missing content for multipart request"),
                new ServletException(new BadMessageException("bad multipart")), new IllegalStateException("No multipart config"),
                new ServletException("Unable to parse form content", new IOException(new BadMessageException("bad chunk"))))) {
            BadRequest b = assertThrows(BadRequest.class, () -> Multipart.part(request(bad), "file", 100));
            assertEquals(400, b.status, bad.toString());
            assertEquals("badMultipart", b.code);
        }
        for (Throwable big : List.of(new ServletException("bad multipart", new IllegalStateException("max file size exceeded")),
                new IllegalStateException("max length exceeded"))) {
            BadRequest b = assertThrows(BadRequest.class, () -> Multipart.part(request(big), "file", 100));
            assertEquals(413, b.status, big.toString());
        }
    }

    @Test
    void theParticipantImportAnswers400ForAMalformedBody() {
        CyclesResource r = new CyclesResource(() -> null, stub(), () -> null, () -> null, () -> null, new Authenticator(Stubs::auth));
        Stubs.inject(r, "headers", Stubs.headers(Map.of("Authorization", "Bearer " + Stubs.TOKEN)));
        Stubs.inject(r, "request", request(new IOException("Missing initial multi part boundary")));
        BadRequest b = assertThrows(BadRequest.class, () -> r.importParticipants(1, "false"));
        assertEquals(400, b.status);
        assertEquals("badMultipart", b.code);
        b = assertThrows(BadRequest.class, () -> r.importResponses(1, "false"));
        assertEquals(400, b.status);
        jakarta.ws.rs.core.Response answer = Stubs.map(b, Map.of());
        assertEquals("badMultipart", Stubs.error(answer).error());
        assertEquals(true, Stubs.error(answer).message().contains("multipart"));
    }

    private static Supplier<EnrolmentService> stub() {
        EnrolmentService e = Stubs.of(EnrolmentService.class, (method, args) -> {
            throw new AssertionError("must not be reached");
        });
        return () -> e;
    }
}
