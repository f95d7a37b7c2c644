/** What comes out of a validation: {@link dev.assay.result.ValidationResult} and per-expectation results. */
package dev.assay.result;
