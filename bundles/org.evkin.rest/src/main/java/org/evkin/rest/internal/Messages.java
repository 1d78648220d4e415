package org.evkin.rest.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing texts of the API from resource bundles: Bahasa Indonesia unless the client asks for English. */
final class Messages {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private Messages() {
    }

    /**
     * The languages the request accepts, in order; an unparsable Accept-Language header (e.g. ",,,") never fails: it is
     * read leniently, item by item, and whatever cannot be read is skipped (so the answer falls back to Indonesian).
     */
    static List<Locale> acceptable(jakarta.ws.rs.core.HttpHeaders headers) {
        if (headers == null) {
            return List.of();
        }
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException malformed) {
            String raw;
            try {
                raw = headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE);
            } catch (RuntimeException e) {
                return List.of();
            }
            return parseLeniently(raw);
        }
    }

    /** Accept-Language read item by item, ignoring weights and anything that is not a language tag. */
    static List<Locale> parseLeniently(String header) {
        if (header == null) {
            return List.of();
        }
        List<Locale> out = new java.util.ArrayList<>();
        for (String item : header.split(",", 50)) {
            String tag = item.split(";", 2)[0].strip();
            if (tag.isEmpty() || tag.length() > 35 || !tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                continue;
            }
            out.add(Locale.forLanguageTag(tag));
        }
        return out;
    }

    /** The message for key in the first acceptable language of the request (Indonesian by default). */
    static String get(List<Locale> acceptable, String key, Object... args) {
        Locale locale = INDONESIAN;
        for (Locale l : acceptable) {
            if ("en".equals(l.getLanguage())) {
                locale = Locale.ENGLISH;
                break;
            }
            if ("id".equals(l.getLanguage()) || "in".equals(l.getLanguage())) {
                break;
            }
        }
        ResourceBundle bundle = ResourceBundle.getBundle("org.evkin.rest.internal.messages",
                locale == INDONESIAN ? Locale.ROOT : locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
