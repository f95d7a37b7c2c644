package dev.assay.result;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;

/**
 * The data broke the expectation.
 *
 * @param reason one sentence a person can act on, e.g. {@code 12 of 1000 values (1.2%) are null}
 */
public record Failed(Expectation expectation, ResultFormat resultFormat, ResultDetails details, String reason)
        implements ExpectationResult {
    public Failed {
        requireNonNull(expectation, "expectation is null");
        requireNonNull(resultFormat, "resultFormat is null");
        requireNonNull(details, "details is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public boolean success() {
        return false;
    }
}
