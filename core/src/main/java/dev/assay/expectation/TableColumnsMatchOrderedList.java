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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The table's columns are exactly these, in this order.
 *
 * <p>Passes: {@code [id, name]} on a table with columns id, name<br>
 * Fails: the same on name, id
 */
public record TableColumnsMatchOrderedList(List<String> columnList, ExpectationOptions options) implements Expectation {
    /** expect_table_columns_to_match_ordered_list. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_table_columns_to_match_ordered_list", Dimension.SCHEMA, TableColumnsMatchOrderedList::read);

    public TableColumnsMatchOrderedList {
        columnList = List.copyOf(requireNonNull(columnList, "columnList is null"));
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableColumnsMatchOrderedList(List<String> columnList) {
        this(columnList, ExpectationOptions.DEFAULT);
    }

    static TableColumnsMatchOrderedList read(KwargReader kwargs, ExpectationOptions options) {
        return new TableColumnsMatchOrderedList(kwargs.strings("column_list"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableColumnsMatchOrderedList withOptions(ExpectationOptions options) {
        return new TableColumnsMatchOrderedList(columnList, options);
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
        if (names.equals(columnList)) {
            return ExpectationResult.of(this, format, true, ResultDetails.observed(names), "");
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), columnList.size()); i++) {
            String actual = i < names.size() ? names.get(i) : null;
            String wanted = i < columnList.size() ? columnList.get(i) : null;
            if (!java.util.Objects.equals(actual, wanted)) {
                differences.add(
                        "position " + (i + 1) + ": expected " + (wanted == null ? "no column" : "'" + wanted + "'")
                                + ", found " + (actual == null ? "no column" : "'" + actual + "'"));
            }
        }
        ResultDetails details = ResultDetails.observed(names).with("mismatched", differences);
        return ExpectationResult.of(
                this, format, false, details, "columns do not match: " + String.join("; ", differences));
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column_list", columnList);
    }
}
