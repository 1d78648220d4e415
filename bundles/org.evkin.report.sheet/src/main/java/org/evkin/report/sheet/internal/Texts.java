package org.evkin.report.sheet.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The fixed texts of the spreadsheets, in Bahasa Indonesia, from messages.properties. */
final class Texts {

    /** Indonesian, for dates and MessageFormat. */
    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The Indonesian texts (the base bundle), independent of the JVM's default locale. */
    static Texts indonesian() {
        return new Texts(ResourceBundle.getBundle("org.evkin.report.sheet.internal.messages", Locale.ROOT,
                Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The text of a key as written. */
    String text(String key) {
        return bundle.getString(key);
    }

    /** The text of a key with its arguments filled in (each as its string form). */
    String format(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), INDONESIAN).format(strings);
    }
}
