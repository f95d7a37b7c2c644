package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.result.ValidationResult;
import org.junit.jupiter.api.Test;

class ValidationResultAssertTest {
    private static final String NOT_NULL = "expect_column_values_to_not_be_null";
    private static final String BETWEEN = "expect_column_values_to_be_between";
    private static final String IN_SET = "expect_column_values_to_be_in_set";

    private final ValidationResult broken = Validator.create().validate(Fixtures.orders(), Fixtures.brokenSuite());
    private final ValidationResult passing = Validator.create().validate(Fixtures.orders(), Fixtures.passingSuite());

    @Test
    void aPassingResultIsSuccessful() {
        assertThat(passing).isSuccessful().hasNoErrors().hasSuccessPercentAtLeast(100);
    }

    @Test
    void isSuccessfulListsEveryFailureWithItsReasonAndSamples() {
        assertThatThrownBy(() -> assertThat(broken).isSuccessful())
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected suite 'orders_suite' on 'orders' to pass, but 2 of 3 expectations did not:
                          - expect_column_values_to_not_be_null on column 'amount' failed
                              1 of 3 values (33.33%) are null
                              unexpected values: null (row 2)
                          - expect_column_values_to_be_in_set on column 'status' failed
                              1 of 3 values (33.33%) are not in {'open', 'paid'}
                              unexpected values: 'lost' (row 2)""");
    }

    @Test
    void isNotSuccessful() {
        assertThat(broken).isNotSuccessful();
        assertThatThrownBy(() -> assertThat(passing).isNotSuccessful())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected suite 'passing_suite' on 'orders' not to pass, but all 2 expectations passed");
    }

    @Test
    void hasFailedFindsTheFailedExpectation() {
        assertThat(broken).hasFailed(NOT_NULL).hasFailed(NOT_NULL, "amount").hasFailed(IN_SET, "status");
    }

    @Test
    void hasFailedOnAPassedExpectationShowsThatItPassed() {
        assertThatThrownBy(() -> assertThat(broken).hasFailed(BETWEEN, "amount"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected expect_column_values_to_be_between on column 'amount' to have failed, but:
                          - expect_column_values_to_be_between on column 'amount' passed""");
    }

    @Test
    void hasFailedOnAnAbsentExpectationListsWhatTheSuiteHas() {
        assertThatThrownBy(() -> assertThat(broken).hasFailed(NOT_NULL, "status"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "Expected expect_column_values_to_not_be_null on column 'status' to have failed, but suite"
                                + " 'orders_suite' has no such expectation; it has:\n")
                .hasMessageContaining("  - expect_column_values_to_be_between on column 'amount' passed");
    }

    @Test
    void hasPassed() {
        assertThat(broken).hasPassed(BETWEEN, "amount");
        assertThatThrownBy(() -> assertThat(broken).hasPassed(IN_SET, "status"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected expect_column_values_to_be_in_set on column 'status' to have passed, but:
                          - expect_column_values_to_be_in_set on column 'status' failed
                              1 of 3 values (33.33%) are not in {'open', 'paid'}
                              unexpected values: 'lost' (row 2)""");
    }

    @Test
    void hasSuccessPercentAtLeast() {
        assertThat(broken).hasSuccessPercentAtLeast(30);
        assertThatThrownBy(() -> assertThat(broken).hasSuccessPercentAtLeast(50))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected at least 50% of the expectations of suite 'orders_suite' to pass, but"
                        + " 33.33% (1 of 3) did; unsuccessful:\n");
    }

    @Test
    void hasNoErrorsListsErroredExpectations() {
        ValidationResult errored = Validator.create()
                .validate(
                        Fixtures.orders(),
                        dev.assay.model.ExpectationSuite.named("typo")
                                .expect(dev.assay.expectation.Expectations.column("amont")
                                        .notNull())
                                .build());
        assertThat(broken).hasNoErrors();
        assertThatThrownBy(() -> assertThat(errored).hasNoErrors())
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected no errored expectations in suite 'typo', but 1 errored:
                          - expect_column_values_to_not_be_null on column 'amont' errored
                              error: Column 'amont' not found in dataset 'orders'; available columns: [amount, status]; did you mean 'amount'?""");
    }

    @Test
    void aNullResultFails() {
        assertThatThrownBy(() -> assertThat((ValidationResult) null).isSuccessful())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
