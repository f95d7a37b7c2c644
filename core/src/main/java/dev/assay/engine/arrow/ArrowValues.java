package dev.assay.engine.arrow;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads single values of Arrow vectors as the Java objects the Arrow engine reports (in observed values,
 * samples and distinct values): {@code Long} for integers, {@code Double}, {@code BigDecimal}, {@code
 * String}, {@code Boolean}, and {@code java.time} values for dates, times and timestamps. For engines that
 * compute elsewhere (a database) and must report values exactly as the Arrow engine would. Stateless.
 */
public final class ArrowValues {
    private ArrowValues() {}

    /**
     * The value at {@code row} of {@code vector}, or null when it is null.
     *
     * @param vector the vector, never null
     * @param row the 0-based row, less than the vector's value count
     */
    public static Object get(FieldVector vector, int row) {
        requireNonNull(vector, "vector is null");
        return vector.isNull(row) ? null : ArrowColumn.of(vector).getObject(row);
    }
}
