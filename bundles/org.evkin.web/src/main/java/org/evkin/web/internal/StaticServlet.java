package org.evkin.web.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The style sheet and other files under /static/*: a strong ETag (304 on a match), and a year of caching when the
 * URL carries the current version, as every page's link does; otherwise the browser revalidates.
 */
@Component(name = "org.evkin.web.static", service = Servlet.class)
@HttpWhiteboardServletPattern("/static/*")
@HttpWhiteboardServletName("evkin-web-static")
public class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaticAssets assets = new StaticAssets(StaticServlet.class.getClassLoader());
    private final transient Messages messages = Messages.indonesian();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean head = "HEAD".equals(req.getMethod());
        if (!head && !"GET".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD");
            plain(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, messages.get("statis.metode"), head);
            return;
        }
        String info = req.getPathInfo();
        StaticAssets.Asset asset = info == null ? null : assets.get(info.substring(1));
        if (asset == null) {
            plain(resp, HttpServletResponse.SC_NOT_FOUND, messages.get("statis.tidakAda"), head);
            return;
        }
        resp.setHeader("ETag", asset.etag());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", asset.version().equals(version(req.getQueryString()))
                ? "public, max-age=31536000, immutable" : "public, no-cache");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.contains(asset.etag()) || inm.strip().equals("*"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(asset.contentType());
        resp.setContentLength(asset.bytes().length);
        if (!head) {
            resp.getOutputStream().write(asset.bytes());
        }
    }

    /**
     * The raw "v" of the query string: the asset's version is a plain hash, so it needs no decoding. The query is not
     * parsed by the container (getParameter would throw on "%zz" or "a=%" and answer Jetty's 500 page): anything else
     * in it is ignored, a bad escape included.
     */
    static String version(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("v=")) {
                return pair.substring(2);
            }
        }
        return null;
    }

    private static void plain(HttpServletResponse resp, int status, String text, boolean head) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        if (!head) {
            resp.getOutputStream().write(body);
        }
    }
}
