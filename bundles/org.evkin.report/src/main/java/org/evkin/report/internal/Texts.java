package org.evkin.report.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The reports' texts for people, in Bahasa Indonesia, from messages.properties. */
final class Texts {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private Texts() {
    }

    static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.evkin.report.internal.messages", Locale.ROOT,
                Texts.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, INDONESIAN).format(args);
    }
}
