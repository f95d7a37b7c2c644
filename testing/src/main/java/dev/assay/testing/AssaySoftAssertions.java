package dev.assay.testing;

import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.DataAsset;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} plus Assay's entry points: every failed assertion is collected and
 * reported together by {@link #assertAll()}. Column assertions reached through
 * {@code assertThat(batch).column(name)} or {@code columns(...)} collect too; each collected failure is
 * an {@link AssayAssertionError} with its results, which {@link AssayExtension} stores when the test
 * fails. Not thread-safe.
 *
 * <pre>{@code
 * SoftAssertionsProvider.assertSoftly(AssaySoftAssertions.class, softly -> {
 *     softly.assertThat(result).isSuccessful();
 *     softly.assertThat(orders).column("amount").hasNoNulls();
 * });
 * }</pre>
 */
public class AssaySoftAssertions extends SoftAssertions {
    /** Soft assertions on a validation result. */
    public ValidationResultAssert assertThat(ValidationResult actual) {
        return proxy(ValidationResultAssert.class, ValidationResult.class, actual);
    }

    /** Soft assertions on a batch, its columns included. */
    public BatchAssert assertThat(Batch actual) {
        return proxy(BatchAssert.class, Batch.class, actual).collectingInto(this);
    }

    /**
     * Soft assertions on all of a data asset's data, its {@link DataAsset#batch() batch()}, as {@link
     * AssayAssertions#assertThat(DataAsset)}.
     *
     * @throws dev.assay.error.AssayException when the asset holds no data or its source cannot be reached
     */
    public BatchAssert assertThat(DataAsset asset) {
        return assertThat(
                java.util.Objects.requireNonNull(asset, "asset is null").batch());
    }
}
