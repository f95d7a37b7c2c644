package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.expectation.ExpectationGroup;
import dev.assay.expectation.Expectations;
import dev.assay.expectation.TableExpectations;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Assertions on a {@link Batch}: a whole suite with {@link #satisfies}, the table's volume and schema
 * ({@link #hasRowCountBetween}, {@link #hasColumns}, ...), one column with {@link #column}, or several
 * together with {@link #columns}. Each call validates the batch at once (one scan per call) and fails
 * with an {@link AssayAssertionError} listing each broken expectation in plain language. Validates with
 * the test class's validator when {@link AssayExtension} runs the test, else {@link #DEFAULT_VALIDATOR},
 * unless {@link #usingValidator} says otherwise. Not thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).satisfies(suite);                        // passes if every expectation passes
 * assertThat(orders).hasRowCountBetween(1, 1_000).hasColumns("amount", "status");
 * assertThat(orders).column("amount").hasNoNulls();           // fails: "1 of 3 values (33.33%) are null"
 * }</pre>
 */
public class BatchAssert extends AbstractAssert<BatchAssert, Batch> {
    /** {@link Validator#create()}: the Arrow engine with BASIC results (unexpected values with their rows). */
    public static final Validator DEFAULT_VALIDATOR = Validator.create();

    private Validator validator = ValidatorScope.current();
    private SoftAssertionsProvider softly;
    private ValidationResult lastResult;

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

    /** The result of the last validation this assertion made, or null; for tests of the mirroring. */
    ValidationResult lastResult() {
        return lastResult;
    }

    /** Every expectation of {@code suite} passes on the batch; otherwise lists each broken one. */
    public BatchAssert satisfies(ExpectationSuite suite) {
        requireNonNull(suite, "suite is null");
        isNotNull();
        ValidationResult result = validator.validate(actual, suite);
        lastResult = result;
        if (!result.success()) {
            throw AssayAssertionError.of(
                    failure(literal(String.format(
                            Locale.ROOT,
                            "Expected batch '%s' to satisfy suite '%s', but %d of %d expectations did not:%n%s",
                            result.batchName(),
                            suite.name(),
                            result.unsuccessful().size(),
                            result.results().size(),
                            FailureText.describe(result.unsuccessful())))),
                    List.of(result));
        }
        return this;
    }

    /**
     * Every expectation of {@code expectations} passes, e.g. {@code passes(table().rowCountBetween(1, 10))}
     * or {@code passes(columnPair("a", "b").aGreaterThanOrEqualToB())}: anything the DSL of {@link
     * Expectations} declares.
     */
    public BatchAssert passes(ExpectationGroup<?> expectations) {
        requireNonNull(expectations, "expectations is null");
        return check("expectations", expectations);
    }

    /** The row count is exactly {@code count} ({@code expect_table_row_count_to_equal}). */
    public BatchAssert hasRowCount(long count) {
        return table(t -> t.rowCountEquals(count));
    }

    /** The row count is in {@code [min, max]} ({@code expect_table_row_count_to_be_between}). */
    public BatchAssert hasRowCountBetween(long min, long max) {
        return table(t -> t.rowCountBetween(min, max));
    }

    /** The batch has at least these columns, in any order ({@code expect_table_columns_to_match_set}, not exact). */
    public BatchAssert hasColumns(String... columns) {
        return table(t -> t.columnsInclude(columns));
    }

    /** The columns are exactly these, in any order ({@code expect_table_columns_to_match_set}). */
    public BatchAssert hasExactlyColumns(String... columns) {
        return table(t -> t.columnsMatchSet(columns));
    }

    /** The columns are exactly these, in this order ({@code expect_table_columns_to_match_ordered_list}). */
    public BatchAssert hasColumnsInOrder(String... columns) {
        return table(t -> t.columnsMatchOrderedList(columns));
    }

    /** There are exactly {@code count} columns ({@code expect_table_column_count_to_equal}). */
    public BatchAssert hasColumnCount(long count) {
        return table(t -> t.columnCountEquals(count));
    }

    /** The column count is in {@code [min, max]} ({@code expect_table_column_count_to_be_between}). */
    public BatchAssert hasColumnCountBetween(long min, long max) {
        return table(t -> t.columnCountBetween(min, max));
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

    /**
     * Assertions on several columns together: {@code columns("a", "b").areEqual()}, {@code
     * columns("order_id", "line").areUnique()}; validated with this assertion's validator.
     */
    public ColumnsAssert columns(String... names) {
        requireNonNull(names, "names is null");
        isNotNull();
        BatchColumns subject = new BatchColumns(actual, List.of(names));
        ColumnsAssert columns = softly == null
                ? new ColumnsAssert(subject)
                : softly.proxy(ColumnsAssert.class, BatchColumns.class, subject);
        return columns.usingValidator(validator);
    }

    private BatchAssert table(UnaryOperator<TableExpectations> declare) {
        return check("table", declare.apply(Expectations.table()));
    }

    private BatchAssert check(String suite, ExpectationGroup<?> expectations) {
        isNotNull();
        ValidationResult result = Checks.validate(validator, actual, suite, expectations);
        lastResult = result;
        if (!result.success()) {
            throw AssayAssertionError.of(
                    failure(literal(String.format(
                            Locale.ROOT,
                            "Expected batch '%s' to pass, but:%n%s",
                            result.batchName(),
                            FailureText.describe(result.unsuccessful())))),
                    List.of(result));
        }
        return this;
    }
}
