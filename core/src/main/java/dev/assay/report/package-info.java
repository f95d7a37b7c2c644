/** Reports of validation results in formats other tools read, such as JUnit XML for CI servers. */
package dev.assay.report;
