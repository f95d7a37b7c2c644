package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.Dimension;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import java.util.List;

/**
 * No non-null value is one of a set.
 *
 * <p>Passes: {@code notInSet("N/A")} on {@code [a, b]}<br>
 * Fails: the same on {@code [a, N/A]} (1 unexpected)
 */
public record ColumnValuesNotInSet(String column, List<Object> valueSet, ExpectationOptions options)
        implements RowExpectation {
    /** expect_column_values_to_not_be_in_set. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_not_be_in_set", Kind.COLUMN_MAP, Dimension.VALIDITY, ColumnValuesNotInSet::read);

    public ColumnValuesNotInSet {
        requireNonNull(column, "column is null");
        valueSet = Values.copyOf(requireNonNull(valueSet, "valueSet is null"));
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesNotInSet(String column, List<Object> valueSet) {
        this(column, valueSet, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesNotInSet read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesNotInSet(kwargs.string("column"), kwargs.values("value_set"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesNotInSet withOptions(ExpectationOptions options) {
        return new ColumnValuesNotInSet(column, valueSet, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(new RowPredicate.InSet(column, valueSet, true), options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "are in " + Values.showSet(valueSet);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("value_set", valueSet);
    }
}
