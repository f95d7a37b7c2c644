package dev.assay.source;

import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a source knows exactly about a batch without reading its rows, such as the row counts, null
 * counts and min/max values of Parquet footers. The engine answers metrics from it without a scan where
 * it can (no row filter, exact statistics for the column) and says so in the result. A source reports
 * only values it trusts to be exact: statistics marked inexact, or written by a writer known to get them
 * wrong, are left out. Thread-safe.
 */
public interface BatchStatistics {
    /** Where the statistics come from, recorded in results, e.g. {@code parquet-statistics}. */
    String source();

    /** The exact number of rows of the batch. */
    long rowCount();

    /** The exact number of nulls of {@code column}, or empty when some part of the batch does not know it. */
    OptionalLong nullCount(String column);

    /**
     * True when the exact smallest and largest non-null value of {@code column} are known (or the column
     * is known to hold only nulls).
     */
    boolean hasMinMax(String column);

    /**
     * The smallest and largest values of {@code columns} as a two-row root: row 0 holds each column's
     * minimum, row 1 its maximum, both null when the column holds only nulls. Vectors have the column's
     * type in the batch's schema, so the engine reads them as it reads the data. The caller closes the root.
     *
     * @param columns columns for which {@link #hasMinMax} is true, in any order
     * @param allocator where to allocate the vectors
     */
    VectorSchemaRoot minMax(List<String> columns, BufferAllocator allocator);
}
