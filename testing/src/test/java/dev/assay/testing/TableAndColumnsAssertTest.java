package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.expectation.Expectations;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TableAndColumnsAssertTest {
    /** start and end of four trips; trip 3 ends before it starts, and (1, 'a') occurs twice. */
    private final Batch trips = InMemoryBatch.named("trips")
            .column("trip", "int64", 1L, 2L, 3L, 1L)
            .column("leg", "string", "a", "b", "a", "a")
            .column("start", "int64", 10L, 20L, 30L, 40L)
            .column("end", "int64", 15L, 25L, 29L, 45L)
            .column("billed", "int64", 5L, 5L, 7L, 5L)
            .column("paid", "int64", 5L, 5L, 6L, 5L)
            .build();

    @Nested
    class TableLevel {
        @Test
        void passingTableAssertionsChain() {
            assertThat(trips)
                    .hasRowCount(4)
                    .hasRowCountBetween(1, 4)
                    .hasColumns("end", "trip")
                    .hasExactlyColumns("paid", "billed", "end", "start", "leg", "trip")
                    .hasColumnsInOrder("trip", "leg", "start", "end", "billed", "paid")
                    .hasColumnCount(6)
                    .hasColumnCountBetween(6, 10)
                    .passes(Expectations.table().rowCountBetween(4, 4));
        }

        @Test
        void hasRowCountBetweenFailsWithTheObservedCount() {
            assertThatThrownBy(() -> assertThat(trips).hasRowCountBetween(10, 20))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessage(
                            """
                            Expected batch 'trips' to pass, but:
                              - expect_table_row_count_to_be_between failed
                                  the row count 4 is not [10, 20]
                                  observed: 4
                                  expected: min_value=10, max_value=20""");
        }

        @Test
        void hasColumnsNamesTheMissingColumn() {
            assertThatThrownBy(() -> assertThat(trips).hasColumns("trip", "fare"))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_table_columns_to_match_set failed")
                    .hasMessageContaining("fare");
        }

        @Test
        void hasColumnsInOrderFailsOnAnotherOrder() {
            assertThatThrownBy(
                            () -> assertThat(trips).hasColumnsInOrder("leg", "trip", "start", "end", "billed", "paid"))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_table_columns_to_match_ordered_list failed");
        }

        @Test
        void hasColumnCountFails() {
            assertThatThrownBy(() -> assertThat(trips).hasColumnCount(5))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_table_column_count_to_equal failed")
                    .hasMessageContaining("observed: 6");
        }

        @Test
        void theErrorCarriesTheResult() {
            AssayAssertionError error = (AssayAssertionError) org.assertj.core.api.Assertions.catchThrowable(
                    () -> assertThat(trips).hasRowCount(3));
            assertThat(error.results()).hasSize(1);
            assertThat(error.results().get(0).suiteName()).isEqualTo("table");
            assertThat(error.results().get(0).success()).isFalse();
        }
    }

    @Nested
    class SeveralColumns {
        @Test
        void passingPairAndCompoundAssertions() {
            assertThat(trips).columns("trip", "leg", "start").areUnique();
            assertThat(trips).columns("end", "trip").firstGreaterThanSecond().firstAtLeastSecond();
            assertThat(trips).columns("billed", "billed").areEqual();
        }

        @Test
        void areEqualShowsTheRowsThatDiffer() {
            assertThatThrownBy(() -> assertThat(trips).columns("billed", "paid").areEqual())
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessage(
                            """
                            Expected columns ['billed', 'paid'] of batch 'trips' to pass, but:
                              - expect_column_pair_values_to_be_equal on columns 'billed', 'paid' failed
                                  1 of 4 values (25%) have 'billed' != 'paid'
                                  unexpected values: [7, 6] (row 2)""");
        }

        @Test
        void firstGreaterThanSecondShowsTheRowThatIsNot() {
            assertThatThrownBy(() -> assertThat(trips).columns("end", "start").firstGreaterThanSecond())
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining(
                            "expect_column_pair_values_a_to_be_greater_than_b on columns 'end', 'start' failed")
                    .hasMessageContaining("1 of 4")
                    .hasMessageContaining("(row 2)");
        }

        @Test
        void areUniqueShowsTheRepeatedCombination() {
            assertThatThrownBy(() -> assertThat(trips).columns("trip", "leg").areUnique())
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_compound_columns_to_be_unique on columns 'trip', 'leg' failed")
                    .hasMessageContaining("(row 0)")
                    .hasMessageContaining("(row 3)");
        }

        @Test
        void aPairAssertionOnThreeColumnsIsRefused() {
            assertThatThrownBy(() -> assertThat(trips).columns("a", "b", "c").areEqual())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("areEqual() compares two columns, but 3 were given: [a, b, c]");
        }

        @Test
        void softAssertionsCollectColumnsFailures() {
            AssaySoftAssertions softly = new AssaySoftAssertions();
            softly.assertThat(trips).columns("billed", "paid").areEqual();
            softly.assertThat(trips).columns("trip", "leg").areUnique();
            softly.assertThat(trips).hasRowCount(1);
            assertThat(softly.errorsCollected()).hasSize(3).allMatch(e -> e instanceof AssayAssertionError);
        }
    }

    @Nested
    class MoreColumnAssertions {
        private final Batch readings = InMemoryBatch.named("readings")
                .column("code", "string", "ab", "cd", "ef", null)
                .column("value", "float64", 1.0, 2.0, 3.0, 4.0)
                .column("at", "timestamp_tz", Instant.parse("2024-01-01T00:00:00Z"), null, null, null)
                .build();

        @Test
        void passingColumnAssertionsChain() {
            assertThat(readings)
                    .column("code")
                    .nonNullProportionBetween(0.75, 0.75)
                    .lengthsEqual(2)
                    .uniqueValueCountBetween(3, 3)
                    .uniqueProportionBetween(1, 1)
                    .distinctValuesInSet("ab", "cd", "ef", "gh")
                    .distinctValuesContain("ab")
                    .distinctValuesEqual("ab", "cd", "ef")
                    .hasType("string")
                    .hasTypeIn("int64", "string");
            assertThat(readings)
                    .column("value")
                    .valuesStrictlyBetween(0.5, 4.5)
                    .stdevBetween(1.29, 1.30)
                    .quantileBetween(0.5, 2.0, 3.0);
        }

        @Test
        void valuesStrictlyBetweenExcludesTheBounds() {
            assertThatThrownBy(() -> assertThat(readings).column("value").valuesStrictlyBetween(1.0, 4.0))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_column_values_to_be_between on column 'value' failed")
                    .hasMessageContaining("unexpected values: 1.0 (row 0), 4.0 (row 3)");
        }

        @Test
        void distinctValuesEqualNamesTheDifference() {
            assertThatThrownBy(() -> assertThat(readings).column("code").distinctValuesEqual("ab", "cd"))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_column_distinct_values_to_equal_set on column 'code' failed")
                    .hasMessageContaining("ef");
        }

        @Test
        void isFresherThanReadsTheValidatorsClock() {
            Clock later = Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC);
            assertThat(readings)
                    .usingValidator(BatchAssert.DEFAULT_VALIDATOR.withClock(later))
                    .column("at")
                    .isFresherThan(Duration.ofDays(2));
            assertThatThrownBy(() -> assertThat(readings)
                            .usingValidator(BatchAssert.DEFAULT_VALIDATOR.withClock(later))
                            .column("at")
                            .isFresherThan(Duration.ofHours(1)))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_column_values_to_be_fresh on column 'at' failed");
        }

        @Test
        void hasTypeShowsTheObservedType() {
            assertThatThrownBy(() -> assertThat(readings).column("value").hasType("int64"))
                    .isInstanceOf(AssayAssertionError.class)
                    .hasMessageContaining("expect_column_values_to_be_of_type on column 'value' failed")
                    .hasMessageContaining("float64");
        }
    }
}
