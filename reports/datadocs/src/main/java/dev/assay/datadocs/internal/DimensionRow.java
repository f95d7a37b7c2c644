package dev.assay.datadocs.internal;

/**
 * A run's statistics for one data-quality dimension.
 *
 * @param name the dimension, e.g. {@code completeness}
 * @param evaluated expectations evaluated
 * @param successful expectations that held
 * @param unsuccessful expectations that did not
 * @param percent the share that held, as shown
 */
public record DimensionRow(String name, int evaluated, int successful, int unsuccessful, String percent) {}
