package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.TableColumns;
import dev.assay.model.DataTypes;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.util.List;
import java.util.Set;

/**
 * A column has one of several types (see docs/types.md for the names).
 *
 * <p>Passes: {@code inTypeList("int32", "int64")} on a bigint column<br>
 * Fails: the same on a string column
 */
public record ColumnValuesInTypeList(String column, List<String> typeList, ExpectationOptions options)
        implements Expectation {
    /** expect_column_values_to_be_in_type_list. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_column_values_to_be_in_type_list", Dimension.SCHEMA, ColumnValuesInTypeList::read);

    public ColumnValuesInTypeList {
        requireNonNull(column, "column is null");
        typeList = List.copyOf(requireNonNull(typeList, "typeList is null"));
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesInTypeList(String column, List<String> typeList) {
        this(column, typeList, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesInTypeList read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesInTypeList(kwargs.string("column"), kwargs.strings("type_list"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesInTypeList withOptions(ExpectationOptions options) {
        return new ColumnValuesInTypeList(column, typeList, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new TableColumns());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        String actual = TypeCheck.typeOf(values, column);
        boolean ok = typeList.stream().anyMatch(t -> DataTypes.matches(t, actual));
        return ExpectationResult.of(
                this,
                format,
                ok,
                ResultDetails.observed(actual),
                "column '" + column + "' is of type " + actual + ", not one of " + typeList);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("type_list", typeList);
    }
}
