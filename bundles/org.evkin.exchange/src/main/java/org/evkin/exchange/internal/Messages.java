package org.evkin.exchange.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The user-facing texts of the imports, in Bahasa Indonesia, from messages.properties. */
final class Messages {

    private static final String BASE = "org.evkin.exchange.internal.messages";
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The Indonesian texts (the base bundle), independent of the JVM's default locale. */
    static Messages indonesian() {
        return new Messages(ResourceBundle.getBundle(BASE, Locale.ROOT, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The text of a key with its arguments, each shown as its string form (no locale number formatting). */
    String format(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), INDONESIAN).format(strings);
    }
}
