/**
 * Suite files: reading and writing expectation suites as JSON or YAML in Great Expectations' shape
 * (GX 1.x, and GX 0.x for reading), and the JSON Schema of that format.
 *
 * <p>Entry points are {@link dev.assay.suite.SuiteFiles} and {@link dev.assay.suite.SuiteSchema}; the
 * format is described in {@code docs/suite-format.md}.
 */
package dev.assay.suite;
