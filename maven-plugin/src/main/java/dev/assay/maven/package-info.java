/**
 * The Assay Maven plugin, bound to the {@code verify} phase: {@code validate} ({@link dev.assay.maven.ValidateMojo})
 * validates data against a suite or runs a checkpoint, {@code contract-test} ({@link
 * dev.assay.maven.ContractTestMojo}) tests data against an ODCS contract, and {@code contract-diff} ({@link
 * dev.assay.maven.ContractDiffMojo}) catches breaking changes to one; each fails the build on a breach. Only the
 * mojos are API; their configuration is documented in {@code docs/maven-plugin.md}.
 */
package dev.assay.maven;
