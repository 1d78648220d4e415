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
