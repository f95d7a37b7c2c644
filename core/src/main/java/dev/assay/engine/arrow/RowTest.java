package dev.assay.engine.arrow;

/** Whether one non-null row satisfies a predicate; compiled per batch over typed columns. */
@FunctionalInterface
interface RowTest {
    boolean passes(int row);
}
