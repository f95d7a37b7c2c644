package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.expectation.ExpectationGroup;
import dev.assay.expectation.Expectations;
import dev.assay.result.ValidationResult;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions on several columns of a batch together, mirroring {@code ColumnPairExpectations}
 * and {@code MulticolumnExpectations}: {@code assertThat(trips).columns("dropoff", "pickup")
 * .firstGreaterThanSecond()}. Each call validates the batch at once and fails with an {@link
 * AssayAssertionError} listing the rows that break it. The pair assertions need exactly two columns.
 * Not thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).columns("order_id", "line").areUnique();  // passes if no pair repeats
 * assertThat(orders).columns("paid", "billed").areEqual();     // fails: "... (row 4)"
 * }</pre>
 */
public class ColumnsAssert extends AbstractAssert<ColumnsAssert, BatchColumns> {
    private Validator validator = ValidatorScope.current();
    private ValidationResult lastResult;

    /**
     * Starts assertions on {@code actual}; public for AssertJ's soft-assertion proxies, use
     * {@link BatchAssert#columns(String...)}.
     */
    public ColumnsAssert(BatchColumns actual) {
        super(actual, ColumnsAssert.class);
    }

    /** Validates with {@code validator} from here on. */
    public ColumnsAssert usingValidator(Validator validator) {
        this.validator = requireNonNull(validator, "validator is null");
        return this;
    }

    /** The result of the last validation this assertion made, or null; for tests of the mirroring. */
    ValidationResult lastResult() {
        return lastResult;
    }

    /**
     * The two columns are equal in every row where either has a value ({@code
     * expect_column_pair_values_to_be_equal}).
     *
     * @throws IllegalArgumentException when not exactly two columns were given
     */
    public ColumnsAssert areEqual() {
        return check(pair("areEqual").equal());
    }

    /**
     * The first column is greater than the second in every row where either has a value ({@code
     * expect_column_pair_values_a_to_be_greater_than_b}).
     *
     * @throws IllegalArgumentException when not exactly two columns were given
     */
    public ColumnsAssert firstGreaterThanSecond() {
        return check(pair("firstGreaterThanSecond").aGreaterThanB());
    }

    /**
     * The first column is at least the second in every row where either has a value ({@code
     * expect_column_pair_values_a_to_be_greater_than_b} with {@code or_equal}).
     *
     * @throws IllegalArgumentException when not exactly two columns were given
     */
    public ColumnsAssert firstAtLeastSecond() {
        return check(pair("firstAtLeastSecond").aGreaterThanOrEqualToB());
    }

    /** Each combination of the columns' values occurs once ({@code expect_compound_columns_to_be_unique}). */
    public ColumnsAssert areUnique() {
        isNotNull();
        return check(
                Expectations.columns(actual.columns().toArray(String[]::new)).unique());
    }

    private dev.assay.expectation.ColumnPairExpectations pair(String assertion) {
        isNotNull();
        List<String> columns = actual.columns();
        if (columns.size() != 2) {
            throw new IllegalArgumentException(
                    assertion + "() compares two columns, but " + columns.size() + " were given: " + columns);
        }
        return Expectations.columnPair(columns.get(0), columns.get(1));
    }

    private ColumnsAssert check(ExpectationGroup<?> expectations) {
        String suite = "columns." + String.join(".", actual.columns());
        ValidationResult result = Checks.validate(validator, actual.batch(), suite, expectations);
        lastResult = result;
        if (!result.success()) {
            throw AssayAssertionError.of(
                    failure(literal(String.format(
                            Locale.ROOT,
                            "Expected columns %s of batch '%s' to pass, but:%n%s",
                            actual.columns().stream().map(c -> "'" + c + "'").toList(),
                            result.batchName(),
                            FailureText.describe(result.unsuccessful())))),
                    List.of(result));
        }
        return this;
    }
}
