package dev.assay.testing;

import dev.assay.engine.Validator;
import dev.assay.expectation.ExpectationGroup;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;

/**
 * Validates a batch against the expectations one fluent call declares. The suite is named after what
 * the call is about ({@code table}, {@code column.amount}, {@code columns.a.b}; {@code expectations} for
 * {@code passes(...)}), which names the stored
 * result of a failed test. Stateless and thread-safe.
 */
final class Checks {
    private Checks() {}

    /** Validates {@code batch} against {@code group} alone, in a suite named {@code suiteName}. */
    static ValidationResult validate(Validator validator, Batch batch, String suiteName, ExpectationGroup<?> group) {
        ExpectationSuite suite = ExpectationSuite.named(suiteName).expect(group).build();
        return validator.validate(batch, suite);
    }
}
