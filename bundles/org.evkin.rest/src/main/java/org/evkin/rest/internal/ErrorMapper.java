package org.evkin.rest.internal;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.evkin.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON error with a clear message and no stack trace: 4xx as they are, store outages
 * as 503 with Retry-After, anything unexpected as 500 with a reference code that is also in the server log.
 */
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof org.evkin.workflow.WorkflowException w) {
            Response.ResponseBuilder b = Response.status(w.kind().status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
            if (w.details().isEmpty()) {
                return b.entity(new ApiError(w.code(), w.getMessage())).build();
            }
            return b.entity(java.util.Map.of("error", w.code(), "message", w.getMessage(), "details", w.details())).build();
        }
        if (e instanceof BadRequest b) {
            return json(b.status, b.code, message(b.messageKey, b.args)).build();
        }
        if (e instanceof ReportGate.Busy busy) {
            LOG.info("Answered 503: {}", e.getMessage());
            return json(503, "reportsBusy", message("error.reportsBusy", busy.retryAfterSeconds))
                    .header("Retry-After", Integer.toString(busy.retryAfterSeconds)).build();
        }
        if (e instanceof StoreUnavailableException) {
            LOG.warn("Answered 503: {}", e.getMessage());
            return json(503, "unavailable", message("error.unavailable")).header("Retry-After", "5").build();
        }
        if (undecodableBody(e)) {
            LOG.debug("Answered 400 badJson: {}", e.toString());
            return json(400, "badJson", message("error.badJson")).build();
        }
        if (unreadableRequest(e)) {
            LOG.debug("Answered 400: the request body could not be read: {}", e.toString());
            return json(400, "badRequest", message("error.badRequest")).build();
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String key = e instanceof NotFoundException ? "error.notFound"
                    : e instanceof NotAllowedException ? "error.methodNotAllowed"
                    : e instanceof NotAcceptableException ? "error.notAcceptable"
                    : e instanceof NotSupportedException ? "error.unsupportedMediaType"
                    : status == 503 ? "error.unavailable"
                    : status < 500 ? "error.badRequest" : null;
            if (key != null) {
                Response.ResponseBuilder b = json(status, key.substring("error.".length()), message(key));
                w.getResponse().getHeaders().forEach((name, values) -> {
                    if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                        values.forEach(v -> b.header(name, v));
                    }
                });
                return b.build();
            }
        }
        if (clientWentAway(e)) {
            LOG.debug("Client closed the connection before the answer was written: {}", e.toString());
            return Response.status(500).build();
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure, reference {}", ref, e);
        return json(500, "internal", message("error.internal", ref)).build();
    }

    /**
     * A body that is not JSON, or not text at all: Jackson's parse and mapping errors, and the decoding failures of the
     * bytes themselves (UTF-32 or invalid UTF-8: CharConversionException and CharacterCodingException are plain
     * IOExceptions, not JsonProcessingExceptions).
     */
    static boolean undecodableBody(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null; t = next(t, ++depth)) {
            if (fromTheDatabase(t)) {
                return false;
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException
                    || t instanceof java.io.CharConversionException
                    || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof java.io.UnsupportedEncodingException
                    || t instanceof java.nio.charset.IllegalCharsetNameException
                    || t instanceof java.nio.charset.UnsupportedCharsetException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request itself could not be read: Jetty's BadMessageException (bad chunking, a bad Content-Length) or an
     * early EOF while reading the body (a truncated request). If the client is still there it gets a 400; if it left,
     * the answer goes nowhere, which is harmless.
     */
    static boolean unreadableRequest(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null; t = next(t, ++depth)) {
            if (fromTheDatabase(t)) {
                return false; // an EOF of the database connection is the server's problem, not the request's
            }
            String name = t.getClass().getName();
            if (name.endsWith(".BadMessageException") || name.endsWith(".EofException")
                    || (t instanceof java.io.EOFException)
                    || (t instanceof java.io.IOException && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("early eof"))) {
                return true;
            }
        }
        return false;
    }

    /** A failure raised by the database or its driver (MyBatis wraps the driver's SQLException). */
    private static boolean fromTheDatabase(Throwable t) {
        return t instanceof java.sql.SQLException || t instanceof StoreUnavailableException
                || t.getClass().getName().startsWith("org.apache.ibatis.") || t.getClass().getName().startsWith("org.mariadb.");
    }

    /**
     * The client closed the connection while its answer was written: a broken pipe or a reset anywhere in the chain, or
     * Jetty's EofException on the way out (ClientGoneInterceptor asks only about writing, never about reading a request).
     */
    static boolean clientWentAway(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null; t = next(t, ++depth)) {
            if (fromTheDatabase(t)) {
                return false; // the database's connection breaking is the server's problem
            }
            if (t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("Broken pipe")
                    || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("Connection reset")
                    || t.getClass().getSimpleName().equals("EofException")) {
                return true;
            }
        }
        return false;
    }

    /** The cause of t, or null at the end of the chain (or after 32 links: a cycle of causes must not loop forever). */
    static Throwable next(Throwable t, int depth) {
        return t.getCause() == t || depth > 32 ? null : t.getCause();
    }

    private String message(String key, Object... args) {
        return Messages.get(Messages.acceptable(headers), key, args);
    }

    private static Response.ResponseBuilder json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(new ApiError(code, message));
    }
}
