/**
 * The Assay Maven plugin: the {@code validate} goal ({@link dev.assay.maven.ValidateMojo}) validates data against
 * a suite or runs a checkpoint in the {@code verify} phase and fails the build on a breach. Only the mojos are API;
 * their configuration is documented in {@code docs/maven-plugin.md}.
 */
package dev.assay.maven;
