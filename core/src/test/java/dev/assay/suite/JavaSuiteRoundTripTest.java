package dev.assay.suite;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.columnPair;
import static dev.assay.expectation.Expectations.columns;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JavaSuiteRoundTripTest {
    @Test
    void a_suite_built_in_java_reads_back_equal_from_json_and_yaml() {
        ExpectationSuite suite = ExpectationSuite.named("trips")
                .expect(column("trip_id").notNull().unique())
                .expect(column("passenger_count").between(0, 6).mostly(0.999))
                .expect(column("payment_type")
                        .inSet("CARD", "CASH", "NO_CHARGE")
                        .where(RowFilter.parse("fare > 0")))
                .expect(column("fare").meanBetween(5, 50).quantileBetween(0.5, 1, 20))
                .expect(column("pickup_ts").fresherThan(Duration.ofHours(24)))
                .expect(columnPair("dropoff_ts", "pickup_ts").aGreaterThanB())
                .expect(columns("vendor_id", "trip_id").unique())
                .expect(table().rowCountBetween(900_000, 1_100_000).columnCountEquals(13))
                .meta("owner", "data-platform")
                .build();

        assertThat(SuiteFiles.parse(SuiteFiles.toJson(suite), SuiteFormat.JSON, "t.json"))
                .isEqualTo(suite);
        assertThat(SuiteFiles.parse(SuiteFiles.toYaml(suite), SuiteFormat.YAML, "t.yaml"))
                .isEqualTo(suite);
    }
}
