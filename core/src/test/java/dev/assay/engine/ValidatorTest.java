package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.columnPair;
import static dev.assay.expectation.Expectations.columns;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.error.AssayException;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.Range;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static InMemoryBatch trips(int rowsPerSplit) {
        return InMemoryBatch.named("trips")
                .column("trip_id", "int64", 1L, 2L, 3L, 4L, 5L, 5L)
                .column("passenger_count", "int64", 1L, 2L, 9L, null, 3L, 1L)
                .column("payment_type", "string", "CARD", "CASH", "CARD", "BITCOIN", null, "CASH")
                .column("fare", "float64", 10.0, 12.5, 7.0, 30.0, 8.0, 9.5)
                .column(
                        "pickup_ts",
                        "timestamp",
                        "2024-01-01T10:00",
                        "2024-01-01T11:00",
                        "2024-01-02T09:00",
                        "2024-01-02T10:00",
                        "2024-01-03T08:00",
                        "2024-01-03T09:00")
                .column(
                        "dropoff_ts",
                        "timestamp",
                        "2024-01-01T10:30",
                        "2024-01-01T10:59",
                        "2024-01-02T09:20",
                        "2024-01-02T10:10",
                        "2024-01-03T08:15",
                        null)
                .rowsPerSplit(rowsPerSplit)
                .build();
    }

    private static final Validator VALIDATOR =
            Validator.create().withClock(Clock.fixed(Instant.parse("2024-01-03T12:00:00Z"), ZoneOffset.UTC));

    private static ValidationResult run(InMemoryBatch batch, ExpectationSuite suite) {
        return VALIDATOR.validate(batch, suite);
    }

    @Nested
    class Scan_sharing {
        @Test
        void ten_expectations_cause_one_scan() {
            InMemoryBatch batch = trips(2);
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(column("trip_id").notNull().unique())
                    .expect(column("passenger_count")
                            .between(0, 6)
                            .mostly(0.5)
                            .meanBetween(0, 10)
                            .maxBetween(0, 9))
                    .expect(column("payment_type").inSet("CARD", "CASH").lengthBetween(4, 7))
                    .expect(column("fare").medianBetween(5, 15).stdevBetween(0, 100))
                    .expect(table().rowCountBetween(1, 10))
                    .build();
            assertThat(suite.expectations()).hasSize(10);

            ValidationResult result = run(batch, suite);

            assertThat(batch.scanCount()).isEqualTo(1);
            assertThat(result.run().scans()).isEqualTo(1);
            assertThat(result.results()).noneMatch(r -> r instanceof Errored);
        }

        @Test
        void a_schema_only_suite_does_not_scan() {
            InMemoryBatch batch = trips(2);
            ExpectationSuite suite = ExpectationSuite.named("schema")
                    .expect(table().columnCountEquals(6).columnsInclude("trip_id"))
                    .expect(column("fare").ofType("float64"))
                    .build();

            ValidationResult result = run(batch, suite);

            assertThat(batch.scanCount()).isZero();
            assertThat(result.success()).isTrue();
        }
    }

    @Nested
    class Row_by_row {
        @Test
        void unique_marks_every_occurrence_of_a_repeated_value_in_data_order() {
            for (int split : new int[] {1, 2, 100}) {
                ValidationResult result = run(
                        trips(split),
                        ExpectationSuite.named("s")
                                .expect(column("trip_id").unique())
                                .build());
                Failed failed = (Failed) result.results().get(0);
                assertThat(failed.details().counts().orElseThrow().unexpectedCount())
                        .isEqualTo(2);
                assertThat(failed.details().unexpectedValues()).containsExactly(5L, 5L);
                assertThat(failed.details().unexpectedIndex()).containsExactly(4L, 5L);
            }
        }

        @Test
        void between_honours_mostly_and_skips_nulls() {
            ValidationResult result = run(
                    trips(3),
                    ExpectationSuite.named("s")
                            .expect(column("passenger_count").between(0, 6).mostly(0.81))
                            .expect(column("passenger_count").between(0, 6).mostly(0.8))
                            .build());
            Failed strict = (Failed) result.results().get(0);
            assertThat(strict.details().counts().orElseThrow())
                    .isEqualTo(new dev.assay.result.ResultDetails.Counts(6, 1, 1));
            assertThat(strict.details().unexpectedValues()).containsExactly(9L);
            assertThat(strict.reason())
                    .isEqualTo("1 of 5 non-null values (20%) are outside [0, 6]; mostly=0.81 allows at most 19%");
            assertThat(result.results().get(1).success()).isTrue();
        }

        @Test
        void pair_comparison_ignores_rows_with_both_values_missing_only() {
            ValidationResult result = run(
                    trips(2),
                    ExpectationSuite.named("s")
                            .expect(columnPair("dropoff_ts", "pickup_ts").aGreaterThanB())
                            .build());
            Failed failed = (Failed) result.results().get(0);
            // Row 1 has dropoff before pickup; row 5 has a missing dropoff, which counts as unexpected.
            assertThat(failed.details().unexpectedIndex()).containsExactly(1L, 5L);
        }

        @Test
        void compound_uniqueness_reports_the_combinations() {
            ValidationResult result = run(
                    trips(2),
                    ExpectationSuite.named("s")
                            .expect(columns("trip_id", "payment_type").unique())
                            .build());
            assertThat(result.results().get(0).success()).isTrue();
        }
    }

    @Nested
    class Aggregates {
        @Test
        void observed_values_are_reported() {
            ValidationResult result = run(
                    trips(4),
                    ExpectationSuite.named("s")
                            .expect(column("fare")
                                    .meanBetween(0, 100)
                                    .medianBetween(0, 100)
                                    .sumBetween(0, 1000))
                            .expect(column("pickup_ts").maxBetween("2024-01-01", "2024-01-04"))
                            .expect(column("payment_type").distinctValuesEqual("CARD", "CASH", "BITCOIN"))
                            .expect(column("pickup_ts").fresherThan(Duration.ofHours(4)))
                            .build());
            List<ExpectationResult> r = result.results();
            assertThat(r).allMatch(ExpectationResult::success);
            // The mean merges per-split moments, so its last bit may differ from 77 / 6 computed at once.
            assertThat((double) r.get(0).details().observedValue().orElseThrow())
                    .isCloseTo(77.0 / 6, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.get(1).details().observedValue()).contains(9.75);
            assertThat(r.get(2).details().observedValue()).contains(77.0);
            assertThat(r.get(4).details().observedValue()).contains(List.of("BITCOIN", "CARD", "CASH"));
        }

        @Test
        void freshness_fails_when_the_newest_value_is_too_old() {
            ValidationResult result = run(
                    trips(4),
                    ExpectationSuite.named("s")
                            .expect(column("pickup_ts").fresherThan(Duration.ofHours(2)))
                            .build());
            Failed failed = (Failed) result.results().get(0);
            assertThat(failed.reason())
                    .isEqualTo("the newest value 2024-01-03T09:00 is PT3H old at 2024-01-03T12:00:00Z, older than"
                            + " max_age PT2H");
        }
    }

    @Nested
    class Broken_expectations {
        @Test
        void an_unknown_column_errors_alone() {
            ValidationResult result = run(
                    trips(4),
                    ExpectationSuite.named("s")
                            .expect(column("fair").notNull())
                            .expect(column("fare").notNull())
                            .build());
            Errored errored = (Errored) result.results().get(0);
            assertThat(errored.message())
                    .isEqualTo("Column 'fair' not found in dataset 'trips'; available columns: [trip_id,"
                            + " passenger_count, payment_type, fare, pickup_ts, dropoff_ts]; did you mean 'fare'?");
            assertThat(result.results().get(1).success()).isTrue();
        }

        @Test
        void a_metric_that_does_not_apply_errors_alone() {
            ValidationResult result = run(
                    trips(4),
                    ExpectationSuite.named("s")
                            .expect(column("payment_type").meanBetween(0, 1))
                            .expect(new ColumnValuesBetween("fare", Range.between("a", "b")))
                            .expect(column("fare").notNull())
                            .build());
            assertThat(((Errored) result.results().get(0)).message())
                    .isEqualTo("a mean is not defined for column 'payment_type' of type string");
            assertThat(((Errored) result.results().get(1)).message())
                    .isEqualTo("min_value 'a' cannot be compared with column 'fare' of type float64");
            assertThat(result.results().get(2).success()).isTrue();
        }

        @Test
        void catch_exceptions_false_ends_the_validation() {
            var e = new dev.assay.expectation.ColumnValuesNotNull("nope");
            ExpectationSuite suite = ExpectationSuite.named("s")
                    .expect(e.withOptions(e.options().withCatchExceptions(false)))
                    .build();
            assertThatThrownBy(() -> run(trips(4), suite))
                    .isInstanceOf(AssayException.class)
                    .hasMessageStartingWith("Column 'nope' not found");
        }
    }

    @Test
    void complete_format_lists_row_ids_by_index_columns() {
        ExpectationSuite suite = ExpectationSuite.named("s")
                .expect(column("payment_type")
                        .inSet("CARD", "CASH")
                        .resultFormat(ResultFormat.COMPLETE.withUnexpectedIndexColumnNames(List.of("trip_id"))))
                .build();
        Failed failed = (Failed) run(trips(1), suite).results().get(0);
        assertThat(failed.details().unexpectedValues()).containsExactly("BITCOIN");
        assertThat(failed.details().unexpectedIndex()).containsExactly(java.util.Map.of("trip_id", 4L));
    }

    @Test
    void parallelism_does_not_change_results() {
        ExpectationSuite suite = ExpectationSuite.named("s")
                .expect(column("trip_id").unique())
                .expect(column("passenger_count").between(0, 2))
                .build();
        ValidationResult one = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(1))
                .validate(trips(1), suite);
        ValidationResult four = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(4))
                .validate(trips(1), suite);
        for (int i = 0; i < 2; i++) {
            assertThat(four.results().get(i).details())
                    .isEqualTo(one.results().get(i).details());
        }
    }
}
