package dev.assay.engine.arrow.filter;

import dev.assay.model.RowFilter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** A record batch built in code, column by column; closes its vectors and allocator. */
final class TestBatch implements AutoCloseable {
    private final BufferAllocator allocator = new RootAllocator();
    private final List<FieldVector> vectors = new ArrayList<>();
    private VectorSchemaRoot root;

    /** A column of {@code type}: each value is set with {@code setter}, each null with {@code setNull}. */
    <V extends FieldVector> TestBatch column(
            String name, ArrowType type, BiConsumer<V, Object[]> setter, Object[] values) {
        @SuppressWarnings("unchecked")
        V vector = (V) new Field(name, FieldType.nullable(type), null).createVector(allocator);
        vector.setInitialCapacity(values.length);
        vector.allocateNew();
        setter.accept(vector, values);
        vector.setValueCount(values.length);
        vectors.add(vector);
        return this;
    }

    /** A fixed-width column set with {@code set(vector, index, value)}. */
    <V extends BaseFixedWidthVector, T> TestBatch fixed(
            String name, ArrowType type, Setter<V, T> set, Object... values) {
        return column(
                name,
                type,
                (V vector, Object[] all) -> {
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] == null) {
                            vector.setNull(i);
                        } else {
                            @SuppressWarnings("unchecked")
                            T value = (T) all[i];
                            set.set(vector, i, value);
                        }
                    }
                },
                values);
    }

    /** Sets one non-null value. */
    interface Setter<V, T> {
        void set(V vector, int index, T value);
    }

    TestBatch bigInt(String name, Long... values) {
        return fixed(name, new ArrowType.Int(64, true), (BigIntVector v, int i, Long x) -> v.setSafe(i, x), (Object[])
                values);
    }

    TestBatch integer(String name, Integer... values) {
        return fixed(name, new ArrowType.Int(32, true), (IntVector v, int i, Integer x) -> v.setSafe(i, x), (Object[])
                values);
    }

    TestBatch float8(String name, Double... values) {
        return fixed(
                name,
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                (Float8Vector v, int i, Double x) -> v.setSafe(i, x),
                (Object[]) values);
    }

    TestBatch float4(String name, Float... values) {
        return fixed(
                name,
                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
                (Float4Vector v, int i, Float x) -> v.setSafe(i, x),
                (Object[]) values);
    }

    TestBatch bit(String name, Boolean... values) {
        return fixed(
                name, ArrowType.Bool.INSTANCE, (BitVector v, int i, Boolean x) -> v.setSafe(i, x ? 1 : 0), (Object[])
                        values);
    }

    TestBatch varChar(String name, String... values) {
        return column(
                name,
                ArrowType.Utf8.INSTANCE,
                (VarCharVector vector, Object[] all) -> {
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] == null) {
                            vector.setNull(i);
                        } else {
                            vector.setSafe(i, ((String) all[i]).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                },
                values);
    }

    TestBatch largeVarChar(String name, String... values) {
        return column(
                name,
                ArrowType.LargeUtf8.INSTANCE,
                (LargeVarCharVector vector, Object[] all) -> {
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] == null) {
                            vector.setNull(i);
                        } else {
                            vector.setSafe(i, ((String) all[i]).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                },
                values);
    }

    TestBatch decimal(String name, int precision, int scale, String... values) {
        return column(
                name,
                new ArrowType.Decimal(precision, scale, 128),
                (DecimalVector vector, Object[] all) -> {
                    for (int i = 0; i < all.length; i++) {
                        if (all[i] == null) {
                            vector.setNull(i);
                        } else {
                            vector.setSafe(i, new BigDecimal((String) all[i]));
                        }
                    }
                },
                values);
    }

    VectorSchemaRoot root() {
        if (root == null) {
            root = new VectorSchemaRoot(vectors);
            root.setRowCount(vectors.isEmpty() ? 0 : vectors.get(0).getValueCount());
        }
        return root;
    }

    /** The rows {@code condition} keeps. */
    List<Integer> select(String condition) {
        return select(RowFilter.parse(condition));
    }

    List<Integer> select(RowFilter filter) {
        RowFilterEvaluator evaluator = RowFilterEvaluator.compile(filter, root().getSchema());
        int[] selected = new int[root().getRowCount()];
        int count = evaluator.select(root(), selected);
        return Arrays.stream(selected, 0, count).boxed().collect(Collectors.toList());
    }

    @Override
    public void close() {
        if (root != null) {
            root.close();
        } else {
            vectors.forEach(FieldVector::close);
        }
        allocator.close();
    }
}
