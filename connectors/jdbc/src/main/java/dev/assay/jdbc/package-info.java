/**
 * JDBC databases as Assay batches: {@link dev.assay.jdbc.JdbcSource} names a database (a URL, a {@link
 * javax.sql.DataSource} or a Jdbi), and its {@link dev.assay.jdbc.JdbcBatch tables and queries} stream their
 * rows into Arrow record batches for the Arrow engine. No SQL pushdown yet. See {@code docs/jdbc.md}.
 */
package dev.assay.jdbc;
