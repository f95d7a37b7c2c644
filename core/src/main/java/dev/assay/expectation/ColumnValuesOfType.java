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
 * A column has a type. Typed sources (Arrow, Parquet, SQL, typed CSV) answer from the schema; type names follow docs/types.md (GX/pandas, SQL, Spark and Assay names are accepted).
 *
 * <p>Passes: {@code ofType("int64")} on a bigint column<br>
 * Fails: {@code ofType("string")} on the same
 */
public record ColumnValuesOfType(String column, String typeName, ExpectationOptions options) implements Expectation {
    /** expect_column_values_to_be_of_type. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_column_values_to_be_of_type", Dimension.SCHEMA, ColumnValuesOfType::read);

    public ColumnValuesOfType {
        requireNonNull(column, "column is null");
        requireNonNull(typeName, "typeName is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesOfType(String column, String typeName) {
        this(column, typeName, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesOfType read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesOfType(kwargs.string("column"), kwargs.string("type_"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesOfType withOptions(ExpectationOptions options) {
        return new ColumnValuesOfType(column, typeName, options);
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
        return ExpectationResult.of(
                this,
                format,
                DataTypes.matches(typeName, actual),
                ResultDetails.observed(actual),
                "column '" + column + "' is of type " + actual + ", not " + typeName);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("type_", typeName);
    }
}
