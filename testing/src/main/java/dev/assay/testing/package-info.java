/**
 * AssertJ assertions on Assay results and batches: {@link dev.assay.testing.AssayAssertions} for
 * failing fast, {@link dev.assay.testing.AssaySoftAssertions} for collecting every failure.
 */
package dev.assay.testing;
