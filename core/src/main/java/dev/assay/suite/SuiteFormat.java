package dev.assay.suite;

import dev.assay.error.SuiteFormatException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a suite can be stored in. */
public enum SuiteFormat {
    /** JSON, extension {@code .json}. */
    JSON,
    /** YAML, extension {@code .yaml} or {@code .yml}. */
    YAML;

    /**
     * The format of a file by its extension, case-insensitive.
     *
     * @param file the file, never null
     * @throws SuiteFormatException if the extension is not {@code .json}, {@code .yaml} or {@code .yml}
     */
    public static SuiteFormat of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        throw new SuiteFormatException(file + ": unknown suite file extension; use .json, .yaml or .yml");
    }
}
