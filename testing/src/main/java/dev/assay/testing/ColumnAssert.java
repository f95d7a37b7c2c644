package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.expectation.ColumnExpectations;
import dev.assay.expectation.Expectations;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions on one column of a batch, mirroring {@link ColumnExpectations}. Each call is
 * checked <em>eagerly</em>: it builds the expectation with the DSL ({@code Expectations.column(name)...}),
 * validates the batch against it (one scan per call) and fails at once with the expectation's
 * plain-language reason and a few unexpected values. Not thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
 * }</pre>
 */
public class ColumnAssert extends AbstractAssert<ColumnAssert, BatchColumn> {
    private Validator validator = BatchAssert.DEFAULT_VALIDATOR;

    /**
     * Starts assertions on {@code actual}; public for AssertJ's soft-assertion proxies, use
     * {@link BatchAssert#column(String)}.
     */
    public ColumnAssert(BatchColumn actual) {
        super(actual, ColumnAssert.class);
    }

    /** Validates with {@code validator} from here on. */
    public ColumnAssert usingValidator(Validator validator) {
        this.validator = requireNonNull(validator, "validator is null");
        return this;
    }

    /** No value is null ({@code expect_column_values_to_not_be_null}). */
    public ColumnAssert hasNoNulls() {
        return check(ColumnExpectations::notNull);
    }

    /** Every value is null ({@code expect_column_values_to_be_null}). */
    public ColumnAssert hasOnlyNulls() {
        return check(ColumnExpectations::isNull);
    }

    /** Every non-null value is in {@code [min, max]} ({@code expect_column_values_to_be_between}). */
    public ColumnAssert valuesBetween(Object min, Object max) {
        return check(c -> c.between(min, max));
    }

    /** Every non-null value is {@code >= min}. */
    public ColumnAssert valuesAtLeast(Object min) {
        return check(c -> c.atLeast(min));
    }

    /** Every non-null value is {@code <= max}. */
    public ColumnAssert valuesAtMost(Object max) {
        return check(c -> c.atMost(max));
    }

    /** Every non-null value is one of {@code values} ({@code expect_column_values_to_be_in_set}). */
    public ColumnAssert valuesInSet(Object... values) {
        return check(c -> c.inSet(values));
    }

    /** No non-null value is one of {@code values}. */
    public ColumnAssert valuesNotInSet(Object... values) {
        return check(c -> c.notInSet(values));
    }

    /** Every non-null value matches {@code regex} ({@code expect_column_values_to_match_regex}). */
    public ColumnAssert valuesMatch(String regex) {
        return check(c -> c.matches(regex));
    }

    /** No non-null value matches {@code regex}. */
    public ColumnAssert valuesDoNotMatch(String regex) {
        return check(c -> c.notMatches(regex));
    }

    /** No non-null value occurs twice ({@code expect_column_values_to_be_unique}). */
    public ColumnAssert isUnique() {
        return check(ColumnExpectations::unique);
    }

    /** Every non-null value's length is in {@code [min, max]}. */
    public ColumnAssert lengthsBetween(long min, long max) {
        return check(c -> c.lengthBetween(min, max));
    }

    /** The mean is in {@code [min, max]} ({@code expect_column_mean_to_be_between}). */
    public ColumnAssert meanBetween(double min, double max) {
        return check(c -> c.meanBetween(min, max));
    }

    /** The median is in {@code [min, max]}. */
    public ColumnAssert medianBetween(double min, double max) {
        return check(c -> c.medianBetween(min, max));
    }

    /** The sum is in {@code [min, max]}. */
    public ColumnAssert sumBetween(double min, double max) {
        return check(c -> c.sumBetween(min, max));
    }

    /** The minimum is in {@code [min, max]}. */
    public ColumnAssert minBetween(Object min, Object max) {
        return check(c -> c.minBetween(min, max));
    }

    /** The maximum is in {@code [min, max]}. */
    public ColumnAssert maxBetween(Object min, Object max) {
        return check(c -> c.maxBetween(min, max));
    }

    /** The column exists ({@code expect_column_to_exist}). */
    public ColumnAssert exists() {
        return check(ColumnExpectations::exists);
    }

    /**
     * Any expectation of the catalog the methods above do not cover, e.g.
     * {@code passes(c -> c.between(0, 10).mostly(0.95))}.
     */
    public ColumnAssert passes(UnaryOperator<ColumnExpectations> expectations) {
        return check(expectations);
    }

    private ColumnAssert check(UnaryOperator<ColumnExpectations> declare) {
        isNotNull();
        ColumnExpectations expectations = declare.apply(Expectations.column(actual.column()));
        ExpectationSuite suite = ExpectationSuite.named("assertThat(" + actual.column() + ")")
                .expect(expectations)
                .build();
        ValidationResult result = validator.validate(actual.batch(), suite);
        if (!result.success()) {
            failWithMessage(literal(String.format(
                    Locale.ROOT,
                    "Expected column '%s' of batch '%s' to pass, but:%n%s",
                    actual.column(),
                    result.batchName(),
                    FailureText.describe(result.unsuccessful()))));
        }
        return this;
    }
}
