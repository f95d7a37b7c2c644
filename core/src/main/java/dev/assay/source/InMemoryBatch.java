package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A small table held in memory as Java values, for tests, examples and data already in hand. Column
 * types: {@code int64}, {@code float64}, {@code string}, {@code boolean}, {@code date},
 * {@code timestamp} (local), {@code timestamp_tz} (UTC). Immutable and thread-safe.
 *
 * <pre>{@code
 * Batch batch = InMemoryBatch.named("orders")
 *     .column("id", "int64", 1L, 2L, 3L)
 *     .column("status", "string", "open", null, "paid")
 *     .build();
 * }</pre>
 */
public final class InMemoryBatch implements Batch {
    private final String name;
    private final List<Field> fields;
    private final List<List<Object>> columns;
    private final int rowsPerSplit;
    private final AtomicInteger scans = new AtomicInteger();

    private InMemoryBatch(String name, List<Field> fields, List<List<Object>> columns, int rowsPerSplit) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.columns = List.copyOf(columns);
        this.rowsPerSplit = rowsPerSplit;
    }

    /** Starts a batch. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatasetSchema schema() {
        return new DatasetSchema(fields);
    }

    /** How many times this batch has been scanned (its splits requested). */
    public int scanCount() {
        return scans.get();
    }

    private int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    @Override
    public List<Split> splits(ScanRequest request) {
        scans.incrementAndGet();
        List<Split> splits = new ArrayList<>();
        int rows = rowCount();
        int step = Math.min(rowsPerSplit, request.batchRows());
        for (int start = 0, ordinal = 0; start < rows; start += step, ordinal++) {
            int from = start;
            int to = Math.min(rows, start + step);
            long o = ordinal;
            splits.add(sink -> read(request, from, to, o, sink));
        }
        return splits;
    }

    private void read(ScanRequest request, int from, int to, long ordinal, BatchSink sink) {
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (String column : request.columns()) {
                int index = indexOf(column);
                FieldVector vector = fields.get(index).createVector(request.allocator());
                fill(vector, columns.get(index).subList(from, to));
                vectors.add(vector);
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
                root.setRowCount(to - from);
                sink.accept(new RecordBatch(root, ordinal));
                vectors.clear(); // closed by the root
            }
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }

    private int indexOf(String column) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(new DatasetSchema(fields).missingColumnMessage(column, name));
    }

    private static void fill(FieldVector vector, List<Object> values) {
        vector.setInitialCapacity(values.size());
        vector.allocateNew();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                vector.setNull(i);
            } else if (vector instanceof BigIntVector b) {
                b.setSafe(i, ((Number) v).longValue());
            } else if (vector instanceof Float8Vector f) {
                f.setSafe(i, ((Number) v).doubleValue());
            } else if (vector instanceof VarCharVector s) {
                s.setSafe(i, v.toString().getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof BitVector b) {
                b.setSafe(i, ((Boolean) v) ? 1 : 0);
            } else if (vector instanceof DateDayVector d) {
                d.setSafe(i, (int) ((LocalDate) v).toEpochDay());
            } else if (vector instanceof TimeStampMicroTZVector t) {
                t.setSafe(i, micros((Instant) v));
            } else if (vector instanceof TimeStampMicroVector t) {
                t.setSafe(i, micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
            }
        }
        vector.setValueCount(values.size());
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Collects columns; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();
        private final List<List<Object>> columns = new ArrayList<>();
        private int rowsPerSplit = Integer.MAX_VALUE;

        private Builder(String name) {
            this.name = requireNonNull(name, "name is null");
        }

        /**
         * Adds a column.
         *
         * @param type one of int64, float64, string, boolean, date, timestamp, timestamp_tz
         * @param values the values; null for a null value. Numbers for numeric types, Boolean, String,
         *     LocalDate, LocalDateTime (timestamp), Instant (timestamp_tz); ISO text is accepted for
         *     temporal types
         */
        public Builder column(String column, String type, Object... values) {
            return column(column, type, Arrays.asList(values));
        }

        /** Adds a column from a list of values. */
        public Builder column(String column, String type, List<?> values) {
            ArrowType arrowType = arrowType(type);
            List<Object> converted = new ArrayList<>(values.size());
            for (Object v : values) {
                converted.add(convert(column, type, v));
            }
            if (!columns.isEmpty() && columns.get(0).size() != converted.size()) {
                throw new IllegalArgumentException("column '" + column + "' has " + converted.size()
                        + " values but the first column has " + columns.get(0).size());
            }
            fields.add(new Field(column, FieldType.nullable(arrowType), null));
            columns.add(converted);
            return this;
        }

        /** Serves the rows as splits of at most {@code rows} rows each (to exercise parallel scans). */
        public Builder rowsPerSplit(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be >= 1");
            }
            this.rowsPerSplit = rows;
            return this;
        }

        public InMemoryBatch build() {
            return new InMemoryBatch(name, fields, columns, rowsPerSplit);
        }

        private static ArrowType arrowType(String type) {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "int64":
                    return new ArrowType.Int(64, true);
                case "float64":
                    return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case "string":
                    return ArrowType.Utf8.INSTANCE;
                case "boolean":
                    return ArrowType.Bool.INSTANCE;
                case "date":
                    return new ArrowType.Date(DateUnit.DAY);
                case "timestamp":
                    return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
                case "timestamp_tz":
                    return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
                default:
                    throw new InvalidExpectationException("unknown column type '" + type
                            + "'; use int64, float64, string, boolean, date, timestamp or timestamp_tz");
            }
        }

        private static Object convert(String column, String type, Object v) {
            if (v == null) {
                return null;
            }
            try {
                switch (type.toLowerCase(Locale.ROOT)) {
                    case "int64":
                        return v instanceof BigDecimal d ? d.longValueExact() : ((Number) v).longValue();
                    case "float64":
                        return ((Number) v).doubleValue();
                    case "string":
                        return (String) v;
                    case "boolean":
                        return (Boolean) v;
                    case "date":
                        return v instanceof String s ? LocalDate.parse(s) : (LocalDate) v;
                    case "timestamp":
                        return v instanceof String s ? LocalDateTime.parse(s.replace(' ', 'T')) : (LocalDateTime) v;
                    default:
                        return v instanceof String s ? Instant.parse(s) : (Instant) v;
                }
            } catch (ClassCastException | java.time.format.DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException(
                        "column '" + column + "': " + v + " (" + v.getClass().getSimpleName() + ") is not a " + type,
                        e);
            }
        }
    }
}
