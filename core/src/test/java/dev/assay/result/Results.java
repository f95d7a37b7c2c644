package dev.assay.result;

import dev.assay.expectation.ColumnExists;
import dev.assay.expectation.ColumnMeanBetween;
import dev.assay.expectation.ColumnPairValuesAGreaterThanB;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesMatchRegex;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableRowCountBetween;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ResultFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results built by hand, as the validator would build them for a small trips file. */
final class Results {
    private Results() {}

    static final ValidationResult.RunInfo RUN = new ValidationResult.RunInfo(
            Instant.parse("2024-05-02T06:00:00Z"),
            Duration.ofMillis(1234),
            Duration.ofMillis(987),
            "arrow",
            1,
            5000,
            0);

    static ResultDetails rows(long elements, long missing, long unexpected, List<Object> values, List<Object> index) {
        return new ResultDetails(
                Optional.empty(),
                Optional.of(new ResultDetails.Counts(elements, missing, unexpected)),
                values,
                index,
                Map.of());
    }

    static Passed notNullPassed() {
        return new Passed(
                new ColumnValuesNotNull("trip_id"), ResultFormat.BASIC, rows(5000, 0, 0, List.of(), List.of()));
    }

    static Failed betweenFailed(ResultFormat format) {
        return new Failed(
                new ColumnValuesBetween(
                        "passenger_count", Range.between(0L, 6L), ExpectationOptions.DEFAULT.withMostly(0.999)),
                format,
                rows(
                        5000,
                        10,
                        7,
                        List.of(9L, 7L, 9L, 12L, 9L, 7L, 8L),
                        List.of(3L, 17L, 230L, 1101L, 2000L, 3000L, 4000L)),
                "7 of 4990 non-null values (0.14%) are outside [0, 6]; mostly=0.999 allows at most 0.1%");
    }

    static Failed meanFailed() {
        return new Failed(
                new ColumnMeanBetween("fare_amount", Range.between(5L, 50L)),
                ResultFormat.BASIC,
                ResultDetails.observed(62.5),
                "the mean 62.5 is not [5, 50]");
    }

    static Errored regexErrored() {
        return new Errored(
                new ColumnValuesMatchRegex("booking_code", "^B\\d{5}$"),
                ResultFormat.BASIC,
                "column 'booking_code' not found in dataset 'trips'; available columns: [trip_id, passenger_count]",
                "ColumnNotFoundException",
                "dev.assay.error.ColumnNotFoundException: column 'booking_code' not found\n"
                        + "\tat dev.assay.engine.Validator.validate(Validator.java:120)\n");
    }

    static Passed rowCountPassed() {
        return new Passed(
                new TableRowCountBetween(Range.between(100L, 10_000L)),
                ResultFormat.BASIC,
                ResultDetails.observed(5000L));
    }

    static Failed inSetFailed() {
        Map<String, Object> first = new java.util.LinkedHashMap<>();
        first.put("trip_id", 4L);
        Map<String, Object> second = new java.util.LinkedHashMap<>();
        second.put("trip_id", 9L);
        return new Failed(
                new ColumnValuesInSet("payment_type", List.of("CARD", "CASH")),
                ResultFormat.COMPLETE.withUnexpectedIndexColumnNames(List.of("trip_id")),
                rows(5000, 1, 2, List.of("BITCOIN", "caf\u00e9\ncr\u00e8me"), List.of(first, second)),
                "2 of 4999 non-null values (0.04%) are not in {'CARD', 'CASH'}");
    }

    static Passed pairPassed() {
        return new Passed(
                new ColumnPairValuesAGreaterThanB(
                        "dropoff_ts", "pickup_ts", false, IgnoreRowIf.BOTH_VALUES_ARE_MISSING),
                ResultFormat.BASIC,
                rows(5000, 0, 0, List.of(), List.of()));
    }

    static Passed existsPassed() {
        return new Passed(
                new ColumnExists("trip_id", Optional.empty()), ResultFormat.BASIC, ResultDetails.observed(1L));
    }

    static ValidationResult trips() {
        return new ValidationResult(
                "trips",
                "examples/project/data/trips.csv",
                List.of(
                        existsPassed(),
                        rowCountPassed(),
                        notNullPassed(),
                        betweenFailed(ResultFormat.BASIC),
                        inSetFailed(),
                        pairPassed(),
                        meanFailed(),
                        regexErrored()),
                RUN);
    }
}
