package org.evkin.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files under {@code static/} of this bundle, read once: their bytes, type and a content hash that serves as
 * ETag and as the version in their URL ({@code /static/evkin.css?v=…}), so browsers may keep them for a year.
 */
final class StaticAssets {

    /** One file: name under /static/, bytes, content type, and the first 16 hex digits of its SHA-256. */
    record Asset(String name, byte[] bytes, String contentType, String version) {

        String etag() {
            return "\"" + version + "\"";
        }

        /** The URL pages link to. */
        String href() {
            return "/static/" + name + "?v=" + version;
        }
    }

    /** The files served; a new one is added here and to src/main/resources/static. */
    private static final Map<String, String> TYPES = Map.of("evkin.css", "text/css; charset=UTF-8");

    private final Map<String, Asset> assets;

    StaticAssets(ClassLoader loader) {
        Map<String, Asset> m = new java.util.HashMap<>();
        TYPES.forEach((name, type) -> {
            try (InputStream in = loader.getResourceAsStream("static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("static/" + name + " is missing from the web bundle");
                }
                byte[] bytes = in.readAllBytes();
                m.put(name, new Asset(name, bytes, type, HexFormat.of().formatHex(sha256(bytes), 0, 8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.assets = Map.copyOf(m);
    }

    /** The asset of that name, or null. */
    Asset get(String name) {
        return assets.get(name);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
