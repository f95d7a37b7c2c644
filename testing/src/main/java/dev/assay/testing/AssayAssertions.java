package dev.assay.testing;

import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;

/**
 * Entry points of Assay's AssertJ assertions; import statically beside AssertJ's own
 * {@code Assertions.assertThat}. Each assertion fails at once; see {@link AssaySoftAssertions} to
 * collect every failure. Stateless and thread-safe.
 *
 * <pre>{@code
 * assertThat(result).isSuccessful();
 * assertThat(orders).satisfies(suite);
 * assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
 * }</pre>
 */
public final class AssayAssertions {
    private AssayAssertions() {}

    /** Assertions on a validation result. */
    public static ValidationResultAssert assertThat(ValidationResult actual) {
        return new ValidationResultAssert(actual);
    }

    /** Assertions on a batch: a suite, or one column at a time. */
    public static BatchAssert assertThat(Batch actual) {
        return new BatchAssert(actual);
    }
}
