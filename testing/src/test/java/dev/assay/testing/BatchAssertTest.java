package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.model.ResultFormat;
import dev.assay.source.Batch;
import org.junit.jupiter.api.Test;

class BatchAssertTest {
    private final Batch orders = Fixtures.orders();

    @Test
    void livesBesideAssertjsOwnAssertThat() {
        // Both statically imported: a batch resolves to BatchAssert, anything else to AssertJ.
        assertThat(orders).column("amount").valuesBetween(0, 10);
        assertThat(orders.name()).isEqualTo("orders");
    }

    @Test
    void aNullBatchFails() {
        assertThatThrownBy(() -> assertThat((Batch) null).satisfies(Fixtures.passingSuite()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void satisfiesAPassingSuite() {
        assertThat(orders).satisfies(Fixtures.passingSuite());
    }

    @Test
    void satisfiesListsEachBrokenExpectation() {
        assertThatThrownBy(() -> assertThat(orders).satisfies(Fixtures.brokenSuite()))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected batch 'orders' to satisfy suite 'orders_suite', but 2 of 3 expectations did not:
                          - expect_column_values_to_not_be_null on column 'amount' failed
                              1 of 3 values (33.33%) are null
                              unexpected values: null (row 2)
                          - expect_column_values_to_be_in_set on column 'status' failed
                              1 of 3 values (33.33%) are not in {'open', 'paid'}
                              unexpected values: 'lost' (row 2)""");
    }

    @Test
    void usingValidatorChangesTheResultFormat() {
        // BOOLEAN_ONLY results carry no details: the message ends with the reason.
        assertThatThrownBy(() -> assertThat(orders)
                        .usingValidator(Validator.create().withResultFormat(ResultFormat.BOOLEAN_ONLY))
                        .column("status")
                        .valuesInSet("open", "paid"))
                .isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("are not in {'open', 'paid'}")
                .hasMessageNotContaining("unexpected values");
    }

    @Test
    void passingColumnAssertionsChain() {
        assertThat(orders)
                .column("amount")
                .valuesBetween(0, 10_000)
                .valuesAtLeast(1)
                .valuesAtMost(2)
                .isUnique()
                .meanBetween(1, 2)
                .medianBetween(1, 2)
                .sumBetween(3, 3)
                .minBetween(1, 1)
                .maxBetween(2, 2)
                .valuesNotInSet(7L)
                .exists()
                .passes(c -> c.nonNullProportionBetween(0.5, 1));
        assertThat(orders)
                .column("status")
                .hasNoNulls()
                .valuesInSet("open", "paid", "lost")
                .valuesMatch("^[a-z]{4}$")
                .valuesDoNotMatch("\\d")
                .lengthsBetween(4, 4);
    }

    @Test
    void hasNoNullsFailsWithTheReasonAndTheNullRow() {
        assertThatThrownBy(() -> assertThat(orders).column("amount").hasNoNulls())
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected column 'amount' of batch 'orders' to pass, but:
                          - expect_column_values_to_not_be_null on column 'amount' failed
                              1 of 3 values (33.33%) are null
                              unexpected values: null (row 2)""");
    }

    @Test
    void theFirstFailureInAChainStopsIt() {
        assertThatThrownBy(
                        () -> assertThat(orders).column("amount").hasNoNulls().valuesBetween(5, 6))
                .hasMessageContaining("expect_column_values_to_not_be_null")
                .hasMessageNotContaining("expect_column_values_to_be_between");
    }

    @Test
    void valuesBetweenShowsTheValuesOutside() {
        assertThatThrownBy(() -> assertThat(orders).column("amount").valuesBetween(0, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected column 'amount' of batch 'orders' to pass, but:
                          - expect_column_values_to_be_between on column 'amount' failed
                              1 of 2 non-null values (50%) are outside [0, 1]
                              unexpected values: 2 (row 1)""");
    }

    @Test
    void valuesMatchShowsTheValuesThatDoNot() {
        assertThatThrownBy(() -> assertThat(orders).column("status").valuesMatch("^p"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect_column_values_to_match_regex on column 'status' failed")
                .hasMessageContaining("unexpected values: 'open' (row 0), 'lost' (row 2)");
    }

    @Test
    void meanBetweenShowsTheObservedMeanAndTheBounds() {
        assertThatThrownBy(() -> assertThat(orders).column("amount").meanBetween(5, 6))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected column 'amount' of batch 'orders' to pass, but:
                          - expect_column_mean_to_be_between on column 'amount' failed
                              the mean 1.5 is not [5, 6]
                              observed: 1.5
                              expected: min_value=5.0, max_value=6.0""");
    }

    @Test
    void isUniqueAndLengthsBetweenFail() {
        Batch dupes = dev.assay.source.InMemoryBatch.named("dupes")
                .column("code", "string", "ab", "ab", "abcd")
                .build();
        assertThatThrownBy(() -> assertThat(dupes).column("code").isUnique())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect_column_values_to_be_unique on column 'code' failed")
                .hasMessageContaining("'ab' (row 0), 'ab' (row 1)");
        assertThatThrownBy(() -> assertThat(dupes).column("code").lengthsBetween(2, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect_column_value_lengths_to_be_between on column 'code' failed")
                .hasMessageContaining("unexpected values: 'abcd' (row 2)");
    }

    @Test
    void anUnknownColumnIsReportedAsAnError() {
        assertThatThrownBy(() -> assertThat(orders).column("nope").hasNoNulls())
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        """
                        Expected column 'nope' of batch 'orders' to pass, but:
                          - expect_column_values_to_not_be_null on column 'nope' errored
                              error: Column 'nope' not found in dataset 'orders'; available columns: [amount, status]""");
    }
}
