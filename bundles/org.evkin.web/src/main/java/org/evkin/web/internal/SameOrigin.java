package org.evkin.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a form post comes from a page of this server: its Origin header (or, without one, its Referer) must name
 * the host of the request's Host header, or one of the configured origins. A post with neither header (a
 * non-browser client) passes; browsers send Origin on every cross-site post.
 */
final class SameOrigin {

    private final Set<String> allowed = new LinkedHashSet<>();

    /** @throws IllegalArgumentException for an allowed origin that is not scheme://host[:port] */
    SameOrigin(String[] allowedOrigins) {
        for (String setting : allowedOrigins == null ? new String[0] : allowedOrigins) {
            for (String o : setting == null ? new String[0] : setting.split(",")) {
                if (!o.isBlank()) {
                    add(o);
                }
            }
        }
    }

    private void add(String o) {
        String n = normalise(o.strip());
        if (n == null) {
            throw new IllegalArgumentException("setting 'allowed.origins' in config/org.evkin.web.cfg: '" + o.strip()
                    + "' is not an origin like https://evkin.example.go.id or http://127.0.0.1:8080");
        }
        allowed.add(n);
    }

    boolean accepts(String originHeader, String refererHeader, String hostHeader) {
        String claimed = originHeader != null ? originHeader.strip() : refererHeader != null ? refererHeader.strip() : null;
        if (claimed == null || claimed.isEmpty()) {
            return true;
        }
        if ("null".equals(claimed)) {
            return false;
        }
        URI origin = parse(claimed);
        if (origin == null) {
            return false;
        }
        String normalised = normalise(origin);
        if (allowed.contains(normalised)) {
            return true;
        }
        URI host = hostHeader == null || hostHeader.isBlank() ? null : parse("http://" + hostHeader.strip());
        if (host == null || host.getHost() == null || host.getRawPath() != null && !host.getRawPath().isEmpty()) {
            return false;
        }
        if (!origin.getHost().equalsIgnoreCase(host.getHost())) {
            return false;
        }
        int a = origin.getPort();
        int b = host.getPort();
        return a == b || isDefault(a) && isDefault(b);
    }

    private static boolean isDefault(int port) {
        return port == -1 || port == 80 || port == 443;
    }

    private static URI parse(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** scheme://host:port in lower case with the port spelled out; null when s is not an http(s) origin. */
    static String normalise(String s) {
        URI u = parse(s);
        if (u == null || u.getRawPath() != null && !u.getRawPath().isEmpty() && !"/".equals(u.getRawPath())
                || u.getRawQuery() != null || u.getRawUserInfo() != null) {
            return null;
        }
        return normalise(u);
    }

    private static String normalise(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() != -1 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
