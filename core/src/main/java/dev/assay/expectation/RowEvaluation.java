package dev.assay.expectation;

import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Judges the unexpected-row counts of a {@link RowExpectation} the way GX does. */
final class RowEvaluation {
    /** The most unexpected rows a COMPLETE result lists. */
    static final int COMPLETE_CAP = 1000;

    private RowEvaluation() {}

    static SampleSpec samples(ResultFormat format) {
        return new SampleSpec(format.sampleLimit(COMPLETE_CAP), format.unexpectedIndexColumnNames());
    }

    static ExpectationResult evaluate(RowExpectation e, UnexpectedRowsResult r, ResultFormat format) {
        long nonMissing = r.elementCount() - r.missingCount();
        double mostly = e.options().mostly();
        boolean success = nonMissing == 0 || (double) (nonMissing - r.unexpectedCount()) / nonMissing >= mostly;
        List<Object> values = new ArrayList<>(r.samples().size());
        List<Object> index = new ArrayList<>(r.samples().size());
        for (UnexpectedRowsResult.UnexpectedRow row : r.samples()) {
            values.add(row.value());
            index.add(row.index().isEmpty() ? (Object) row.rowIndex() : row.index());
        }
        ResultDetails.Counts counts = new ResultDetails.Counts(r.elementCount(), r.missingCount(), r.unexpectedCount());
        // The query that lists every unexpected row belongs with the complete list, as in GX.
        Optional<String> query = format.includes(ResultFormat.Level.COMPLETE) && r.unexpectedCount() > 0
                ? r.indexQuery()
                : Optional.empty();
        ResultDetails details =
                new ResultDetails(Optional.empty(), Optional.of(counts), values, index, Map.of(), query);
        String reason = String.format(
                Locale.ROOT,
                "%d of %d %s (%s%%) %s%s",
                r.unexpectedCount(),
                nonMissing,
                nonMissing == r.elementCount() ? "values" : "non-null values",
                percent(counts.unexpectedPercent()),
                e.unexpectedPhrase(),
                mostly < 1.0 ? "; mostly=" + mostly + " allows at most " + percent(100 * (1 - mostly)) + "%" : "");
        return ExpectationResult.of(e, format, success, details, reason);
    }

    static String percent(double p) {
        if (p == 0 || p >= 0.01) {
            return String.format(Locale.ROOT, "%.2f", p).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.2g", p);
    }
}
