/**
 * JDBC databases as Assay data: {@link dev.assay.jdbc.JdbcSource} names a database (a URL, a {@link
 * javax.sql.DataSource} or a Jdbi); its tables and queries are {@link dev.assay.jdbc.JdbcAsset assets} whose
 * {@link dev.assay.jdbc.JdbcBatch batches} (all rows, or a day, month, year, value or range of a column) are
 * validated in the database: the SQL engine compiles a suite's metrics into aggregate queries per dialect
 * (PostgreSQL, MariaDB/MySQL, DuckDB, H2, SQLite, ANSI), fetches samples only for failed checks, and streams
 * to the Arrow engine only what a dialect cannot compute exactly. See {@code docs/jdbc.md}.
 */
package dev.assay.jdbc;
