package dev.assay.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.BadCells.BadCell;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;

/**
 * The result of reading every split of a source, batches put in ordinal order: rows as Java values
 * (String, Long, Double, Boolean, LocalDate, LocalDateTime, Instant, null), bad cells with their row in
 * the whole scan, and the batches' ordinals and sizes.
 */
record Scan(List<Field> fields, List<List<Object>> rows, List<Bad> badCells, List<Long> ordinals, List<Integer> sizes) {
    /** A bad cell and its 0-based row in the whole scan. */
    record Bad(long row, BadCell cell) {}

    private record Batch(long ordinal, List<Field> fields, List<List<Object>> rows, List<BadCell> bad) {}

    static Scan all(CsvSource source) {
        return of(source, source.schema().columnNames(), 1000, 1);
    }

    static Scan of(CsvSource source, List<String> columns) {
        return of(source, columns, 1000, 1);
    }

    /** Reads all splits on {@code threads} threads; each split's batches must have increasing ordinals. */
    static Scan of(CsvSource source, List<String> columns, int batchRows, int threads) {
        List<Batch> batches = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Split> splits = source.splits(new ScanRequest(columns, allocator, batchRows));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Batch>>> futures = new ArrayList<>();
                for (Split split : splits) {
                    futures.add(pool.submit(() -> read(split)));
                }
                for (Future<List<Batch>> future : futures) {
                    batches.addAll(future.get());
                }
            } catch (Exception e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
                // Splits still running after another failed must free their vectors before the allocator closes.
                try {
                    pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        batches.sort(Comparator.comparingLong(Batch::ordinal));
        List<List<Object>> rows = new ArrayList<>();
        List<Bad> bad = new ArrayList<>();
        List<Long> ordinals = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Field> fields = batches.isEmpty() ? List.of() : batches.get(0).fields();
        for (Batch batch : batches) {
            for (BadCell cell : batch.bad()) {
                bad.add(new Bad(rows.size() + cell.row(), cell));
            }
            rows.addAll(batch.rows());
            ordinals.add(batch.ordinal());
            sizes.add(batch.rows().size());
        }
        assertThat(ordinals).doesNotHaveDuplicates();
        return new Scan(fields, rows, bad, ordinals, sizes);
    }

    private static List<Batch> read(Split split) {
        List<Batch> out = new ArrayList<>();
        split.read((RecordBatch batch) -> {
            if (!out.isEmpty()) {
                assertThat(batch.ordinal())
                        .isGreaterThan(out.get(out.size() - 1).ordinal());
            }
            assertThat(batch.ordinal()).isBetween(0L, RecordBatch.MAX_ORDINAL);
            VectorSchemaRoot root = batch.root();
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < batch.rowCount(); i++) {
                List<Object> row = new ArrayList<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    row.add(value(vector, i));
                }
                rows.add(row);
            }
            out.add(new Batch(
                    batch.ordinal(),
                    root.getSchema().getFields(),
                    rows,
                    batch.badCells().cells()));
        });
        return out;
    }

    private static Object value(FieldVector vector, int i) {
        if (vector.isNull(i)) {
            return null;
        }
        if (vector instanceof DateDayVector dates) {
            return LocalDate.ofEpochDay(dates.get(i));
        }
        if (vector instanceof TimeStampMicroTZVector instants) {
            long micros = instants.get(i);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }
        Object value = vector.getObject(i);
        return value instanceof Text text ? text.toString() : value;
    }

    /** The rows as one string per row, values separated by "|", for compact assertions. */
    List<String> lines() {
        return rows.stream()
                .map(r -> String.join("|", r.stream().map(String::valueOf).toList()))
                .toList();
    }

    /** The Arrow fields as "name: type" strings. */
    List<String> schema() {
        return fields.stream().map(Field::toString).toList();
    }
}
