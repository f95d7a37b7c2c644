package dev.assay.result;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;

/** The expectation held. */
public record Passed(Expectation expectation, ResultFormat resultFormat, ResultDetails details)
        implements ExpectationResult {
    public Passed {
        requireNonNull(expectation, "expectation is null");
        requireNonNull(resultFormat, "resultFormat is null");
        requireNonNull(details, "details is null");
    }

    @Override
    public boolean success() {
        return true;
    }
}
