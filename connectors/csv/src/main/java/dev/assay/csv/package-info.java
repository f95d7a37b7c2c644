/**
 * CSV files as Arrow record batches: {@link dev.assay.csv.CsvSource} with explicit ({@link
 * dev.assay.csv.CsvSchema}) or inferred column types, parallel reading of large files, gzip, and bad
 * rows that fail the scan or are reported as bad cells ({@link dev.assay.csv.BadRowPolicy}).
 */
package dev.assay.csv;
