package org.evkin.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * /static/form.js, the forms' progressive enhancement (autosave, progress, print button), served like the style sheet:
 * a strong ETag (304 on a match) and a year of caching under its versioned URL. An exact pattern, so it wins over
 * /static/* of {@link StaticServlet}, whose list of files is not this page area's to change.
 */
@Component(name = "org.evkin.web.formscript", service = Servlet.class)
@HttpWhiteboardServletPattern("/static/form.js")
@HttpWhiteboardServletName("evkin-web-form-script")
public class FormScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The script's bytes and the first 16 hex digits of their SHA-256, read once. */
    static final byte[] BYTES = read();
    static final String VERSION = HexFormat.of().formatHex(sha256(BYTES), 0, 8);

    /** The URL pages link to. */
    static String href() {
        return "/static/form.js?v=" + VERSION;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean head = "HEAD".equals(req.getMethod());
        if (!head && !"GET".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String etag = "\"" + VERSION + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", VERSION.equals(StaticServlet.version(req.getQueryString())) ? "public, max-age=31536000, immutable" : "public, no-cache");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.contains(etag) || inm.strip().equals("*"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/javascript; charset=UTF-8");
        resp.setContentLength(BYTES.length);
        if (!head) {
            resp.getOutputStream().write(BYTES);
        }
    }

    private static byte[] read() {
        try (InputStream in = FormScriptServlet.class.getClassLoader().getResourceAsStream("static/form.js")) {
            if (in == null) {
                throw new IllegalStateException("static/form.js is missing from the web bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
