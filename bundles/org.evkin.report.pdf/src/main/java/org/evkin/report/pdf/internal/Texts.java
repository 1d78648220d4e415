package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** The fixed labels of the PDFs in Bahasa Indonesia (messages.properties, read as UTF-8) and the Indonesian date. */
final class Texts {

    static final String BASE = "org.evkin.report.pdf.internal.messages";
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    /** The generation date is shown as it is in Jakarta (WIB). */
    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The Indonesian texts from this bundle's class loader, independent of the JVM's default locale. */
    static Texts indonesian() {
        return new Texts(ResourceBundle.getBundle(BASE, Locale.ROOT, Texts.class.getClassLoader(), new Utf8Control()));
    }

    /** The text of a key, its arguments shown as they are (no locale number formatting); '' is an apostrophe. */
    String get(String key, Object... args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), INDONESIAN).format(strings);
    }

    /** "28 November 2026": the day in Jakarta, the month's Indonesian name. */
    String date(Instant instant) {
        LocalDate day = (instant == null ? Instant.now() : instant).atZone(ZONE).toLocalDate();
        return get("date", day.getDayOfMonth(), get("month." + day.getMonthValue()), day.getYear());
    }

    /** "A, B dan C". */
    String list(List<String> items) {
        if (items.isEmpty()) {
            return get("list.none");
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String head = String.join(get("list.separator"), items.subList(0, items.size() - 1));
        return head + get("list.last") + items.get(items.size() - 1);
    }

    /** Reads properties as UTF-8 and never falls back to the JVM's default locale. */
    private static final class Utf8Control extends ResourceBundle.Control {

        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader, boolean reload)
                throws IOException {
            String resource = toResourceName(toBundleName(baseName, locale), "properties");
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? null : new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
    }
}
