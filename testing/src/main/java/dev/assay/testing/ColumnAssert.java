package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.expectation.ColumnExpectations;
import dev.assay.expectation.Expectations;
import dev.assay.result.ValidationResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions on one column of a batch, mirroring {@link ColumnExpectations}. Each call is
 * checked <em>eagerly</em>: it builds the expectation with the DSL ({@code Expectations.column(name)...}),
 * validates the batch against it (one scan per call) and fails at once with the expectation's
 * plain-language reason and a few unexpected values, as an {@link AssayAssertionError}. Not thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
 * }</pre>
 */
public class ColumnAssert extends AbstractAssert<ColumnAssert, BatchColumn> {
    private Validator validator = ValidatorScope.current();
    private ValidationResult lastResult;

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

    /** The result of the last validation this assertion made, or null; for tests of the mirroring. */
    ValidationResult lastResult() {
        return lastResult;
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

    /** The share of non-null values is in {@code [min, max]} ({@code expect_column_proportion_of_non_null_values_to_be_between}). */
    public ColumnAssert nonNullProportionBetween(double min, double max) {
        return check(c -> c.nonNullProportionBetween(min, max));
    }

    /** Every non-null value is in {@code (min, max)}, bounds excluded ({@code expect_column_values_to_be_between}). */
    public ColumnAssert valuesStrictlyBetween(Object min, Object max) {
        return check(c -> c.betweenExclusive(min, max));
    }

    /** The sample standard deviation is in {@code [min, max]} ({@code expect_column_stdev_to_be_between}). */
    public ColumnAssert stdevBetween(double min, double max) {
        return check(c -> c.stdevBetween(min, max));
    }

    /**
     * The {@code quantile} (0 to 1) is in {@code [min, max]} ({@code
     * expect_column_quantile_values_to_be_between}).
     */
    public ColumnAssert quantileBetween(double quantile, Object min, Object max) {
        return check(c -> c.quantileBetween(quantile, min, max));
    }

    /** Every non-null value has length {@code length} ({@code expect_column_value_lengths_to_equal}). */
    public ColumnAssert lengthsEqual(long length) {
        return check(c -> c.lengthEquals(length));
    }

    /** The number of distinct values is in {@code [min, max]} ({@code expect_column_unique_value_count_to_be_between}). */
    public ColumnAssert uniqueValueCountBetween(long min, long max) {
        return check(c -> c.uniqueValueCountBetween(min, max));
    }

    /**
     * Distinct values divided by non-null values is in {@code [min, max]} ({@code
     * expect_column_proportion_of_unique_values_to_be_between}).
     */
    public ColumnAssert uniqueProportionBetween(double min, double max) {
        return check(c -> c.uniqueProportionBetween(min, max));
    }

    /** Every distinct value is one of {@code values} ({@code expect_column_distinct_values_to_be_in_set}). */
    public ColumnAssert distinctValuesInSet(Object... values) {
        return check(c -> c.distinctValuesInSet(values));
    }

    /** Each of {@code values} occurs ({@code expect_column_distinct_values_to_contain_set}). */
    public ColumnAssert distinctValuesContain(Object... values) {
        return check(c -> c.distinctValuesContain(values));
    }

    /** The distinct values are exactly {@code values} ({@code expect_column_distinct_values_to_equal_set}). */
    public ColumnAssert distinctValuesEqual(Object... values) {
        return check(c -> c.distinctValuesEqual(values));
    }

    /**
     * The newest value is no older than {@code maxAge} at validation time, by the validator's clock
     * ({@code expect_column_values_to_be_fresh}).
     */
    public ColumnAssert isFresherThan(Duration maxAge) {
        return check(c -> c.fresherThan(maxAge));
    }

    /** The column has type {@code type}, e.g. {@code int64} (see docs/types.md; {@code expect_column_values_to_be_of_type}). */
    public ColumnAssert hasType(String type) {
        return check(c -> c.ofType(type));
    }

    /** The column has one of {@code types} ({@code expect_column_values_to_be_in_type_list}). */
    public ColumnAssert hasTypeIn(String... types) {
        return check(c -> c.inTypeList(types));
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
        ValidationResult result = Checks.validate(validator, actual.batch(), "column." + actual.column(), expectations);
        lastResult = result;
        if (!result.success()) {
            throw AssayAssertionError.of(
                    failure(literal(String.format(
                            Locale.ROOT,
                            "Expected column '%s' of batch '%s' to pass, but:%n%s",
                            actual.column(),
                            result.batchName(),
                            FailureText.describe(result.unsuccessful())))),
                    List.of(result));
        }
        return this;
    }
}
