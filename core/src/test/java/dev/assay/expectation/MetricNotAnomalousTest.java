package dev.assay.expectation;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.engine.Validator;
import dev.assay.error.InvalidExpectationException;
import dev.assay.error.SuiteFormatException;
import dev.assay.metric.NamedMetric;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.Passed;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import dev.assay.store.Store;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricNotAnomalousTest {
    static final Instant NOW = Instant.parse("2024-03-01T06:00:00Z");
    static final String FILE = "suites/trips.json";

    @TempDir
    Path folder;

    MetricHistory history;

    @BeforeEach
    void history() {
        history = new MetricHistory(Store.local(folder));
    }

    /** Fares with mean 12.0 and a null among them; pickups, the newest 3 hours before NOW. */
    static InMemoryBatch trips() {
        return InMemoryBatch.named("trips.csv")
                .column("fare", "float64", 10.0, 14.0, null, 12.0)
                .column("vendor", "string", "a", "b", "c", "d")
                .column(
                        "pickup_ts",
                        "timestamp",
                        "2024-03-01T01:00",
                        "2024-03-01T03:00",
                        "2024-02-29T22:00",
                        "2024-03-01T02:30")
                .column("nothing", "float64", null, null, null, null)
                .build();
    }

    /** Records earlier runs with these values of one metric, a day apart, the last a day before NOW. */
    void earlier(String name, double... values) {
        for (int i = 0; i < values.length; i++) {
            Instant time = NOW.minus(Duration.ofDays(values.length - i));
            history.record(new MetricRecord("trips", "b", "trips", time, "r" + i, Map.of(name, values[i])));
        }
    }

    ExpectationResult validate(ExpectationSuite suite) {
        return Validator.create()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withHistory(history, "trips")
                .validate(trips(), suite)
                .results()
                .get(0);
    }

    ExpectationResult validate(ColumnExpectations expectations) {
        return validate(ExpectationSuite.named("trips").expect(expectations).build());
    }

    static String error(String kwargs) {
        String json = "{'name': 'trips', 'expectations': [{'type': 'expect_metric_to_not_be_anomalous', 'kwargs': "
                + kwargs + "}]}";
        Throwable thrown = catchThrowable(() -> SuiteFiles.parse(json.replace('\'', '"'), SuiteFormat.JSON, FILE));
        assertThat(thrown).isInstanceOf(SuiteFormatException.class);
        return thrown.getMessage();
    }

    static MetricNotAnomalous parse(String kwargs) {
        String json = "{'name': 'trips', 'expectations': [{'type': 'expect_metric_to_not_be_anomalous', 'kwargs': "
                + kwargs + "}]}";
        return (MetricNotAnomalous) SuiteFiles.parse(json.replace('\'', '"'), SuiteFormat.JSON, FILE)
                .expectations()
                .get(0);
    }

    @Nested
    class Relative_change {
        @Test
        void passes_the_first_run_with_a_note() {
            ExpectationResult result =
                    validate(column("fare").notAnomalous("column.mean", AnomalyRule.relativeChange(0.1)));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().observedValue()).contains(12.0);
            assertThat(result.details().extra())
                    .containsEntry(
                            "note", "no metric history: first run of asset 'trips' that records column.mean(fare)");
        }

        @Test
        void fails_when_the_mean_drifts() {
            earlier("column.mean(fare)", 8.0);

            ExpectationResult result =
                    validate(column("fare").notAnomalous("column.mean", AnomalyRule.relativeChange(0.1)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("column.mean(fare) 12 is 50% above the previous run's 8; at most 10% allowed");
        }

        @Test
        void bounds_an_absolute_change_of_a_fraction() {
            earlier("column.null_fraction(fare)", 0.0);

            ExpectationResult result = validate(column("fare")
                    .notAnomalous(
                            "column.null_fraction",
                            new AnomalyRule(
                                    AnomalyRule.Strategy.RELATIVE_CHANGE,
                                    Optional.empty(),
                                    Optional.of(0.1),
                                    1,
                                    Optional.empty(),
                                    1)));

            assertThat(((Failed) result).reason())
                    .isEqualTo(
                            "column.null_fraction(fare) 0.25 is 0.25 above the previous run's 0; at most 0.1 allowed");
        }

        @Test
        void compares_freshness_in_seconds() {
            earlier("column.freshness_seconds(pickup_ts)", 3600.0);

            ExpectationResult result = validate(
                    column("pickup_ts").notAnomalous("column.freshness_seconds", AnomalyRule.relativeChange(1.0)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("column.freshness_seconds(pickup_ts) 10,800 is 200% above the previous run's 3,600; at"
                            + " most 100% allowed");
        }

        @Test
        void fails_when_the_metric_is_undefined_for_the_batch() {
            earlier("column.mean(nothing)", 1.0);

            ExpectationResult result =
                    validate(column("nothing").notAnomalous("column.mean", AnomalyRule.relativeChange(0.1)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("column.mean(nothing) is undefined for this batch (the column has no values), so it"
                            + " cannot be compared with earlier runs");
        }

        @Test
        void errs_on_a_metric_that_does_not_apply_to_the_column() {
            ExpectationResult result =
                    validate(column("vendor").notAnomalous("column.min", AnomalyRule.relativeChange(0.1)));

            assertThat(result).isInstanceOf(Errored.class);
            assertThat(((Errored) result).message())
                    .isEqualTo("column.min needs a numeric column; 'vendor' holds String values");
        }

        @Test
        void errs_when_the_history_cannot_be_read() throws Exception {
            earlier("column.mean(fare)", 12.0);
            Path record =
                    Files.list(folder.resolve("metrics/trips")).findFirst().orElseThrow();
            Files.writeString(record, "{not json", StandardCharsets.UTF_8);

            ExpectationResult result =
                    validate(column("fare").notAnomalous("column.mean", AnomalyRule.relativeChange(0.1)));

            assertThat(result).isInstanceOf(Errored.class);
            assertThat(((Errored) result).message())
                    .startsWith("the metric history of asset 'trips' could not be read: the metric history object"
                            + " metrics/trips/");
        }
    }

    @Nested
    class Mean_of_last {
        @Test
        void compares_with_the_mean() {
            earlier("column.mean(fare)", 11.0, 12.0, 13.0);

            ExpectationResult result =
                    validate(column("fare").notAnomalous("column.mean", AnomalyRule.meanOfLast(7, 0.01)));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra())
                    .containsEntry("reference", 12.0)
                    .containsEntry("runs_compared", 3);
        }
    }

    @Nested
    class Z_score {
        @Test
        void passes_within_the_threshold() {
            earlier("column.mean(fare)", 11.0, 13.0, 11.0, 13.0);

            ExpectationResult result = validate(column("fare").notAnomalous("column.mean", AnomalyRule.zScore(7, 3)));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra())
                    .containsEntry("mean", 12.0)
                    .containsEntry("z_score", 0.0)
                    .containsEntry("threshold", 3.0);
        }

        @Test
        void fails_beyond_the_threshold() {
            earlier("column.mean(fare)", 5.0, 7.0, 5.0, 7.0);

            ExpectationResult result = validate(column("fare").notAnomalous("column.mean", AnomalyRule.zScore(7, 3)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("column.mean(fare) 12 has a z-score of 5.2 against the last 4 runs (mean 6, stdev"
                            + " 1.1547); at most 3 allowed");
        }

        @Test
        void a_history_without_variation_passes_the_same_value() {
            earlier("table.row_count", 4.0, 4.0, 4.0);

            ExpectationResult result = validate(ExpectationSuite.named("trips")
                    .expect(table().metricNotAnomalous("table.row_count", AnomalyRule.zScore(7, 3)))
                    .build());

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra()).containsEntry("stdev", 0.0).containsEntry("z_score", 0.0);
        }

        @Test
        void a_history_without_variation_fails_any_other_value() {
            earlier("table.row_count", 5.0, 5.0, 5.0);

            ExpectationResult result = validate(ExpectationSuite.named("trips")
                    .expect(table().metricNotAnomalous("table.row_count", AnomalyRule.zScore(7, 3)))
                    .build());

            assertThat(((Failed) result).reason())
                    .isEqualTo("table.row_count 4 differs from the last 3 runs, which all had 5: with no variation in"
                            + " the history any change is anomalous by z-score");
            assertThat(result.details().extra()).doesNotContainKey("z_score");
        }

        @Test
        void waits_for_three_earlier_runs_by_default() {
            earlier("column.mean(fare)", 1.0, 2.0);

            ExpectationResult result = validate(column("fare").notAnomalous("column.mean", AnomalyRule.zScore(7, 3)));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra())
                    .containsEntry(
                            "note",
                            "only 2 earlier runs of asset 'trips' recorded column.mean(fare); min_runs is 3, so this"
                                    + " run is not judged yet");
        }
    }

    @Nested
    class Kwargs {
        @Test
        void default_to_relative_change_and_z_score_defaults() {
            assertThat(parse("{'metric': 'table.row_count', 'max_change': 0.5}"))
                    .isEqualTo(new MetricNotAnomalous(NamedMetric.rowCount(), AnomalyRule.relativeChange(0.5)));
            assertThat(parse("{'metric': 'column.mean', 'column': 'fare', 'strategy': 'z_score'}"))
                    .isEqualTo(new MetricNotAnomalous(
                            NamedMetric.column("column.mean", "fare"), AnomalyRule.zScore(7, 3.0)));
            assertThat(parse("{'metric': 'column.stdev', 'column': 'fare', 'strategy': 'mean_of_last',"
                            + " 'max_abs_change': 2, 'runs': 3, 'min_runs': 2}"))
                    .isEqualTo(new MetricNotAnomalous(
                            NamedMetric.column("column.stdev", "fare"),
                            new AnomalyRule(
                                    AnomalyRule.Strategy.MEAN_OF_LAST,
                                    Optional.empty(),
                                    Optional.of(2.0),
                                    3,
                                    Optional.empty(),
                                    2)));
        }

        @Test
        void round_trip_through_yaml_and_json() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(table().rowCountChangesByAtMost(
                                    AnomalyRule.meanOfLast(14, 0.3).withMaxAbsChange(5000))
                            .metricNotAnomalous(
                                    "table.row_count",
                                    AnomalyRule.zScore(30, 2.5).withMinRuns(10)))
                    .expect(column("fare")
                            .notAnomalous(
                                    "column.null_fraction",
                                    AnomalyRule.relativeChange(0.5).withMaxAbsChange(0.01)))
                    .build();

            String yaml = SuiteFiles.toYaml(suite);

            assertThat(SuiteFiles.parse(yaml, SuiteFormat.YAML, "s.yaml")).isEqualTo(suite);
            assertThat(SuiteFiles.parse(SuiteFiles.toJson(suite), SuiteFormat.JSON, "s.json"))
                    .isEqualTo(suite);
            assertThat(yaml)
                    .contains("    kwargs:\n      max_change: 0.3\n      max_change_rows: 5000\n"
                            + "      compared_to: mean_of_last\n      runs: 14\n      min_runs: 1\n")
                    .contains("    kwargs:\n      metric: table.row_count\n      strategy: z_score\n      runs: 30\n"
                            + "      threshold: 2.5\n      min_runs: 10\n");
        }

        @Test
        void name_a_misspelt_strategy() {
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'zscore', 'threshold': 3}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg"
                            + " 'strategy': 'zscore' is not a strategy; did you mean 'z_score'? Use one of"
                            + " relative_change, mean_of_last, z_score");
        }

        @Test
        void name_a_misspelt_metric() {
            assertThat(error("{'metric': 'column.maen', 'column': 'fare', 'max_change': 0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg"
                            + " 'metric': unknown metric 'column.maen'; did you mean 'column.mean'? Known metrics:"
                            + " table.row_count, column.null_count, column.null_fraction, column.distinct_count,"
                            + " column.min, column.max, column.mean, column.median, column.stdev, column.sum,"
                            + " column.freshness_seconds");
        }

        @Test
        void want_the_column_in_its_own_kwarg() {
            assertThat(error("{'metric': 'column.mean(fare)', 'max_change': 0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg 'metric':"
                            + " 'column.mean(fare)' names a column; write the metric kind (such as column.mean) in"
                            + " 'metric' and the column in 'column'");
            assertThat(error("{'metric': 'column.mean', 'max_change': 0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg 'column':"
                            + " is required for metric 'column.mean'");
            assertThat(error("{'metric': 'table.row_count', 'column': 'fare', 'max_change': 0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg 'column':"
                            + " metric 'table.row_count' is about the whole table and takes no column");
        }

        @Test
        void refuse_bounds_that_do_not_fit_the_strategy() {
            assertThat(error("{'metric': 'table.row_count'}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): relative_change"
                            + " needs max_change (a fraction: 0.2 = 20%) or max_abs_change");
            assertThat(error("{'metric': 'table.row_count', 'max_change': 0.1, 'runs': 7}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg 'runs':"
                            + " relative_change compares with the previous run only; use strategy mean_of_last or"
                            + " z_score to compare with the last 7 runs");
            assertThat(error("{'metric': 'table.row_count', 'max_change': 0.1, 'threshold': 3}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): threshold"
                            + " applies to the z_score strategy only, not to relative_change");
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'z_score', 'max_change': 0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): max_change and"
                            + " max_abs_change apply to relative_change and mean_of_last; z_score is bounded by"
                            + " threshold");
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'z_score', 'threshold': -1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): threshold must"
                            + " be a positive number, got -1.0");
            assertThat(error("{'metric': 'table.row_count', 'max_change': -0.1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): max_change must"
                            + " be a number >= 0, got -0.1");
        }

        @Test
        void refuse_counts_out_of_range() {
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'mean_of_last', 'max_change': 0.1, 'runs': 0}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg 'runs':"
                            + " must be between 1 and 1000, got 0");
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'z_score', 'runs': 5, 'min_runs': 6}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): min_runs must"
                            + " be between 1 and runs (5), got 6");
            assertThat(error("{'metric': 'table.row_count', 'strategy': 'z_score', 'runs': 1}"))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): z_score needs"
                            + " at least 2 runs to have a standard deviation, got runs 1");
        }

        @Test
        void refuse_a_row_condition() {
            assertThat(error("{'metric': 'table.row_count', 'max_change': 0.1, 'row_condition': 'fare > 0'}"))
                    .isEqualTo(
                            "suites/trips.json: expectation #1 (expect_metric_to_not_be_anomalous): kwarg"
                                    + " 'row_condition' is not supported: expect_metric_to_not_be_anomalous does not read rows");
            assertThatThrownBy(() -> new MetricNotAnomalous(
                            NamedMetric.rowCount(),
                            AnomalyRule.relativeChange(0.1),
                            ExpectationOptions.DEFAULT.withRowFilter(RowFilter.parse("fare > 0"))))
                    .isInstanceOf(InvalidExpectationException.class)
                    .hasMessage("expect_metric_to_not_be_anomalous takes no row filter: the metric history holds"
                            + " metrics of whole batches");
        }

        @Test
        void of_the_row_count_expectation_are_checked_too() {
            String type = "'type': 'expect_table_row_count_to_change_by_at_most'";
            String prefix = "suites/trips.json: expectation #1 (expect_table_row_count_to_change_by_at_most): ";
            assertThat(rowCountError(type, "{}"))
                    .isEqualTo(prefix
                            + "kwarg 'max_change': is required unless max_change_rows is set (a fraction: 0.2 allows a 20%"
                            + " change)");
            assertThat(rowCountError(type, "{'max_change': 0.2, 'compared_to': 'last'}"))
                    .isEqualTo(prefix + "kwarg 'compared_to': must be previous or mean_of_last, got 'last'");
            assertThat(rowCountError(type, "{'max_change': 0.2, 'runs': 3}"))
                    .isEqualTo(prefix + "kwarg 'runs': applies to compared_to: mean_of_last; compared_to: previous"
                            + " uses the previous run only");
            assertThat(rowCountError(type, "{'max_change_rows': -5}"))
                    .isEqualTo(prefix + "kwarg 'max_change_rows': must be >= 0, got -5");
            assertThat(rowCountError(type, "{'max_change': 0.2, 'max_rows': 5}"))
                    .startsWith(prefix + "unknown kwarg 'max_rows'");
        }

        private String rowCountError(String type, String kwargs) {
            String json = "{'name': 'trips', 'expectations': [{" + type + ", 'kwargs': " + kwargs + "}]}";
            Throwable thrown = catchThrowable(() -> SuiteFiles.parse(json.replace('\'', '"'), SuiteFormat.JSON, FILE));
            assertThat(thrown).isInstanceOf(SuiteFormatException.class);
            return thrown.getMessage();
        }
    }
}
