package dev.assay.testing;

import static dev.assay.testing.FailureText.literal;
import static java.util.Objects.requireNonNull;

import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.Passed;
import dev.assay.result.ValidationResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ValidationResult}. Failure messages list each unsuccessful expectation with
 * its reason and a few unexpected values; a failure is an {@link AssayAssertionError} carrying the
 * result. Not thread-safe (like every AssertJ assertion).
 *
 * <pre>{@code
 * assertThat(result).isSuccessful();                                             // passes if all passed
 * assertThat(result).hasFailed("expect_column_values_to_not_be_null", "amount"); // fails if it passed
 * }</pre>
 */
public class ValidationResultAssert extends AbstractAssert<ValidationResultAssert, ValidationResult> {
    /**
     * Starts assertions on {@code actual}; public for AssertJ's soft-assertion proxies, use
     * {@link AssayAssertions#assertThat(ValidationResult)}.
     */
    public ValidationResultAssert(ValidationResult actual) {
        super(actual, ValidationResultAssert.class);
    }

    /** Every expectation passed; otherwise lists every failed and errored one, one per item. */
    public ValidationResultAssert isSuccessful() {
        isNotNull();
        if (!actual.success()) {
            List<ExpectationResult> bad = actual.unsuccessful();
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected suite '%s' on '%s' to pass, but %d of %d expectations did not:%n%s",
                    actual.suiteName(),
                    actual.batchName(),
                    bad.size(),
                    actual.results().size(),
                    FailureText.describe(bad))));
        }
        return this;
    }

    /** At least one expectation failed or errored. */
    public ValidationResultAssert isNotSuccessful() {
        isNotNull();
        if (actual.success()) {
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected suite '%s' on '%s' not to pass, but all %d expectations passed",
                    actual.suiteName(),
                    actual.batchName(),
                    actual.results().size())));
        }
        return this;
    }

    /** Some expectation of this type (e.g. {@code expect_table_row_count_to_equal}) failed. */
    public ValidationResultAssert hasFailed(String expectationType) {
        return hasOutcome(expectationType, null, r -> r instanceof Failed, "failed");
    }

    /** An expectation of this type on {@code column} failed. */
    public ValidationResultAssert hasFailed(String expectationType, String column) {
        requireNonNull(column, "column is null");
        return hasOutcome(expectationType, column, r -> r instanceof Failed, "failed");
    }

    /** An expectation of this type on {@code column} passed. */
    public ValidationResultAssert hasPassed(String expectationType, String column) {
        requireNonNull(column, "column is null");
        return hasOutcome(expectationType, column, r -> r instanceof Passed, "passed");
    }

    /** No expectation errored (could not be evaluated); failures are allowed. */
    public ValidationResultAssert hasNoErrors() {
        isNotNull();
        List<ExpectationResult> errored =
                actual.results().stream().filter(r -> r instanceof Errored).toList();
        if (!errored.isEmpty()) {
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected no errored expectations in suite '%s', but %d errored:%n%s",
                    actual.suiteName(),
                    errored.size(),
                    FailureText.describe(errored))));
        }
        return this;
    }

    /** At least {@code percent} (0 to 100) of the expectations passed. */
    public ValidationResultAssert hasSuccessPercentAtLeast(double percent) {
        isNotNull();
        double observed = actual.statistics().successPercent();
        if (observed < percent) {
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected at least %s%% of the expectations of suite '%s' to pass, but %s%% (%d of %d)"
                            + " did; unsuccessful:%n%s",
                    FailureText.percent(percent),
                    actual.suiteName(),
                    FailureText.percent(observed),
                    actual.statistics().successful(),
                    actual.statistics().evaluated(),
                    FailureText.describe(actual.unsuccessful()))));
        }
        return this;
    }

    /** The failure with {@code message} (formatted by AssertJ: {@code %} escaped), carrying the result. */
    private AssayAssertionError failed(String message) {
        return AssayAssertionError.of(failure(message), List.of(actual));
    }

    private ValidationResultAssert hasOutcome(
            String type, String column, Predicate<ExpectationResult> outcome, String verdict) {
        requireNonNull(type, "expectationType is null");
        isNotNull();
        List<ExpectationResult> matching = actual.results().stream()
                .filter(r -> r.expectation().type().name().equals(type))
                .filter(r ->
                        column == null || FailureText.column(r.expectation()).equals(column))
                .toList();
        String subject = type + (column == null ? "" : " on column '" + column + "'");
        if (matching.isEmpty()) {
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected %s to have %s, but suite '%s' has no such expectation; it has:%n%s",
                    subject,
                    verdict,
                    actual.suiteName(),
                    FailureText.describe(actual.results()))));
        } else if (matching.stream().noneMatch(outcome)) {
            throw failed(literal(String.format(
                    Locale.ROOT,
                    "Expected %s to have %s, but:%n%s",
                    subject,
                    verdict,
                    FailureText.describe(matching))));
        }
        return this;
    }
}
