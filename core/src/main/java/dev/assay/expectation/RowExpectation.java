package dev.assay.expectation;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import java.util.Set;

/**
 * A row-by-row expectation (column map, column pair map, multicolumn map): it counts unexpected rows,
 * reports samples, and passes when the share of expected non-missing rows is at least {@code mostly}.
 */
public interface RowExpectation extends Expectation {
    /** The metric that finds the unexpected rows, sampling as asked. */
    Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples);

    /** What is wrong with an unexpected row, completing "N values ...", e.g. {@code "are null"}. */
    String unexpectedPhrase();

    @Override
    default Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(unexpectedRows(RowEvaluation.samples(format)));
    }

    @Override
    default ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        return RowEvaluation.evaluate(this, values.get(unexpectedRows(RowEvaluation.samples(format))), format);
    }
}
