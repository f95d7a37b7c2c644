/** What a user declares: expectations, suites, row filters and result formats. */
package dev.assay.model;
