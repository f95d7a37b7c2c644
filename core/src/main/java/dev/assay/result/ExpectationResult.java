package dev.assay.result;

import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;

/**
 * The outcome of one expectation: {@link Passed}, {@link Failed} (the data broke it) or {@link Errored}
 * (it could not be evaluated). Immutable.
 */
public sealed interface ExpectationResult permits Passed, Failed, Errored {
    /** The expectation, never null. */
    Expectation expectation();

    /** The result format the details were gathered for. */
    ResultFormat resultFormat();

    /** What was observed; empty details for an errored result. */
    ResultDetails details();

    /** True only for {@link Passed}. */
    boolean success();

    /** Passed or failed depending on {@code success}. */
    static ExpectationResult of(
            Expectation expectation, ResultFormat format, boolean success, ResultDetails details, String reason) {
        return success ? new Passed(expectation, format, details) : new Failed(expectation, format, details, reason);
    }
}
