package dev.assay.suite;

import dev.assay.contract.LibraryMetricCheck;
import dev.assay.contract.LibraryMetricCheck.LibraryMetric;
import dev.assay.contract.LibraryMetricCheck.Unit;
import dev.assay.contract.Threshold;
import dev.assay.contract.Threshold.Operator;
import dev.assay.expectation.AnomalyRule;
import dev.assay.expectation.ColumnDistinctValuesMatchSet;
import dev.assay.expectation.ColumnDistinctValuesMatchSet.SetRelation;
import dev.assay.expectation.ColumnExists;
import dev.assay.expectation.ColumnMaxBetween;
import dev.assay.expectation.ColumnMeanBetween;
import dev.assay.expectation.ColumnMedianBetween;
import dev.assay.expectation.ColumnMinBetween;
import dev.assay.expectation.ColumnPairValuesAGreaterThanB;
import dev.assay.expectation.ColumnPairValuesEqual;
import dev.assay.expectation.ColumnProportionOfNonNullBetween;
import dev.assay.expectation.ColumnProportionOfUniqueValuesBetween;
import dev.assay.expectation.ColumnQuantileValuesBetween;
import dev.assay.expectation.ColumnStdevBetween;
import dev.assay.expectation.ColumnSumBetween;
import dev.assay.expectation.ColumnUniqueValueCountBetween;
import dev.assay.expectation.ColumnValueLengthsBetween;
import dev.assay.expectation.ColumnValueLengthsEqual;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesInTypeList;
import dev.assay.expectation.ColumnValuesMatchRegex;
import dev.assay.expectation.ColumnValuesNotInSet;
import dev.assay.expectation.ColumnValuesNotMatchRegex;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.ColumnValuesNull;
import dev.assay.expectation.ColumnValuesOfType;
import dev.assay.expectation.ColumnValuesUnique;
import dev.assay.expectation.CompoundColumnsUnique;
import dev.assay.expectation.MetricNotAnomalous;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableColumnCountBetween;
import dev.assay.expectation.TableColumnCountEqual;
import dev.assay.expectation.TableColumnsMatchOrderedList;
import dev.assay.expectation.TableColumnsMatchSet;
import dev.assay.expectation.TableRowCountBetween;
import dev.assay.expectation.TableRowCountChangeAtMost;
import dev.assay.expectation.TableRowCountEqual;
import dev.assay.metric.NamedMetric;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One expectation of every catalog type, with non-default arguments and options where the type has
 * them. Numbers are {@code Long} or {@code Double}, as suite files read them.
 */
final class EveryType {
    private EveryType() {}

    static final ExpectationOptions DEFAULT = ExpectationOptions.DEFAULT;

    static List<Expectation> expectations() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("owner", "data-platform");
        meta.put("ticket", 4711L);
        meta.put("weights", List.of(0.5, 1.5));
        meta.put("nothing", null);
        meta.put("nested", Map.of("deep", true));
        return List.of(
                new ColumnValuesNotNull(
                        "trip_id",
                        DEFAULT.withMostly(0.95)
                                .withMeta(meta)
                                .withNotes("Trip ids come from the meter.\nNever reused.")
                                .withId("8d5e0b1a-3c2f-4e6d-8a9b-0c1d2e3f4a5b")),
                new ColumnValuesNull("deleted_at", DEFAULT.withResultFormat(ResultFormat.BOOLEAN_ONLY)),
                new ColumnProportionOfNonNullBetween("tip_amount", Range.between(0.5, 1.0)),
                new ColumnValuesBetween(
                        "passenger_count",
                        new Range(Optional.of(0L), Optional.of(6L), true, false),
                        DEFAULT.withMostly(0.999)
                                .withResultFormat(new ResultFormat(
                                        ResultFormat.Level.COMPLETE, 7, List.of("trip_id", "vendor_id"), true))),
                new ColumnMinBetween("fare_amount", Range.atLeast(0L)),
                new ColumnMaxBetween("fare_amount", Range.atMost(500.5).withStrictMax()),
                new ColumnMeanBetween("fare_amount", Range.between(5L, 50L), DEFAULT.withCatchExceptions(false)),
                new ColumnMedianBetween("fare_amount", Range.between(8L, 15.5)),
                new ColumnSumBetween("fare_amount", Range.between(-1000L, 1.0E10)),
                new ColumnStdevBetween("fare_amount", Range.between(0L, 1.0E-3)),
                new ColumnQuantileValuesBetween(
                        "trip_distance",
                        List.of(0.05, 0.5, 0.95),
                        List.of(
                                Range.between(0L, 1L),
                                Range.between(1.5, 3L),
                                new Range(Optional.empty(), Optional.of(20L), false, false))),
                new ColumnValuesInSet(
                        "payment_type",
                        List.of("CARD", "CASH", "yes", "off", "1", "010", "0x10", "1e5", "", "null", "~", "true")),
                new ColumnValuesNotInSet("vendor_id", List.of(0L, 99L, 2.5, true)),
                new ColumnValuesMatchRegex("booking_code", "^B\\d{5}$"),
                new ColumnValuesNotMatchRegex("booking_code", "#|: "),
                new ColumnValueLengthsBetween("store_and_fwd_flag", Optional.of(1L), Optional.of(3L), false, true),
                new ColumnValueLengthsEqual("store_and_fwd_flag", 1L),
                new ColumnPairValuesAGreaterThanB("dropoff_ts", "pickup_ts", true, IgnoreRowIf.EITHER_VALUE_IS_MISSING),
                new ColumnPairValuesEqual("total_amount", "computed_total", IgnoreRowIf.BOTH_VALUES_ARE_MISSING),
                new ColumnValuesUnique("trip_id"),
                new CompoundColumnsUnique(List.of("vendor_id", "pickup_ts"), IgnoreRowIf.ANY_VALUE_IS_MISSING, DEFAULT),
                new ColumnUniqueValueCountBetween("vendor_id", Range.between(1L, 5L)),
                new ColumnProportionOfUniqueValuesBetween("trip_id", Range.atLeast(0.99)),
                new ColumnDistinctValuesMatchSet("vendor_id", List.of(1L, 2L), SetRelation.IN_SET, DEFAULT),
                new ColumnDistinctValuesMatchSet(
                        "payment_type", List.of("CARD"), SetRelation.CONTAIN_SET, DEFAULT.withNotes("cards")),
                new ColumnDistinctValuesMatchSet(
                        "store_and_fwd_flag", List.of("Y", "N"), SetRelation.EQUAL_SET, DEFAULT),
                new ColumnValuesFresh(
                        "pickup_ts", Duration.ofHours(6), Optional.of(Instant.parse("2024-05-02T06:00:00Z")), DEFAULT),
                new TableRowCountBetween(Range.between(100L, 10_000L), DEFAULT.withId("rows")),
                new TableRowCountEqual(1500L),
                new TableRowCountChangeAtMost(
                        new AnomalyRule(
                                AnomalyRule.Strategy.MEAN_OF_LAST,
                                Optional.of(0.2),
                                Optional.of(5000.0),
                                14,
                                Optional.empty(),
                                3),
                        DEFAULT.withId("volume")),
                new MetricNotAnomalous(NamedMetric.column("column.mean", "fare_amount"), AnomalyRule.zScore(7, 2.5)),
                new ColumnExists("trip_id", Optional.of(1L)),
                new TableColumnsMatchOrderedList(List.of("trip_id", "vendor_id", "pickup_ts")),
                new TableColumnsMatchSet(List.of("trip_id", "vendor_id"), false),
                new TableColumnCountBetween(Range.between(3L, 20L)),
                new TableColumnCountEqual(13L),
                new ColumnValuesOfType("fare_amount", "float64"),
                new ColumnValuesInTypeList("fare_amount", List.of("float64", "decimal")),
                new LibraryMetricCheck(
                        LibraryMetric.MISSING_VALUES,
                        List.of("payment_type"),
                        Arrays.asList(null, "N/A", "", 0L),
                        Optional.empty(),
                        Unit.PERCENT,
                        new Threshold(List.of(
                                new Threshold.Condition(Operator.MUST_BE_BETWEEN, List.of(0L, 2.5)),
                                new Threshold.Condition(Operator.MUST_NOT_BE, List.of(1L)))),
                        Dimension.CONSISTENCY,
                        DEFAULT.withId("missing-payment")));
    }

    static ExpectationSuite suite() {
        ExpectationSuite.Builder builder = ExpectationSuite.named("every_type")
                .meta("great_expectations_version", "1.3.5")
                .meta("owner", Map.of("team", "data-platform", "oncall", List.of("ana", "bo")));
        expectations().forEach(builder::expect);
        return builder.build();
    }
}
