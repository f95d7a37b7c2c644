package dev.assay.testing;

import dev.assay.engine.Validator;
import dev.assay.model.ResultFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's settings, read from JUnit configuration parameters ({@code junit-platform.properties},
 * the launcher, or {@code -D} system properties). Immutable and thread-safe.
 *
 * @param resultsDir where the results of failed tests are stored, or empty when they are not
 * @param dataDocs whether data docs are built from them
 * @param docsDir where the data docs are built
 * @param resultFormat the result format of the test class's validator
 */
record AssaySettings(Optional<Path> resultsDir, boolean dataDocs, Path docsDir, ResultFormat resultFormat) {
    static final String RESULTS_DIR = "assay.results.dir";
    static final String DATA_DOCS = "assay.datadocs";
    static final String DOCS_DIR = "assay.datadocs.dir";
    static final String RESULT_FORMAT = "assay.result_format";

    static final String DEFAULT_RESULTS_DIR = "target/assay/results";
    static final String DEFAULT_DOCS_DIR = "target/assay/docs";

    /**
     * The settings {@code context} sees.
     *
     * @throws ExtensionConfigurationException naming the key and the value when a value is not valid
     */
    static AssaySettings read(ExtensionContext context) {
        String results = value(context, RESULTS_DIR).orElse(DEFAULT_RESULTS_DIR);
        Optional<Path> resultsDir = results.equals("none") ? Optional.empty() : Optional.of(path(RESULTS_DIR, results));
        boolean docs = value(context, DATA_DOCS).map(v -> bool(DATA_DOCS, v)).orElse(false);
        if (docs && resultsDir.isEmpty()) {
            throw new ExtensionConfigurationException(
                    DATA_DOCS + "=true needs the stored results, but " + RESULTS_DIR + "=none");
        }
        Path docsDir = path(DOCS_DIR, value(context, DOCS_DIR).orElse(DEFAULT_DOCS_DIR));
        ResultFormat format =
                value(context, RESULT_FORMAT).map(AssaySettings::resultFormat).orElse(ResultFormat.BASIC);
        return new AssaySettings(resultsDir, docs, docsDir, format);
    }

    /** The validator a test class shares: {@link Validator#create()} with this result format. */
    Validator validator() {
        return Validator.create().withResultFormat(resultFormat);
    }

    private static Optional<String> value(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Path path(String key, String value) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(key + "=" + value + " is not a path: " + e.getMessage(), e);
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ExtensionConfigurationException(key + " must be true or false, not '" + value + "'");
    }

    private static ResultFormat resultFormat(String value) {
        try {
            return ResultFormat.of(ResultFormat.Level.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(RESULT_FORMAT + " must be one of "
                    + Arrays.stream(ResultFormat.Level.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", not '" + value + "'");
        }
    }
}
