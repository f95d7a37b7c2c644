package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.Assay;
import dev.assay.contract.LibraryMetricCheck.LibraryMetric;
import dev.assay.contract.LibraryMetricCheck.Unit;
import dev.assay.contract.Threshold.Operator;
import dev.assay.error.InvalidExpectationException;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LibraryMetricCheckTest {
    // 8 rows: 2 nulls, one '' and one 'N/A', 'a' twice.
    private static final Batch BATCH = InMemoryBatch.named("t")
            .column("v", "string", "a", "a", null, "b", "", "N/A", null, "c")
            .column("k", "int64", 1L, 1L, 2L, 3L, 4L, 5L, 6L, 7L)
            .build();

    private static LibraryMetricCheck check(
            LibraryMetric metric, List<String> columns, List<Object> values, Unit unit, Threshold threshold) {
        return new LibraryMetricCheck(
                metric,
                columns,
                values,
                Optional.empty(),
                unit,
                threshold,
                metric.defaultDimension(),
                ExpectationOptions.DEFAULT);
    }

    private static ExpectationResult run(LibraryMetricCheck check) {
        return Assay.validate(BATCH, ExpectationSuite.named("s").expect(check).build())
                .results()
                .get(0);
    }

    private static Object observed(LibraryMetricCheck check) {
        return run(check).details().observedValue().orElseThrow();
    }

    @Nested
    class counts {
        @Test
        void null_values_in_rows_and_percent() {
            assertThat(observed(check(
                            LibraryMetric.NULL_VALUES,
                            List.of("v"),
                            List.of(),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(2L);
            assertThat(observed(check(
                            LibraryMetric.NULL_VALUES,
                            List.of("v"),
                            List.of(),
                            Unit.PERCENT,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(new BigDecimal("25"));
        }

        @Test
        void missing_values_are_nulls_plus_the_listed_values() {
            assertThat(observed(check(
                            LibraryMetric.MISSING_VALUES,
                            List.of("v"),
                            Arrays.asList(null, "", "N/A"),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(4L);
            assertThat(observed(check(
                            LibraryMetric.MISSING_VALUES,
                            List.of("v"),
                            List.of(),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(2L);
        }

        @Test
        void invalid_values_outside_the_valid_set_or_pattern_nulls_excluded() {
            assertThat(observed(check(
                            LibraryMetric.INVALID_VALUES,
                            List.of("v"),
                            List.of("a", "b", "c"),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(2L);
            LibraryMetricCheck pattern = new LibraryMetricCheck(
                    LibraryMetric.INVALID_VALUES,
                    List.of("v"),
                    List.of(),
                    Optional.of("^[a-z]$"),
                    Unit.PERCENT,
                    Threshold.of(Operator.MUST_BE, 0L),
                    dev.assay.model.Dimension.VALIDITY,
                    ExpectationOptions.DEFAULT);
            assertThat(observed(pattern)).isEqualTo(new BigDecimal("25"));
        }

        @Test
        void duplicate_values_on_one_column_and_on_a_combination() {
            assertThat(observed(check(
                            LibraryMetric.DUPLICATE_VALUES,
                            List.of("v"),
                            List.of(),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(2L);
            assertThat(observed(check(
                            LibraryMetric.DUPLICATE_VALUES,
                            List.of("v", "k"),
                            List.of(),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(2L);
            assertThat(observed(check(
                            LibraryMetric.DUPLICATE_VALUES,
                            List.of("k"),
                            List.of(),
                            Unit.PERCENT,
                            Threshold.of(Operator.MUST_BE, 0L))))
                    .isEqualTo(new BigDecimal("25"));
        }

        @Test
        void row_count() {
            assertThat(observed(check(
                            LibraryMetric.ROW_COUNT,
                            List.of(),
                            List.of(),
                            Unit.ROWS,
                            Threshold.of(Operator.MUST_NOT_BE, 0L))))
                    .isEqualTo(8L);
        }
    }

    @Nested
    class judges {
        @Test
        void rows_and_percent_against_the_threshold() {
            assertThat(run(check(
                                    LibraryMetric.NULL_VALUES,
                                    List.of("v"),
                                    List.of(),
                                    Unit.ROWS,
                                    Threshold.of(Operator.MUST_BE_LESS_THAN, 3L)))
                            .success())
                    .isTrue();
            assertThat(run(check(
                                    LibraryMetric.NULL_VALUES,
                                    List.of("v"),
                                    List.of(),
                                    Unit.ROWS,
                                    Threshold.of(Operator.MUST_BE_LESS_THAN, 2L)))
                            .success())
                    .isFalse();
            assertThat(run(check(
                                    LibraryMetric.NULL_VALUES,
                                    List.of("v"),
                                    List.of(),
                                    Unit.PERCENT,
                                    Threshold.of(Operator.MUST_BE_LESS_OR_EQUAL_TO, 25L)))
                            .success())
                    .isTrue();
            assertThat(run(check(
                                    LibraryMetric.NULL_VALUES,
                                    List.of("v"),
                                    List.of(),
                                    Unit.PERCENT,
                                    Threshold.of(Operator.MUST_BE_LESS_THAN, 25L)))
                            .success())
                    .isFalse();
        }

        @Test
        void with_a_reason_that_names_metric_column_value_and_threshold() {
            ExpectationResult r = run(check(
                    LibraryMetric.MISSING_VALUES,
                    List.of("v"),
                    Arrays.asList(null, ""),
                    Unit.PERCENT,
                    Threshold.of(Operator.MUST_BE_BETWEEN, 0L, 10L)));

            assertThat(((Failed) r).reason())
                    .isEqualTo("missingValues = 37.5% on [v] (of 8 rows) does not satisfy mustBeBetween [0, 10]");
            assertThat(r.details().counts().orElseThrow().unexpectedCount()).isEqualTo(3L);
            assertThat(r.details().unexpectedValues()).containsExactly(null, null, "");
        }

        @Test
        void in_the_dimension_of_the_rule() {
            LibraryMetricCheck c = new LibraryMetricCheck(
                    LibraryMetric.NULL_VALUES,
                    List.of("v"),
                    List.of(),
                    Optional.empty(),
                    Unit.ROWS,
                    Threshold.of(Operator.MUST_BE, 0L),
                    dev.assay.model.Dimension.ACCURACY,
                    ExpectationOptions.DEFAULT);

            assertThat(c.type().dimension()).isEqualTo(dev.assay.model.Dimension.ACCURACY);
            assertThat(c.type().name()).isEqualTo("expect_contract_metric_to_meet_threshold");
        }
    }

    @Test
    void rejects_a_check_that_makes_no_sense() {
        assertThatThrownBy(() -> check(
                        LibraryMetric.ROW_COUNT,
                        List.of(),
                        List.of(),
                        Unit.PERCENT,
                        Threshold.of(Operator.MUST_BE, 0L)))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("rowCount is a number of rows; unit percent does not apply");
        assertThatThrownBy(() -> check(
                        LibraryMetric.INVALID_VALUES,
                        List.of("v"),
                        List.of(),
                        Unit.ROWS,
                        Threshold.of(Operator.MUST_BE, 0L)))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("invalidValues on 'v' needs either validValues or pattern (not both)");
        assertThatThrownBy(() -> check(
                        LibraryMetric.NULL_VALUES, List.of(), List.of(), Unit.ROWS, Threshold.of(Operator.MUST_BE, 0L)))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("nullValues needs a column");
    }
}
