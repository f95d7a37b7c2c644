package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.metric.ColumnQuantiles;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exact quantiles of a numeric or temporal column each lie within their range (SQL
 * {@code percentile_disc}: the smallest value whose cumulative share is at least q). GX's
 * {@code quantile_ranges} is {@code {"quantiles": [...], "value_ranges": [[min, max], ...]}}; a null
 * bound is open. Keeps every value in memory.
 *
 * <p>Passes: quantiles [0.5] within [[2, 3]] on {@code [1, 2, 9]}<br>
 * Fails: the same on {@code [7, 8, 9]}
 *
 * @param quantiles the quantiles, each in [0, 1]
 * @param ranges one range per quantile
 */
public record ColumnQuantileValuesBetween(
        String column, List<Double> quantiles, List<Range> ranges, ExpectationOptions options) implements Expectation {
    /** expect_column_quantile_values_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_quantile_values_to_be_between",
            Kind.COLUMN_AGGREGATE,
            Dimension.ACCURACY,
            ColumnQuantileValuesBetween::read);

    public ColumnQuantileValuesBetween {
        requireNonNull(column, "column is null");
        quantiles = List.copyOf(requireNonNull(quantiles, "quantiles is null"));
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
        requireNonNull(options, "options is null");
        if (quantiles.isEmpty()) {
            throw new InvalidExpectationException("quantile_ranges.quantiles is empty");
        }
        if (quantiles.size() != ranges.size()) {
            throw new InvalidExpectationException("quantile_ranges has " + quantiles.size() + " quantiles but "
                    + ranges.size() + " value_ranges; they must pair up");
        }
        for (double q : quantiles) {
            if (!(q >= 0 && q <= 1)) {
                throw new InvalidExpectationException("quantile " + q + " is not between 0 and 1");
            }
        }
    }

    /** With default options. */
    public ColumnQuantileValuesBetween(String column, List<Double> quantiles, List<Range> ranges) {
        this(column, quantiles, ranges, ExpectationOptions.DEFAULT);
    }

    static ColumnQuantileValuesBetween read(KwargReader kwargs, ExpectationOptions options) {
        String column = kwargs.string("column");
        KwargReader q = kwargs.object("quantile_ranges");
        List<Object> rawQuantiles = q.values("quantiles");
        List<List<Object>> rawRanges = q.valueLists("value_ranges");
        kwargs.flag("allow_relative_error", false); // accepted for GX suites; results here are exact
        List<Double> quantiles = new ArrayList<>();
        for (Object v : rawQuantiles) {
            if (!(v instanceof Number n)) {
                throw kwargs.invalid("quantile_ranges", "quantiles must be numbers, got " + Values.show(v));
            }
            quantiles.add(n.doubleValue());
        }
        List<Range> ranges = new ArrayList<>();
        for (List<Object> pair : rawRanges) {
            if (pair.size() != 2) {
                throw kwargs.invalid("quantile_ranges", "each value range must be [min, max], got " + pair);
            }
            ranges.add(new Range(Optional.ofNullable(pair.get(0)), Optional.ofNullable(pair.get(1)), false, false));
        }
        return new ColumnQuantileValuesBetween(column, quantiles, ranges, options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnQuantileValuesBetween withOptions(ExpectationOptions options) {
        return new ColumnQuantileValuesBetween(column, quantiles, ranges, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    private ColumnQuantiles metric() {
        return new ColumnQuantiles(column, quantiles, options.rowFilter());
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(metric());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        List<Object> observed = values.get(metric());
        if (observed.isEmpty()) {
            return ExpectationResult.of(this, format, false, ResultDetails.EMPTY, "the column has no non-null values");
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < quantiles.size(); i++) {
            if (!ranges.get(i).contains(observed.get(i))) {
                failures.add("q" + quantiles.get(i) + " = " + Values.show(observed.get(i)) + " is not "
                        + ranges.get(i).describe());
            }
        }
        Map<String, Object> observedValue = new LinkedHashMap<>();
        observedValue.put("quantiles", quantiles);
        observedValue.put("values", observed);
        ResultDetails details = ResultDetails.observed(observedValue);
        return ExpectationResult.of(this, format, failures.isEmpty(), details, String.join("; ", failures));
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        List<List<Object>> valueRanges = new ArrayList<>();
        for (Range r : ranges) {
            List<Object> pair = new ArrayList<>(2);
            pair.add(r.min().orElse(null));
            pair.add(r.max().orElse(null));
            valueRanges.add(pair);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("quantiles", quantiles);
        q.put("value_ranges", valueRanges);
        kwargs.put("quantile_ranges", q);
    }
}
