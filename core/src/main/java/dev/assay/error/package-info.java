/** One exception hierarchy: {@link dev.assay.error.AssayException} and its {@link dev.assay.error.ErrorCode}. */
package dev.assay.error;
