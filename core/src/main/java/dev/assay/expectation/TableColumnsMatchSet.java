package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnInfo;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.TableColumns;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table's columns are this set, in any order; with {@code exact_match: false}, at least these.
 *
 * <p>Passes: {@code {id, name}} on name, id<br>
 * Fails: the same on id, email
 */
public record TableColumnsMatchSet(List<String> columnSet, boolean exactMatch, ExpectationOptions options)
        implements Expectation {
    /** expect_table_columns_to_match_set. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_table_columns_to_match_set", Dimension.SCHEMA, TableColumnsMatchSet::read);

    public TableColumnsMatchSet {
        columnSet = List.copyOf(requireNonNull(columnSet, "columnSet is null"));
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableColumnsMatchSet(List<String> columnSet, boolean exactMatch) {
        this(columnSet, exactMatch, ExpectationOptions.DEFAULT);
    }

    static TableColumnsMatchSet read(KwargReader kwargs, ExpectationOptions options) {
        return new TableColumnsMatchSet(kwargs.strings("column_set"), kwargs.flag("exact_match", true), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableColumnsMatchSet withOptions(ExpectationOptions options) {
        return new TableColumnsMatchSet(columnSet, exactMatch, options);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new TableColumns());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        List<String> names =
                values.get(new TableColumns()).stream().map(ColumnInfo::name).toList();
        Set<String> missing = new LinkedHashSet<>(columnSet);
        missing.removeAll(names);
        Set<String> unexpected = new LinkedHashSet<>(names);
        unexpected.removeAll(columnSet);
        boolean ok = missing.isEmpty() && (!exactMatch || unexpected.isEmpty());
        ResultDetails details = ResultDetails.observed(names)
                .with("missing", List.copyOf(missing))
                .with("unexpected", List.copyOf(unexpected));
        return ExpectationResult.of(
                this,
                format,
                ok,
                details,
                "columns do not match the set: missing " + missing + (exactMatch ? ", unexpected " + unexpected : ""));
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column_set", columnSet);
        if (!exactMatch) {
            kwargs.put("exact_match", false);
        }
    }
}
