package org.evkin.web.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker set up for this bundle: {@code .ftlh} templates from {@code templates/} on the bundle's class path,
 * HTML auto-escaping, UTF-8, errors thrown to the caller (never written into a page), no access to Java classes.
 */
final class Templates {

    private final Configuration config;

    Templates(ClassLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setTemplateLoader(new ClassTemplateLoader(loader, "templates"));
        c.setRecognizeStandardFileExtensions(true);
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputEncoding(StandardCharsets.UTF_8.name());
        c.setURLEscapingCharset(StandardCharsets.UTF_8.name());
        c.setLocale(Messages.INDONESIAN);
        c.setTimeZone(TimeZone.getTimeZone("Asia/Jakarta"));
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setAttemptExceptionReporter((e, env) -> { });
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
        // the templates sit inside the bundle jar and never change while it is installed
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        this.config = c;
    }

    /** The whole page as text, or an exception: nothing is written to the response before the page is complete. */
    String render(String name, Map<String, Object> model) throws IOException, TemplateException {
        Template template = config.getTemplate(name);
        StringWriter out = new StringWriter(8192);
        template.process(model, out);
        return out.toString();
    }
}
