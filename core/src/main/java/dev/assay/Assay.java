package dev.assay;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;

/**
 * The front door: validate a batch against a suite with the defaults (the Arrow engine on all cores,
 * BASIC results, the system clock). For other settings use {@link Validator} directly.
 *
 * <pre>{@code
 * ValidationResult result = Assay.validate(CsvSource.file(Path.of("trips.csv")), suite);
 * if (!result.success()) { ... }
 * }</pre>
 *
 * <p>On JDK 17 the JVM needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} for Arrow's memory.
 */
public final class Assay {
    private static final Validator DEFAULT = Validator.create();

    private Assay() {}

    /**
     * Validates {@code batch} against {@code suite}.
     *
     * @throws dev.assay.error.AssayException if the data cannot be read
     */
    public static ValidationResult validate(Batch batch, ExpectationSuite suite) {
        return DEFAULT.validate(batch, suite);
    }

    /** A validator to configure (engine, default result format, clock). */
    public static Validator validator() {
        return DEFAULT;
    }
}
