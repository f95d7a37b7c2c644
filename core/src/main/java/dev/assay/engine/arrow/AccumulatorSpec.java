package dev.assay.engine.arrow;

import dev.assay.model.RowFilter;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to build one kind of accumulator. Specs with equal keys are one accumulator, shared by every
 * metric it answers (min, max, mean and null count of a column share one).
 *
 * @param key the identity of the accumulator (a record)
 * @param filter the rows it sees
 * @param columns the columns it reads
 * @param factory makes a fresh, empty accumulator for one worker
 */
record AccumulatorSpec(Object key, RowFilter filter, Set<String> columns, Supplier<Accumulator> factory) {}
