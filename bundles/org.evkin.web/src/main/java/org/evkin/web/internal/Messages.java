package org.evkin.web.internal;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts people see, from {@code messages.properties} (Bahasa Indonesia): {@code ${t("key")}} and
 * {@code ${t("key", arg, …)}} in templates, {@link #get} in Java. Every text goes through {@link MessageFormat}, so a
 * literal apostrophe is written {@code ''} in the file.
 */
final class Messages {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    static final String BUNDLE = "org.evkin.web.internal.messages";
    /** The texts come from these files, one per area of the site, searched in this order. */
    static final List<String> BUNDLES = List.of(BUNDLE, "org.evkin.web.internal.formpages", "org.evkin.web.internal.adminpages");

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    private Messages(List<ResourceBundle> bundles, Locale locale) {
        this.bundles = bundles;
        this.locale = locale;
    }

    /** The Indonesian texts (the base files, no fallback to the JVM's default locale). */
    static Messages indonesian() {
        List<ResourceBundle> found = new java.util.ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, Locale.ROOT, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException absent) {
                // an area without texts yet
            }
        }
        return new Messages(List.copyOf(found), INDONESIAN);
    }

    Locale locale() {
        return locale;
    }

    boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** The text for key with its {0}, {1}, … filled in; throws MissingResourceException for an unknown key. */
    String get(String key, Object... args) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return new MessageFormat(b.getString(key), locale).format(args);
            }
        }
        throw new MissingResourceException("no text " + key, BUNDLE, key);
    }

    /** The template method {@code t}. */
    TemplateMethodModelEx method() {
        return new TemplateMethodModelEx() {
            @Override
            public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
                if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel key)) {
                    throw new TemplateModelException("t(key, args…) needs a text key as its first argument");
                }
                Object[] args = new Object[arguments.size() - 1];
                for (int i = 1; i < arguments.size(); i++) {
                    TemplateModel m = (TemplateModel) arguments.get(i);
                    args[i - 1] = m instanceof TemplateNumberModel n ? n.getAsNumber() : DeepUnwrap.unwrap(m);
                }
                try {
                    return get(key.getAsString(), args);
                } catch (MissingResourceException e) {
                    throw new TemplateModelException("no text with key '" + key.getAsString() + "' in " + BUNDLE);
                }
            }
        };
    }
}
