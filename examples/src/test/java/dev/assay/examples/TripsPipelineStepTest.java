package dev.assay.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.result.ValidationResult;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TripsPipelineStepTest {
    private static final Path DATA = Path.of("project/data/trips.csv");

    @Test
    void the_bundled_trips_pass_the_pipeline_suite() {
        ValidationResult result = TripsPipelineStep.validate(DATA, Instant.parse("2024-05-02T06:00:00Z"));

        assertThat(result.success()).as(result.unsuccessful().toString()).isTrue();
        assertThat(result.run().scans()).isEqualTo(1);
        assertThat(result.run().rowsScanned()).isEqualTo(200);
    }

    @Test
    void the_same_trips_are_stale_a_day_later() {
        ValidationResult result = TripsPipelineStep.validate(DATA, Instant.parse("2024-05-03T06:00:00Z"));

        assertThat(result.success()).isFalse();
        assertThat(result.unsuccessful()).singleElement().satisfies(r -> assertThat(
                        r.expectation().type().name())
                .isEqualTo("expect_column_values_to_be_fresh"));
    }
}
