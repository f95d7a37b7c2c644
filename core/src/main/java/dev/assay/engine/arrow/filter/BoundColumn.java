package dev.assay.engine.arrow.filter;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** A column a node reads, resolved against the schema the condition was compiled for. */
final class BoundColumn {
    final String name;
    final ColumnType type;

    BoundColumn(String name, ColumnType type) {
        this.name = name;
        this.type = type;
    }

    /**
     * This column's vector in {@code input}, checked to have the compiled type and enough values. Looked up by name,
     * so a batch may hold fewer columns than the schema (a pruned projection) or hold them in another order.
     */
    FieldVector vector(Input input) {
        FieldVector vector = input.root.getVector(name);
        if (vector == null) {
            throw new IllegalArgumentException("the batch has no column '" + name + "' for the row_condition");
        }
        if (!vector.getField().getType().equals(type.arrowType)) {
            throw new IllegalArgumentException("column '" + name + "' of the batch has type "
                    + vector.getField().getType() + ", but the row_condition was compiled for " + type.arrowType);
        }
        if (vector.getValueCount() < input.rows) {
            throw new IllegalArgumentException("column '" + name + "' holds " + vector.getValueCount()
                    + " values, fewer than the batch's " + input.rows + " rows");
        }
        return vector;
    }

    /** The address of {@code buffer}, after checking that it holds at least {@code bytes} bytes. */
    long address(ArrowBuf buffer, long bytes) {
        if (buffer.capacity() < bytes) {
            throw new IllegalArgumentException("a buffer of column '" + name + "' holds " + buffer.capacity()
                    + " bytes, fewer than the " + bytes + " its values need");
        }
        return buffer.memoryAddress();
    }
}
