package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.Batch;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Every split of a source read on some threads, batches put in ordinal order, values as plain Java values:
 * Long for integers, String for text, hex String for binary, LocalDate, LocalTime, Instant (timestamps
 * with a zone) or LocalDateTime, BigDecimal, Float, Double, Boolean, null.
 */
record Scan(List<Field> fields, List<List<Object>> rows, List<Long> ordinals, List<Integer> sizes) {
    private record Part(long ordinal, List<Field> fields, List<List<Object>> rows) {}

    static Scan all(Batch source) {
        return of(source, source.schema().columnNames(), 1000, 1);
    }

    static Scan of(Batch source, List<String> columns, int batchRows, int threads) {
        List<Part> parts = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Split> splits = source.splits(new ScanRequest(columns, allocator, batchRows));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Part>>> futures = new ArrayList<>();
                for (Split split : splits) {
                    futures.add(pool.submit(() -> read(split)));
                }
                for (Future<List<Part>> future : futures) {
                    parts.addAll(future.get());
                }
            } catch (Exception e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e);
            } finally {
                // Let every split finish (or fail) before the allocator is closed.
                pool.shutdown();
                awaitQuietly(pool);
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        parts.sort(Comparator.comparingLong(Part::ordinal));
        assertThat(parts.stream().map(Part::ordinal).distinct().count()).isEqualTo(parts.size());
        List<List<Object>> rows = new ArrayList<>();
        List<Long> ordinals = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Part p : parts) {
            rows.addAll(p.rows());
            ordinals.add(p.ordinal());
            sizes.add(p.rows().size());
        }
        return new Scan(parts.isEmpty() ? List.of() : parts.get(0).fields(), rows, ordinals, sizes);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Part> read(Split split) {
        List<Part> parts = new ArrayList<>();
        split.read(batch -> {
            assertThat(batch.ordinal()).isLessThanOrEqualTo(RecordBatch.MAX_ORDINAL);
            if (!parts.isEmpty()) {
                assertThat(batch.ordinal())
                        .isGreaterThan(parts.get(parts.size() - 1).ordinal());
            }
            VectorSchemaRoot root = batch.root();
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r < root.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    row.add(value(v, r));
                }
                rows.add(row);
            }
            parts.add(new Part(batch.ordinal(), root.getSchema().getFields(), rows));
        });
        return parts;
    }

    /** Column {@code index} of every row. */
    List<Object> column(int index) {
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.get(index));
        }
        return out;
    }

    static Object value(FieldVector v, int r) {
        if (v.isNull(r)) {
            return null;
        }
        if (v instanceof BaseIntVector i) {
            return i.getValueAsLong(r);
        }
        if (v instanceof VarCharVector s) {
            return s.getObject(r).toString();
        }
        if (v instanceof VarBinaryVector b) {
            return HexFormat.of().formatHex(b.get(r));
        }
        if (v instanceof FixedSizeBinaryVector b) {
            return HexFormat.of().formatHex(b.get(r));
        }
        if (v instanceof DateDayVector d) {
            return LocalDate.ofEpochDay(d.get(r));
        }
        if (v instanceof TimeMilliVector t) {
            return LocalTime.ofNanoOfDay(TimeUnit.MILLISECONDS.toNanos(t.get(r)));
        }
        if (v instanceof TimeMicroVector t) {
            return LocalTime.ofNanoOfDay(TimeUnit.MICROSECONDS.toNanos(t.get(r)));
        }
        if (v instanceof TimeNanoVector t) {
            return LocalTime.ofNanoOfDay(t.get(r));
        }
        if (v instanceof TimeStampVector t) {
            ArrowType.Timestamp type = (ArrowType.Timestamp) v.getField().getType();
            long raw = t.get(r);
            Instant instant;
            switch (type.getUnit()) {
                case SECOND:
                    instant = Instant.ofEpochSecond(raw);
                    break;
                case MILLISECOND:
                    instant = Instant.ofEpochMilli(raw);
                    break;
                case MICROSECOND:
                    instant = Instant.EPOCH.plus(raw, java.time.temporal.ChronoUnit.MICROS);
                    break;
                default:
                    instant = Instant.EPOCH.plusNanos(raw);
                    break;
            }
            return type.getTimezone() != null ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return v.getObject(r);
    }
}
