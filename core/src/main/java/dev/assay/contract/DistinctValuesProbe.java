package dev.assay.contract;

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
import java.util.List;
import java.util.Set;

/**
 * Collects every distinct value of a column (the referenced key of a foreign key); always passes. Used
 * only by {@link ForeignKeyCheck}, so the engine computes the values in its usual single scan.
 */
record DistinctValuesProbe(String column, ExpectationOptions options) implements Expectation {
    static final ExpectationType TYPE = ExpectationType.of(
            "probe_column_distinct_values", Kind.COLUMN_AGGREGATE, Dimension.CONSISTENCY, DistinctValuesProbe::read);

    DistinctValuesProbe {
        requireNonNull(column, "column is null");
        requireNonNull(options, "options is null");
    }

    static DistinctValuesProbe read(KwargReader kwargs, ExpectationOptions options) {
        return new DistinctValuesProbe(kwargs.string("column"), options);
    }

    private ColumnDistinctValues metric() {
        return new ColumnDistinctValues(column, options.rowFilter());
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public DistinctValuesProbe withOptions(ExpectationOptions options) {
        return new DistinctValuesProbe(column, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(metric());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        return ExpectationResult.of(
                this, format, true, ResultDetails.observed(new ArrayList<>(values.get(metric()))), "");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
    }
}
