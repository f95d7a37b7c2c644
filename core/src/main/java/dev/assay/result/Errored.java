package dev.assay.result;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;

/**
 * The expectation could not be evaluated (an unknown column, an invalid regex, a metric that does not
 * apply to the column's type). The rest of the suite still ran.
 *
 * @param message what went wrong, naming the column or argument
 * @param exceptionType the simple name of the exception class
 * @param traceback the stack trace, for {@code exception_info}
 */
public record Errored(
        Expectation expectation, ResultFormat resultFormat, String message, String exceptionType, String traceback)
        implements ExpectationResult {
    public Errored {
        requireNonNull(expectation, "expectation is null");
        requireNonNull(resultFormat, "resultFormat is null");
        requireNonNull(message, "message is null");
        requireNonNull(exceptionType, "exceptionType is null");
        requireNonNull(traceback, "traceback is null");
    }

    @Override
    public ResultDetails details() {
        return ResultDetails.EMPTY;
    }

    @Override
    public boolean success() {
        return false;
    }
}
