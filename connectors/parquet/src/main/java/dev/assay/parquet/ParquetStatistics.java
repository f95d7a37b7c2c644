package dev.assay.parquet;

import static java.util.Objects.requireNonNull;

import dev.assay.source.BatchStatistics;
import dev.assay.source.DatasetSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.CorruptStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Row counts, null counts and min/max values from the footers of a source's files, kept only where
 * every row group of every file states them exactly (see {@code docs/parquet.md} for the rules).
 * Immutable and thread-safe.
 */
final class ParquetStatistics implements BatchStatistics {
    private final long rowCount;
    private final DatasetSchema schema;
    private final Map<String, ColumnStats> columns;

    private ParquetStatistics(long rowCount, DatasetSchema schema, Map<String, ColumnStats> columns) {
        this.rowCount = rowCount;
        this.schema = schema;
        this.columns = columns;
    }

    /** What one column's chunks say, merged over every row group. */
    private static final class ColumnStats {
        PrimitiveType type;
        long nulls;
        boolean nullsKnown = true;
        boolean minMaxKnown = true;
        Object min;
        Object max;
    }

    static ParquetStatistics of(ParquetLayout layout) {
        long rows = 0;
        Map<String, ColumnStats> columns = new HashMap<>();
        for (String name : layout.schema.columnNames()) {
            columns.put(name, new ColumnStats());
        }
        for (ParquetFooter footer : layout.footers) {
            for (RowGroup group : footer.thrift().getRow_groups()) {
                rows += group.getNum_rows();
            }
            for (Map.Entry<String, ColumnStats> e : columns.entrySet()) {
                merge(footer, e.getKey(), e.getValue());
            }
        }
        return new ParquetStatistics(rows, layout.schema, columns);
    }

    private static void merge(ParquetFooter footer, String name, ColumnStats stats) {
        Type t = footer.schema().getType(name);
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            stats.nullsKnown = false;
            stats.minMaxKnown = false;
            return;
        }
        PrimitiveType type = t.asPrimitiveType();
        if (stats.type == null) {
            stats.type = type;
        } else if (!stats.type.equals(type)) {
            // Values of different physical types do not compare: keep null counts only.
            stats.minMaxKnown = false;
        }
        int leaf = footer.schema().getColumns().indexOf(footer.schema().getColumnDescription(new String[] {name}));
        String createdBy = footer.createdBy();
        boolean ordered = createdBy != null
                && (footer.thrift().isSetColumn_orders()
                        ? leaf < footer.thrift().getColumn_ordersSize()
                                && knownOrder(footer.thrift().getColumn_orders().get(leaf), type)
                        : signedOrder(type))
                && type.getPrimitiveTypeName() != PrimitiveTypeName.INT96
                && !CorruptStatistics.shouldIgnoreStatistics(createdBy, type.getPrimitiveTypeName());
        for (RowGroup group : footer.thrift().getRow_groups()) {
            if (group.getNum_rows() == 0) {
                continue;
            }
            org.apache.parquet.format.Statistics s = chunkStatistics(group, leaf);
            if (s == null || !s.isSetNull_count()) {
                stats.nullsKnown = false;
                stats.minMaxKnown = false;
                continue;
            }
            stats.nulls += s.getNull_count();
            if (!stats.minMaxKnown) {
                continue;
            }
            if (s.getNull_count() == group.getNum_rows()) {
                continue; // all null: no values to bound
            }
            if (!ordered || !exact(type, s)) {
                stats.minMaxKnown = false;
                continue;
            }
            Statistics<?> parsed;
            try {
                parsed = Statistics.getBuilderForReading(type)
                        .withMin(s.getMin_value())
                        .withMax(s.getMax_value())
                        .withNumNulls(s.getNull_count())
                        .build();
            } catch (RuntimeException e) {
                // Bounds that do not even parse are not bounds: leave the column to a scan.
                stats.minMaxKnown = false;
                continue;
            }
            widen(stats, parsed);
        }
    }

    /**
     * Whether bounds were computed in an order we know: the type's own order, or for floating point the
     * IEEE 754 total order (which parquet-java 1.18 writes; with no NaN it differs only in placing -0 below +0).
     */
    private static boolean knownOrder(ColumnOrder order, PrimitiveType type) {
        if (order.isSetTYPE_ORDER()) {
            return true;
        }
        PrimitiveTypeName p = type.getPrimitiveTypeName();
        return order.isSetIEEE_754_TOTAL_ORDER() && (p == PrimitiveTypeName.FLOAT || p == PrimitiveTypeName.DOUBLE);
    }

    /**
     * Whether values of {@code type} compare one way only: as signed numbers (integers without an unsigned
     * annotation, and the dates, times, timestamps and decimals stored in them) or as booleans. Their
     * type-defined order is the legacy signed order, so bounds written without column orders (DuckDB
     * writes none) still mean what they say. Byte arrays, unsigned integers and floats compare
     * differently under the two orders and are not trusted without a column order.
     */
    private static boolean signedOrder(PrimitiveType type) {
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return true;
            case INT32:
            case INT64:
                return !(type.getLogicalTypeAnnotation()
                                instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                        && !i.isSigned());
            default:
                return false;
        }
    }

    private static org.apache.parquet.format.Statistics chunkStatistics(RowGroup group, int leaf) {
        if (leaf < 0 || leaf >= group.getColumnsSize()) {
            return null;
        }
        ColumnChunk chunk = group.getColumns().get(leaf);
        if (!chunk.isSetMeta_data() || !chunk.getMeta_data().isSetStatistics()) {
            return null;
        }
        return chunk.getMeta_data().getStatistics();
    }

    /** Whether the chunk's min and max are the exact smallest and largest values. */
    private static boolean exact(PrimitiveType type, org.apache.parquet.format.Statistics s) {
        if (!s.isSetMin_value() || !s.isSetMax_value()) {
            return false; // the deprecated min/max fields used a signed order for every type
        }
        if ((s.isSetIs_min_value_exact() && !s.isIs_min_value_exact())
                || (s.isSetIs_max_value_exact() && !s.isIs_max_value_exact())) {
            return false;
        }
        switch (type.getPrimitiveTypeName()) {
            case BINARY:
                // Writers may truncate byte array bounds without saying so in older format versions.
                return s.isSetIs_min_value_exact() && s.isSetIs_max_value_exact();
            case FIXED_LEN_BYTE_ARRAY:
                // A truncated fixed-length bound is shorter than the type.
                return s.getMin_value().length == type.getTypeLength()
                        && s.getMax_value().length == type.getTypeLength()
                        && !(type.getLogicalTypeAnnotation()
                                instanceof
                                org.apache.parquet.schema.LogicalTypeAnnotation.Float16LogicalTypeAnnotation);
            case FLOAT:
            case DOUBLE:
                // Bounds leave NaN out: trust them only when the chunk says it has none.
                return s.isSetNan_count()
                        && s.getNan_count() == 0
                        && !isNaN(type, s.getMin_value())
                        && !isNaN(type, s.getMax_value());
            case INT96:
                return false;
            case BOOLEAN:
                return s.getMin_value().length == 1 && s.getMax_value().length == 1;
            case INT32:
                return s.getMin_value().length == 4 && s.getMax_value().length == 4;
            case INT64:
                return s.getMin_value().length == 8 && s.getMax_value().length == 8;
        }
        return false;
    }

    private static boolean isNaN(PrimitiveType type, byte[] value) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(value).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (type.getPrimitiveTypeName() == PrimitiveTypeName.FLOAT) {
            return value.length != 4 || Float.isNaN(b.getFloat(0));
        }
        return value.length != 8 || Double.isNaN(b.getDouble(0));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void widen(ColumnStats stats, Statistics<?> parsed) {
        Comparable min = parsed.genericGetMin();
        Comparable max = parsed.genericGetMax();
        org.apache.parquet.schema.PrimitiveComparator comparator = stats.type.comparator();
        if (comparator.compare(min, max) > 0) {
            stats.minMaxKnown = false; // bounds out of order: the statistics are wrong
            return;
        }
        if (stats.min == null || comparator.compare(min, stats.min) < 0) {
            stats.min = min;
        }
        if (stats.max == null || comparator.compare(max, stats.max) > 0) {
            stats.max = max;
        }
    }

    @Override
    public String source() {
        return "parquet-statistics";
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public OptionalLong nullCount(String column) {
        ColumnStats s = columns.get(requireNonNull(column, "column is null"));
        return s != null && s.nullsKnown ? OptionalLong.of(s.nulls) : OptionalLong.empty();
    }

    @Override
    public boolean hasMinMax(String column) {
        ColumnStats s = columns.get(requireNonNull(column, "column is null"));
        return s != null && s.nullsKnown && s.minMaxKnown && s.type != null;
    }

    @Override
    public VectorSchemaRoot minMax(List<String> columns, BufferAllocator allocator) {
        requireNonNull(columns, "columns is null");
        requireNonNull(allocator, "allocator is null");
        List<Field> fields = new ArrayList<>();
        for (String c : columns) {
            if (!hasMinMax(c)) {
                throw new IllegalArgumentException("no exact min/max for column '" + c + "'");
            }
            fields.add(schema.find(c).orElseThrow());
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        try {
            for (int i = 0; i < fields.size(); i++) {
                ColumnStats s = this.columns.get(columns.get(i));
                FieldVector vector = root.getVector(i);
                vector.setInitialCapacity(2);
                vector.allocateNew();
                ColumnDecoder decoder = ColumnDecoder.of(s.type);
                decoder.start(vector);
                feed(decoder, s.min);
                feed(decoder, s.max);
                vector.setValueCount(2);
            }
            root.setRowCount(2);
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Hands a footer value to the decoder, so it is converted exactly as scanned data is. */
    private static void feed(ColumnDecoder decoder, Object value) {
        if (value == null) {
            decoder.addNull();
        } else if (value instanceof Integer v) {
            decoder.addInt(v);
        } else if (value instanceof Long v) {
            decoder.addLong(v);
        } else if (value instanceof Float v) {
            decoder.addFloat(v);
        } else if (value instanceof Double v) {
            decoder.addDouble(v);
        } else if (value instanceof Boolean v) {
            decoder.addBoolean(v);
        } else {
            decoder.addBinary((Binary) value);
        }
    }
}
