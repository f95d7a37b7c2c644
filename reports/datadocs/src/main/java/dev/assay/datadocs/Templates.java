package dev.assay.datadocs;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The site's Freemarker templates, with HTML output and auto-escaping on for every template, so any
 * value from a result is shown as text. Thread-safe once built (Freemarker's configuration and templates
 * are safe to share).
 */
final class Templates {
    private static final String FOLDER = "/dev/assay/datadocs/templates";
    private final Configuration config;

    Templates() {
        config = new Configuration(Configuration.VERSION_2_3_35);
        config.setClassForTemplateLoading(Templates.class, FOLDER);
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
        config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
    }

    /**
     * Renders {@code template} as the page at {@code pageKey}; the model gains {@code root}, the
     * relative way back to the site's root from that page ({@code ""}, {@code "../"}, ...).
     */
    String render(String template, String pageKey, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("root", Links.root(pageKey));
        try {
            Template t = config.getTemplate(template);
            StringWriter out = new StringWriter(16 * 1024);
            t.process(all, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new AssayException(
                    ErrorCode.INTERNAL,
                    "cannot render data docs page " + pageKey + " with " + template + ": " + e.getMessage(),
                    e);
        }
    }
}
