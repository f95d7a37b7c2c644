package dev.assay.engine.arrow.filter;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import dev.assay.model.filter.Condition;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Selects the rows of Arrow record batches that a {@link RowFilter} keeps.
 *
 * <p>{@link #compile} checks the filter against a schema once (every column exists, every literal can be compared
 * with its column) and builds predicates specialized to each column's type; {@link #select} then runs them over a
 * batch's buffers 64 rows at a time without allocating per row. A row is kept only when the condition is true: as in
 * SQL, a comparison with a null value is unknown, and unknown rows are not kept ({@code NOT} of unknown is unknown).
 *
 * <p>Supported column types: signed and unsigned integers, floating point (half, single, double; NaN is greater than
 * every number), 128-bit decimals, booleans, Utf8 and LargeUtf8 (by Unicode code point), dates, times and timestamps
 * of every unit, with or without time zone. Numbers compare by value across these types. {@code IS [NOT] NULL}
 * applies to columns of any type.
 *
 * <p>Immutable and thread-safe: one evaluator may select from several batches at once.
 *
 * <pre>{@code
 * RowFilterEvaluator evaluator = RowFilterEvaluator.compile(RowFilter.parse("amount > 0"), schema);
 * int[] selected = new int[root.getRowCount()];
 * int count = evaluator.select(root, selected); // selected[0..count) are the kept rows, ascending
 * }</pre>
 */
public final class RowFilterEvaluator {
    private final RowFilter filter;
    /** Null for {@link RowFilter#none()}. */
    private final Node node;

    private RowFilterEvaluator(RowFilter filter, Node node) {
        this.filter = filter;
        this.node = node;
    }

    /**
     * Compiles {@code filter} for batches of {@code schema}.
     *
     * @param filter the filter, never null; {@link RowFilter#none()} keeps every row
     * @param schema the schema of the batches, never null; batches may hold a subset of its columns in any order, as
     *     long as they hold those the filter reads
     * @return the evaluator, never null
     * @throws ColumnNotFoundException if the filter reads a column that is not in {@code schema}; the message names
     *     the available columns and the nearest name
     * @throws AssayException with {@link ErrorCode#INVALID_ROW_CONDITION} if a literal cannot be compared with its
     *     column's type ({@code amount > 'abc'}), two columns cannot be compared, or a column's type is not supported
     * @throws IllegalArgumentException if {@code filter} is neither {@link RowFilter#none()} nor a {@link Condition}
     */
    public static RowFilterEvaluator compile(RowFilter filter, Schema schema) {
        requireNonNull(filter, "filter is null");
        requireNonNull(schema, "schema is null");
        if (filter.isNone()) {
            return new RowFilterEvaluator(filter, null);
        }
        if (!(filter instanceof Condition)) {
            throw new IllegalArgumentException(
                    "unsupported RowFilter implementation: " + filter.getClass().getName());
        }
        return new RowFilterEvaluator(filter, new NodeCompiler((Condition) filter, schema).compile());
    }

    /** The filter this evaluator was compiled from, never null. */
    public RowFilter filter() {
        return filter;
    }

    /**
     * Writes the 0-based indexes of the rows of {@code root} that the filter keeps into {@code selected}, in ascending
     * order.
     *
     * @param root the batch, never null; it must hold the columns the filter reads with the types of the compiled
     *     schema, each with at least {@code root.getRowCount()} values
     * @param selected receives the indexes, never null; its length must be at least {@code root.getRowCount()}
     * @return how many rows are kept: the number of indexes written
     * @throws IllegalArgumentException if {@code selected} is too short, or {@code root} does not match the compiled
     *     schema
     */
    public int select(VectorSchemaRoot root, int[] selected) {
        requireNonNull(root, "root is null");
        requireNonNull(selected, "selected is null");
        int rows = root.getRowCount();
        if (selected.length < rows) {
            throw new IllegalArgumentException(
                    "selected has room for " + selected.length + " indexes, but the batch has " + rows + " rows");
        }
        if (node == null) {
            for (int i = 0; i < rows; i++) {
                selected[i] = i;
            }
            return rows;
        }
        Input input = new Input(root, rows);
        long[] isTrue = new long[input.words];
        long[] isFalse = new long[input.words];
        node.evaluate(input, isTrue, isFalse);
        int count = 0;
        for (int w = 0; w < input.words; w++) {
            long word = isTrue[w];
            int base = w << 6;
            while (word != 0) {
                selected[count++] = base + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "RowFilterEvaluator[" + (filter.isNone() ? "none" : filter.text()) + "]";
    }
}
