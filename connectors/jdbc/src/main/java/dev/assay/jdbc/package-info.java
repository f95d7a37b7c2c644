/** JDBC tables and queries as Arrow record batches. */
package dev.assay.jdbc;
