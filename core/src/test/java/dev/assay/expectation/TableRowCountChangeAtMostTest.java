package dev.assay.expectation;

import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.Passed;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import dev.assay.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRowCountChangeAtMostTest {
    static final Instant NOW = Instant.parse("2024-03-01T06:00:00Z");

    @TempDir
    Path folder;

    MetricHistory history;

    @BeforeEach
    void history() {
        history = new MetricHistory(Store.local(folder));
    }

    /** A batch of {@code n} rows. */
    static InMemoryBatch rows(int n) {
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            ids.add(i);
        }
        return InMemoryBatch.named("trips.csv").column("trip_id", "int64", ids).build();
    }

    /** Records earlier runs of the asset 'trips' with these row counts, a day apart, the last a day before NOW. */
    void earlierRowCounts(long... counts) {
        for (int i = 0; i < counts.length; i++) {
            record(NOW.minus(Duration.ofDays(counts.length - i)), Map.of("table.row_count", (double) counts[i]));
        }
    }

    void record(Instant time, Map<String, Double> values) {
        history.record(new MetricRecord("trips", "b", "trips", time, "run" + time.getEpochSecond(), values));
    }

    ExpectationResult validate(InMemoryBatch batch, TableExpectations expectations) {
        Validator validator =
                Validator.create().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withHistory(history, "trips");
        return validator
                .validate(
                        batch,
                        ExpectationSuite.named("trips").expect(expectations).build())
                .results()
                .get(0);
    }

    @Nested
    class Without_history {
        @Test
        void the_first_run_passes_with_a_note() {
            ExpectationResult result = validate(rows(1500), table().rowCountChangesByAtMost(0.2));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().observedValue()).contains(1500L);
            assertThat(result.details().extra())
                    .containsEntry("runs_compared", 0)
                    .containsEntry(
                            "note", "no metric history: first run of asset 'trips' that records table.row_count");
        }

        @Test
        void a_validation_given_no_history_passes_and_says_so() {
            ExpectationResult result = Validator.create()
                    .validate(
                            rows(10),
                            ExpectationSuite.named("trips")
                                    .expect(table().rowCountChangesByAtMost(0.2))
                                    .build())
                    .results()
                    .get(0);

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra())
                    .containsEntry(
                            "note",
                            "no metric history is configured for this validation, so there is nothing to compare"
                                    + " with; run it with a metric history (as a checkpoint does) to judge it");
        }

        @Test
        void fewer_runs_than_min_runs_pass_with_a_note() {
            earlierRowCounts(1000, 1000);

            ExpectationResult result = validate(
                    rows(5000),
                    table().rowCountChangesByAtMost(
                                    AnomalyRule.meanOfLast(7, 0.2).withMinRuns(3)));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra())
                    .containsEntry(
                            "note",
                            "only 2 earlier runs of asset 'trips' recorded table.row_count; min_runs is 3, so this run"
                                    + " is not judged yet");
        }
    }

    @Nested
    class Against_the_previous_run {
        @Test
        void fails_on_a_spike() {
            earlierRowCounts(400, 1000);

            ExpectationResult result = validate(rows(1500), table().rowCountChangesByAtMost(0.2));

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 1,500 is 50% above the previous run's 1,000; at most 20% allowed");
            assertThat(result.details().extra())
                    .containsEntry("metric", "table.row_count")
                    .containsEntry("strategy", "relative_change")
                    .containsEntry("runs_compared", 1)
                    .containsEntry("reference", 1000.0)
                    .containsEntry("abs_change", 500.0)
                    .containsEntry("change", 0.5)
                    .containsEntry("max_change", 0.2);
        }

        @Test
        void fails_on_a_drop() {
            earlierRowCounts(2000);

            ExpectationResult result = validate(rows(1000), table().rowCountChangesByAtMost(0.2));

            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 1,000 is 50% below the previous run's 2,000; at most 20% allowed");
            assertThat(result.details().extra()).containsEntry("change", -0.5);
        }

        @Test
        void passes_within_the_bound_and_on_it() {
            earlierRowCounts(1000);

            assertThat(validate(rows(1100), table().rowCountChangesByAtMost(0.2)))
                    .isInstanceOf(Passed.class);
            assertThat(validate(rows(1200), table().rowCountChangesByAtMost(0.2)))
                    .isInstanceOf(Passed.class);
            assertThat(validate(rows(800), table().rowCountChangesByAtMost(0.2)))
                    .isInstanceOf(Passed.class);
            assertThat(validate(rows(799), table().rowCountChangesByAtMost(0.2)))
                    .isInstanceOf(Failed.class);
        }

        @Test
        void bounds_the_change_in_rows() {
            earlierRowCounts(1000);
            AnomalyRule rule = new AnomalyRule(
                    AnomalyRule.Strategy.RELATIVE_CHANGE, Optional.of(0.6), Optional.of(100.0), 1, Optional.empty(), 1);

            ExpectationResult result = validate(rows(1500), table().rowCountChangesByAtMost(rule));

            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 1,500 is 500 rows above the previous run's 1,000; at most 100 rows allowed");
        }

        @Test
        void says_both_bounds_when_both_are_broken() {
            earlierRowCounts(1000);

            ExpectationResult result = validate(
                    rows(1500),
                    table().rowCountChangesByAtMost(
                                    AnomalyRule.relativeChange(0.1).withMaxAbsChange(10)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 1,500 is 50% above the previous run's 1,000; at most 10% allowed; and"
                            + " row count 1,500 is 500 rows above the previous run's 1,000; at most 10 rows allowed");
        }

        @Test
        void growth_from_an_empty_batch_is_unbounded() {
            earlierRowCounts(0);

            ExpectationResult result = validate(rows(3), table().rowCountChangesByAtMost(0.2));

            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 3 is above the previous run's 0, an unbounded relative change; at most 20%"
                            + " allowed");
            assertThat(result.details().extra()).doesNotContainKey("change");
        }

        @Test
        void compares_with_the_newest_earlier_run_that_recorded_a_row_count() {
            earlierRowCounts(1000);
            record(NOW.minus(Duration.ofHours(1)), Map.of("column.mean(fare)", 12.0));

            ExpectationResult result = validate(rows(1100), table().rowCountChangesByAtMost(0.2));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra()).containsEntry("reference", 1000.0);
        }

        @Test
        void ignores_runs_recorded_at_or_after_this_one_started() {
            earlierRowCounts(1000);
            record(NOW, Map.of("table.row_count", 10.0));
            record(NOW.plus(Duration.ofDays(1)), Map.of("table.row_count", 10.0));

            ExpectationResult result = validate(rows(1100), table().rowCountChangesByAtMost(0.2));

            assertThat(result).isInstanceOf(Passed.class);
            assertThat(result.details().extra()).containsEntry("reference", 1000.0);
        }
    }

    @Nested
    class Against_the_mean_of_the_last_runs {
        @Test
        void uses_only_the_last_runs() {
            earlierRowCounts(100_000, 900, 1000, 1100);

            ExpectationResult passed =
                    validate(rows(1150), table().rowCountChangesByAtMost(AnomalyRule.meanOfLast(3, 0.2)));

            assertThat(passed).isInstanceOf(Passed.class);
            assertThat(passed.details().extra())
                    .containsEntry("runs_compared", 3)
                    .containsEntry("reference", 1000.0)
                    .containsEntry("strategy", "mean_of_last");
        }

        @Test
        void fails_outside_the_bound() {
            earlierRowCounts(900, 1000, 1100);

            ExpectationResult result =
                    validate(rows(1500), table().rowCountChangesByAtMost(AnomalyRule.meanOfLast(7, 0.25)));

            assertThat(((Failed) result).reason())
                    .isEqualTo("row count 1,500 is 50% above the mean of the last 3 runs (1,000); at most 25% allowed");
        }
    }
}
