package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.BatchStatistics;
import dev.assay.source.DatasetSchema;
import dev.assay.source.InMemoryBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Metrics answered from a source's statistics, as Parquet footers give them, without a scan. */
class StatisticsTest {
    private static final InMemoryBatch DATA = InMemoryBatch.named("trips")
            .column("trip_id", "int64", 1L, 2L, 3L, 4L, 5L, 5L)
            .column("passenger_count", "int64", 1L, 2L, 9L, null, 3L, 1L)
            .column("fare", "float64", 10.0, 12.5, 7.0, 30.0, 8.0, 9.5)
            .column("note", "string", null, null, null, null, null, null)
            .rowsPerSplit(2)
            .build();

    /** The true extremes of the data: row 0 the minimum, row 1 the maximum. */
    private static final InMemoryBatch EXTREMES = InMemoryBatch.named("extremes")
            .column("trip_id", "int64", 1L, 5L)
            .column("passenger_count", "int64", 1L, 9L)
            .column("fare", "float64", 7.0, 30.0)
            .column("note", "string", null, null)
            .build();

    private static final Map<String, Long> NULLS = Map.of("trip_id", 0L, "passenger_count", 1L, "fare", 0L, "note", 6L);

    private static final Validator VALIDATOR = Validator.create();

    @Test
    void a_suite_the_statistics_settle_needs_no_scan_and_matches_a_scan() {
        ExpectationSuite suite = ExpectationSuite.named("stats")
                .expect(table().rowCountBetween(1, 10))
                .expect(column("trip_id")
                        .notNull()
                        .minBetween(1, 1)
                        .maxBetween(5, 5)
                        .between(1, 5))
                .expect(column("fare").between(0, 100).minBetween(5, 10))
                .expect(column("passenger_count").maxBetween(0, 6))
                .expect(column("note").isNull())
                .build();
        WithStatistics batch = new WithStatistics(DATA.name(), 6);

        ValidationResult fromStatistics = VALIDATOR.validate(batch, suite);
        ValidationResult scanned = VALIDATOR.validate(DATA, suite);

        assertThat(batch.scans).isZero();
        assertThat(fromStatistics.run().scans()).isZero();
        assertThat(fromStatistics.results()).isEqualTo(scanned.results());
        assertThat(fromStatistics.success()).isFalse(); // passenger_count max 9 > 6, known from the footer
        assertThat(fromStatistics.run().metricsSources())
                .hasSize(suite.expectations().size())
                .containsValue("test-statistics");
        assertThat(ResultJson.toJson(fromStatistics))
                .contains("\"metrics_sources\": {\n      \"test-statistics\": "
                        + suite.expectations().size())
                .contains("\"metrics_source\": \"test-statistics\"");
    }

    @Test
    void statistics_are_read_instead_of_the_rows() {
        WithStatistics batch = new WithStatistics(DATA.name(), 1_000_000);

        ValidationResult result = VALIDATOR.validate(
                batch,
                ExpectationSuite.named("rows")
                        .expect(table().rowCountEquals(1_000_000))
                        .build());

        assertThat(result.success()).isTrue();
        assertThat(batch.scans).isZero();
    }

    @Test
    void what_the_statistics_cannot_settle_is_scanned_in_the_same_validation() {
        ExpectationSuite suite = ExpectationSuite.named("mixed")
                .expect(table().rowCountBetween(1, 10))
                // One null: BASIC results list sample rows, which only a scan finds.
                .expect(column("passenger_count").notNull())
                // Out-of-range values need counting.
                .expect(column("passenger_count").between(0, 6))
                .expect(column("fare").meanBetween(0, 100))
                .expect(column("trip_id").maxBetween(0, 10).where(RowFilter.parse("fare > 8")))
                .build();
        WithStatistics batch = new WithStatistics(DATA.name(), 6);

        ValidationResult result = VALIDATOR.validate(batch, suite);

        assertThat(batch.scans).isEqualTo(1);
        assertThat(result.results()).isEqualTo(VALIDATOR.validate(DATA, suite).results());
        assertThat(result.run().metricsSources()).containsOnlyKeys(0);
        String json = ResultJson.toJson(result);
        assertThat(json.split("\"metrics_source\"", -1)).hasSize(2);
    }

    @Test
    void a_source_without_statistics_is_scanned() {
        ValidationResult result = VALIDATOR.validate(
                DATA,
                ExpectationSuite.named("rows").expect(table().rowCountEquals(6)).build());

        assertThat(result.run().scans()).isEqualTo(1);
        assertThat(result.run().metricsSources()).isEmpty();
        assertThat(ResultJson.toJson(result)).doesNotContain("metrics_source");
    }

    /** {@link #DATA} with statistics: a hand-written source of our own SPI, as a Parquet footer would be. */
    private static final class WithStatistics implements Batch {
        private final String name;
        private final long rows;
        int scans;

        WithStatistics(String name, long rows) {
            this.name = name;
            this.rows = rows;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DatasetSchema schema() {
            return DATA.schema();
        }

        @Override
        public List<Split> splits(ScanRequest request) {
            scans++;
            return DATA.splits(request);
        }

        @Override
        public Optional<BatchStatistics> statistics() {
            return Optional.of(new BatchStatistics() {
                @Override
                public String source() {
                    return "test-statistics";
                }

                @Override
                public long rowCount() {
                    return rows;
                }

                @Override
                public OptionalLong nullCount(String column) {
                    return OptionalLong.of(NULLS.get(column));
                }

                @Override
                public boolean hasMinMax(String column) {
                    return true;
                }

                @Override
                public VectorSchemaRoot minMax(List<String> columns, BufferAllocator allocator) {
                    List<FieldVector> vectors = new ArrayList<>();
                    EXTREMES.splits(new ScanRequest(columns, allocator, 2))
                            .get(0)
                            .read(batch -> {
                                for (String c : columns) {
                                    FieldVector v = batch.root().getVector(c);
                                    var pair = v.getTransferPair(allocator);
                                    pair.transfer();
                                    vectors.add((FieldVector) pair.getTo());
                                }
                            });
                    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
                    root.setRowCount(2);
                    return root;
                }
            });
        }
    }
}
