package dev.assay.expectation;

import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;

/** Judges an observed aggregate against a range, with GX's {@code observed_value}. */
final class Aggregates {
    private Aggregates() {}

    /**
     * Passes when {@code observed} is within {@code range}. A missing observation (every value null)
     * fails unless the range is open on both sides.
     */
    static ExpectationResult between(Expectation e, ResultFormat format, Object observed, Range range, String what) {
        ResultDetails details = ResultDetails.observed(observed);
        if (observed == null) {
            boolean open = range.min().isEmpty() && range.max().isEmpty();
            return ExpectationResult.of(
                    e, format, open, details, "the " + what + " is undefined: the column has no non-null values");
        }
        boolean ok;
        try {
            ok = range.contains(observed);
        } catch (IllegalArgumentException ex) {
            throw new dev.assay.error.InvalidExpectationException("the " + what + " " + Values.show(observed)
                    + " cannot be compared with the bounds: " + ex.getMessage());
        }
        return ExpectationResult.of(
                e, format, ok, details, "the " + what + " " + Values.show(observed) + " is not " + range.describe());
    }
}
