package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnDistinctValues;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The set of distinct non-null values of a column, compared with a given set: contained in it
 * ({@code expect_column_distinct_values_to_be_in_set}), containing it ({@code ..._to_contain_set}) or
 * equal to it ({@code ..._to_equal_set}). Numbers compare by value, dates and timestamps with ISO text.
 *
 * <p>Passes: in set {a, b, c} on {@code [a, b, b]}<br>
 * Fails: in set {a, b} on {@code [a, z]}
 *
 * @param relation how the distinct values must relate to the set
 */
public record ColumnDistinctValuesMatchSet(
        String column, List<Object> valueSet, SetRelation relation, ExpectationOptions options) implements Expectation {
    /** How the observed distinct values must relate to the given set. */
    public enum SetRelation {
        /** Every distinct value is in the set. */
        IN_SET,
        /** Every value of the set occurs. */
        CONTAIN_SET,
        /** Both. */
        EQUAL_SET
    }

    /** expect_column_distinct_values_to_be_in_set. */
    public static final ExpectationType IN_SET_TYPE = ExpectationType.of(
            "expect_column_distinct_values_to_be_in_set",
            Kind.COLUMN_AGGREGATE,
            Dimension.VALIDITY,
            (k, o) -> read(k, o, SetRelation.IN_SET));
    /** expect_column_distinct_values_to_contain_set. */
    public static final ExpectationType CONTAIN_SET_TYPE = ExpectationType.of(
            "expect_column_distinct_values_to_contain_set",
            Kind.COLUMN_AGGREGATE,
            Dimension.VALIDITY,
            (k, o) -> read(k, o, SetRelation.CONTAIN_SET));
    /** expect_column_distinct_values_to_equal_set. */
    public static final ExpectationType EQUAL_SET_TYPE = ExpectationType.of(
            "expect_column_distinct_values_to_equal_set",
            Kind.COLUMN_AGGREGATE,
            Dimension.VALIDITY,
            (k, o) -> read(k, o, SetRelation.EQUAL_SET));

    /** The most observed values a result lists. */
    static final int OBSERVED_CAP = 1000;

    public ColumnDistinctValuesMatchSet {
        requireNonNull(column, "column is null");
        valueSet = Values.copyOf(requireNonNull(valueSet, "valueSet is null"));
        requireNonNull(relation, "relation is null");
        requireNonNull(options, "options is null");
    }

    static ColumnDistinctValuesMatchSet read(KwargReader kwargs, ExpectationOptions options, SetRelation relation) {
        return new ColumnDistinctValuesMatchSet(kwargs.string("column"), kwargs.values("value_set"), relation, options);
    }

    @Override
    public ExpectationType type() {
        switch (relation) {
            case IN_SET:
                return IN_SET_TYPE;
            case CONTAIN_SET:
                return CONTAIN_SET_TYPE;
            case EQUAL_SET:
                return EQUAL_SET_TYPE;
        }
        throw new AssertionError(relation);
    }

    @Override
    public ColumnDistinctValuesMatchSet withOptions(ExpectationOptions options) {
        return new ColumnDistinctValuesMatchSet(column, valueSet, relation, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    private ColumnDistinctValues metric() {
        return new ColumnDistinctValues(column, options.rowFilter());
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(metric());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        List<Object> observed = values.get(metric());
        Object sample = observed.isEmpty() ? null : observed.get(0);
        Set<Object> expected = new LinkedHashSet<>();
        for (Object v : valueSet) {
            expected.add(Values.keyLike(v, sample));
        }
        Set<Object> seen = new LinkedHashSet<>();
        List<Object> extra = new ArrayList<>();
        for (Object v : observed) {
            Object key = Values.key(v);
            seen.add(key);
            if (!expected.contains(key)) {
                extra.add(v);
            }
        }
        List<Object> missing = new ArrayList<>();
        for (Object v : valueSet) {
            if (!seen.contains(Values.keyLike(v, sample))) {
                missing.add(v);
            }
        }
        boolean ok;
        String reason;
        switch (relation) {
            case IN_SET:
                ok = extra.isEmpty();
                reason = extra.size() + " distinct values are not in the set: " + Values.showSet(extra);
                break;
            case CONTAIN_SET:
                ok = missing.isEmpty();
                reason = missing.size() + " values of the set never occur: " + Values.showSet(missing);
                break;
            default:
                ok = extra.isEmpty() && missing.isEmpty();
                reason = "distinct values differ from the set: unexpected " + Values.showSet(extra) + ", missing "
                        + Values.showSet(missing);
        }
        List<Object> shown = observed.size() > OBSERVED_CAP ? observed.subList(0, OBSERVED_CAP) : observed;
        ResultDetails details = ResultDetails.observed(new ArrayList<>(shown));
        if (observed.size() > OBSERVED_CAP) {
            details = details.with("observed_value_truncated", true).with("distinct_count", observed.size());
        }
        if (!extra.isEmpty()) {
            details = details.with(
                    "unexpected_values", extra.size() > OBSERVED_CAP ? extra.subList(0, OBSERVED_CAP) : extra);
        }
        if (!missing.isEmpty()) {
            details = details.with("missing_values", missing);
        }
        return ExpectationResult.of(this, format, ok, details, reason);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("value_set", valueSet);
    }
}
