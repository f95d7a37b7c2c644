package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.metric.Metric;
import dev.assay.metric.RowCount;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import dev.assay.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {
    static final Instant NOW = Instant.parse("2024-03-01T06:00:00Z");
    static final Validator VALIDATOR = Validator.create().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path folder;

    /** Five trips, as a CSV of them reads: ids, fares with a null, vendors, pickup times. */
    static InMemoryBatch trips() {
        return InMemoryBatch.named("trips.csv")
                .column("trip_id", "int64", 1L, 2L, 3L, 4L, 5L)
                .column("fare", "float64", 10.0, 14.0, null, 12.0, 4.0)
                .column("vendor", "string", "a", "b", null, null, "a")
                .column(
                        "pickup_ts",
                        "timestamp",
                        "2024-03-01T01:00",
                        "2024-03-01T03:00",
                        "2024-02-29T22:00",
                        "2024-03-01T02:30",
                        null)
                .build();
    }

    @Nested
    class Names_and_values {
        @Test
        void come_from_the_metrics_the_suite_computed() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(table().rowCountBetween(1, 100))
                    .expect(column("fare")
                            .meanBetween(0, 100)
                            .minBetween(0, 100)
                            .maxBetween(0, 100)
                            .medianBetween(0, 100)
                            .stdevBetween(0, 100)
                            .sumBetween(0, 100)
                            .nonNullProportionBetween(0, 1))
                    .expect(column("vendor").uniqueValueCountBetween(1, 5).minBetween("a", "z"))
                    .expect(column("pickup_ts").fresherThan(java.time.Duration.ofDays(1)))
                    .build();

            ValidationResult result = VALIDATOR.validate(trips(), suite);

            assertThat(result.metrics())
                    .containsExactly(
                            entry("column.distinct_count(vendor)", 2.0),
                            entry("column.freshness_seconds(pickup_ts)", 10_800.0),
                            entry("column.max(fare)", 14.0),
                            entry("column.mean(fare)", 10.0),
                            entry("column.median(fare)", 11.0),
                            entry("column.min(fare)", 4.0),
                            entry("column.null_count(fare)", 1.0),
                            entry("column.null_fraction(fare)", 0.2),
                            entry("column.stdev(fare)", Math.sqrt(56.0 / 3)),
                            entry("column.sum(fare)", 40.0),
                            entry("table.row_count", 5.0));
        }

        @Test
        void take_the_row_count_and_null_counts_from_row_by_row_checks() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(column("vendor").notNull().mostly(0.1))
                    .expect(column("fare").isNull().mostly(0.1))
                    .build();

            ValidationResult result = VALIDATOR.validate(trips(), suite);

            assertThat(result.metrics())
                    .containsExactly(
                            entry("column.null_count(fare)", 1.0),
                            entry("column.null_count(vendor)", 2.0),
                            entry("column.null_fraction(fare)", 0.2),
                            entry("column.null_fraction(vendor)", 0.4),
                            entry("table.row_count", 5.0));
        }

        @Test
        void leave_out_filtered_and_undefined_metrics() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(column("fare").meanBetween(0, 100).where(RowFilter.parse("vendor = 'a'")))
                    .expect(column("vendor").minBetween("a", "z"))
                    .build();

            ValidationResult result = VALIDATOR.validate(trips(), suite);

            assertThat(result.metrics()).isEmpty();
        }

        @Test
        void with_a_history_include_the_row_count_in_the_same_scan() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .expect(column("fare").meanBetween(0, 100))
                    .build();
            InMemoryBatch batch = trips();

            ValidationResult result = VALIDATOR
                    .withHistory(new MetricHistory(Store.local(folder)), "trips")
                    .validate(batch, suite);

            assertThat(result.metrics())
                    .containsExactly(entry("column.mean(fare)", 10.0), entry("table.row_count", 5.0));
            assertThat(batch.scanCount()).isEqualTo(1);
            assertThat(VALIDATOR.validate(trips(), suite).metrics()).containsOnlyKeys("column.mean(fare)");
        }

        @Test
        void with_a_history_ask_for_no_row_count_when_a_row_check_counts_the_rows() {
            List<Set<Metric<?>>> asked = new ArrayList<>();
            Engine recording = new Engine() {
                @Override
                public String name() {
                    return "recording";
                }

                @Override
                public EngineRun compute(Batch batch, Set<Metric<?>> metrics) {
                    asked.add(Set.copyOf(metrics));
                    return ArrowEngine.create().compute(batch, metrics);
                }
            };
            Validator validator =
                    VALIDATOR.withEngine(recording).withHistory(new MetricHistory(Store.local(folder)), "trips");

            ValidationResult counted = validator.validate(
                    trips(),
                    ExpectationSuite.named("trips")
                            .expect(column("fare").notNull().mostly(0.5).meanBetween(0, 100))
                            .build());
            ValidationResult added = validator.validate(
                    trips(),
                    ExpectationSuite.named("trips")
                            .expect(column("fare").meanBetween(0, 100))
                            .build());

            assertThat(asked.get(0)).doesNotContain(new RowCount());
            assertThat(counted.metrics()).containsEntry("table.row_count", 5.0);
            assertThat(asked.get(1)).contains(new RowCount());
            assertThat(added.metrics()).containsEntry("table.row_count", 5.0);
        }

        @Test
        void with_a_history_do_not_make_a_schema_only_suite_scan() {
            InMemoryBatch batch = trips();

            ValidationResult result = VALIDATOR
                    .withHistory(new MetricHistory(Store.local(folder)), "trips")
                    .validate(
                            batch,
                            ExpectationSuite.named("trips")
                                    .expect(table().columnCountEquals(4))
                                    .build());

            assertThat(result.metrics()).isEmpty();
            assertThat(batch.scanCount()).isZero();
        }
    }

    @Nested
    class In_the_result {
        @Test
        void are_written_under_meta_metrics() throws Exception {
            ValidationResult result = VALIDATOR.validate(
                    trips(),
                    ExpectationSuite.named("trips")
                            .expect(column("fare").notNull().mostly(0.5).meanBetween(0, 100))
                            .build());

            JsonNode meta =
                    new ObjectMapper().readTree(ResultJson.toJson(result)).get("meta");

            assertThat(meta.get("metrics").toString())
                    .isEqualTo("{\"column.mean(fare)\":10.0,\"column.null_count(fare)\":1.0,"
                            + "\"column.null_fraction(fare)\":0.2,\"table.row_count\":5.0}");
        }

        @Test
        void become_a_metric_record_the_history_keeps() {
            ValidationResult result = VALIDATOR.validate(
                    trips(),
                    ExpectationSuite.named("trips-suite")
                            .expect(column("fare").notNull().mostly(0.5))
                            .build());
            MetricHistory history = new MetricHistory(Store.local(folder));

            history.record(MetricRecord.of("trips", result, "run-1"));

            List<MetricRecord> records = history.records("trips");
            assertThat(records)
                    .containsExactly(
                            new MetricRecord("trips", "trips.csv", "trips-suite", NOW, "run-1", result.metrics()));
            assertThat(MetricRecord.of(result, "run-1").asset()).isEqualTo("trips.csv");
        }
    }
}
