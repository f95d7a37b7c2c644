package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.internal.Names;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column exists, optionally at a 1-based position ({@code column_index}, as GX counts).
 *
 * <p>Passes: {@code exists()} on a table with the column<br>
 * Fails: the same on a table without it
 */
public record ColumnExists(String column, Optional<Long> columnIndex, ExpectationOptions options)
        implements Expectation {
    /** expect_column_to_exist. */
    public static final ExpectationType TYPE =
            ExpectationType.schemaOnly("expect_column_to_exist", Dimension.SCHEMA, ColumnExists::read);

    public ColumnExists {
        requireNonNull(column, "column is null");
        requireNonNull(columnIndex, "columnIndex is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnExists(String column, Optional<Long> columnIndex) {
        this(column, columnIndex, ExpectationOptions.DEFAULT);
    }

    static ColumnExists read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnExists(kwargs.string("column"), kwargs.optionalInteger("column_index"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnExists withOptions(ExpectationOptions options) {
        return new ColumnExists(column, columnIndex, options);
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
        int at = names.indexOf(column);
        if (at < 0) {
            String hint = Names.nearest(column, names)
                    .map(n -> "; did you mean '" + n + "'?")
                    .orElse("");
            return ExpectationResult.of(
                    this,
                    format,
                    false,
                    ResultDetails.observed(names),
                    "column '" + column + "' does not exist; columns are " + names + hint);
        }
        boolean ok = columnIndex.isEmpty() || columnIndex.get() == at + 1;
        return ExpectationResult.of(
                this,
                format,
                ok,
                ResultDetails.observed(at + 1),
                "column '" + column + "' is at position " + (at + 1) + ", not " + columnIndex.orElse(0L));
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("column_index", columnIndex);
    }
}
