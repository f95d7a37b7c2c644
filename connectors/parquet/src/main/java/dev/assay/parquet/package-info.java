/**
 * Parquet files as Assay batches: {@link dev.assay.parquet.ParquetSource} reads the primitive columns of
 * Parquet files from any {@link dev.assay.source.FileLocation} into Arrow record batches, one split per row
 * group, and answers row counts, null counts and min/max from the footers where they are exact. No Hadoop
 * classes are needed. See {@code docs/parquet.md}.
 */
package dev.assay.parquet;
