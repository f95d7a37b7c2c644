package dev.assay.examples;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.columnPair;
import static dev.assay.expectation.Expectations.table;

import dev.assay.csv.CsvSource;
import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A pipeline step that stops bad data before it spreads: validate the day's trips file with a suite
 * written in Java, and only hand it on when every expectation holds.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests && java
 * --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... dev.assay.examples.TripsPipelineStep
 * examples/project/data/trips.csv}, or see {@code TripsPipelineStepTest}.
 */
public final class TripsPipelineStep {
    private TripsPipelineStep() {}

    /** The suite, in the Java DSL. */
    public static ExpectationSuite suite() {
        return ExpectationSuite.named("trips-pipeline")
                .expect(column("trip_id").notNull().unique())
                .expect(column("passenger_count").between(0, 6).mostly(0.99))
                .expect(column("payment_type")
                        .inSet("CARD", "CASH", "NO_CHARGE")
                        .mostly(0.99))
                .expect(column("pickup_ts").fresherThan(Duration.ofHours(12)))
                .expect(columnPair("dropoff_ts", "pickup_ts").aGreaterThanB())
                .expect(table().rowCountBetween(100, 10_000))
                .build();
    }

    /** Validates {@code file} as of {@code now}; returns the result. */
    public static ValidationResult validate(Path file, Instant now) {
        Validator validator = Validator.create().withClock(Clock.fixed(now, ZoneOffset.UTC));
        return validator.validate(CsvSource.file(file), suite());
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/project/data/trips.csv");
        ValidationResult result = validate(file, Instant.parse("2024-05-02T06:00:00Z"));
        System.out.print(ResultText.render(result, false));
        if (!result.success()) {
            System.exit(1); // the next step must not run on bad data
        }
    }
}
