package org.evkin.rest.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file part of a multipart request. A body that is not valid multipart (no or a wrong boundary, truncated,
 * broken part headers, bad chunking) is a 400 with a clear message; only a part or request over the size limit is a
 * 413. Nothing is ever a 500: the container reports both as IOException, ServletException or IllegalStateException.
 */
final class Multipart {

    private static final Logger LOG = LoggerFactory.getLogger(Multipart.class);

    private Multipart() {
    }

    /** The part named name, or null if the request has none; BadRequest 400 (unreadable) or 413 (too large). */
    static Part part(HttpServletRequest request, String name, long maxBytes) {
        try {
            return request.getPart(name);
        } catch (IOException | ServletException | IllegalStateException | IllegalArgumentException e) {
            if (tooLarge(e)) {
                throw new BadRequest(413, "tooLarge", "error.tooLarge", maxBytes);
            }
            LOG.debug("Multipart body not readable: {}", e.toString());
            throw new BadRequest("badMultipart", "error.badMultipart");
        }
    }

    /** Whether the failure is the size limit (Jetty: "max file size exceeded", "max length exceeded", a 413). */
    static boolean tooLarge(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 32; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("too big") || m.contains("413")
                    || t.getClass().getSimpleName().contains("SizeLimit") || t.getClass().getSimpleName().contains("TooLarge")) {
                return true;
            }
        }
        return false;
    }
}
