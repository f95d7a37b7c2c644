package dev.assay.testing;

import static java.util.Objects.requireNonNull;

import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.DataAsset;

/**
 * Entry points of Assay's AssertJ assertions; import statically beside AssertJ's own
 * {@code Assertions.assertThat}. Each assertion fails at once with an {@link AssayAssertionError}; see
 * {@link AssaySoftAssertions} to collect every failure. Stateless and thread-safe.
 *
 * <pre>{@code
 * assertThat(result).isSuccessful();
 * assertThat(orders).satisfies(suite);
 * assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
 * assertThat(trips).hasRowCountBetween(1, 1_000_000);   // a DataAsset: all of its data
 * }</pre>
 */
public final class AssayAssertions {
    private AssayAssertions() {}

    /** Assertions on a validation result. */
    public static ValidationResultAssert assertThat(ValidationResult actual) {
        return new ValidationResultAssert(actual);
    }

    /** Assertions on a batch: a suite, the table, one column or several at a time. */
    public static BatchAssert assertThat(Batch actual) {
        return new BatchAssert(actual);
    }

    /**
     * Assertions on all of a data asset's data: its {@link DataAsset#batch() batch()}, every file or row
     * of it as one batch, resolved now. For one slice, assert on {@code asset.latestBatch()} or {@code
     * asset.batch(request)} instead.
     *
     * @param asset the asset, never null
     * @throws dev.assay.error.AssayException when the asset holds no data or its source cannot be reached
     */
    public static BatchAssert assertThat(DataAsset asset) {
        return new BatchAssert(requireNonNull(asset, "asset is null").batch());
    }
}
