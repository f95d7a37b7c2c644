/** The data source SPI: batches, splits and Arrow record batches. */
package dev.assay.source;
