package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Assertions on a {@link Batch}: a whole suite with {@link #satisfies}, or one column at a time with
 * {@link #column}. Validates with {@link #DEFAULT_VALIDATOR} unless {@link #usingValidator} says
 * otherwise. Not thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).satisfies(suite);                        // passes if every expectation passes
 * assertThat(orders).column("amount").hasNoNulls();           // fails: "1 of 3 values (33.33%) are null"
 * }</pre>
 */
public class BatchAssert extends AbstractAssert<BatchAssert, Batch> {
    /** {@link Validator#create()}: the Arrow engine with BASIC results (unexpected values with their rows). */
    public static final Validator DEFAULT_VALIDATOR = Validator.create();

    private Validator validator = DEFAULT_VALIDATOR;
    private SoftAssertionsProvider softly;

    /**
     * Starts assertions on {@code actual}; public for AssertJ's soft-assertion proxies, use
     * {@link AssayAssertions#assertThat(Batch)}.
     */
    public BatchAssert(Batch actual) {
        super(actual, BatchAssert.class);
    }

    /** Validates with {@code validator} (another engine, result format or clock) from here on. */
    public BatchAssert usingValidator(Validator validator) {
        this.validator = requireNonNull(validator, "validator is null");
        return this;
    }

    /** Column assertions collect into {@code softly} instead of throwing; set by {@link AssaySoftAssertions}. */
    BatchAssert collectingInto(SoftAssertionsProvider softly) {
        this.softly = softly;
        return this;
    }

    /** Every expectation of {@code suite} passes on the batch; otherwise lists each broken one. */
    public BatchAssert satisfies(ExpectationSuite suite) {
        requireNonNull(suite, "suite is null");
        isNotNull();
        ValidationResult result = validator.validate(actual, suite);
        if (!result.success()) {
            failWithMessage(literal(String.format(
                    Locale.ROOT,
                    "Expected batch '%s' to satisfy suite '%s', but %d of %d expectations did not:%n%s",
                    result.batchName(),
                    suite.name(),
                    result.unsuccessful().size(),
                    result.results().size(),
                    FailureText.describe(result.unsuccessful()))));
        }
        return this;
    }

    /** Assertions on one column, validated with this assertion's validator. */
    public ColumnAssert column(String name) {
        requireNonNull(name, "name is null");
        isNotNull();
        BatchColumn subject = new BatchColumn(actual, name);
        ColumnAssert column = softly == null
                ? new ColumnAssert(subject)
                : softly.proxy(ColumnAssert.class, BatchColumn.class, subject);
        return column.usingValidator(validator);
    }
}
