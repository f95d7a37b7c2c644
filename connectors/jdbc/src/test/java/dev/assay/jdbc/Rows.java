package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.Batch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Every row of a batch as plain Java values (Long, Double, BigDecimal, String, Boolean, LocalDate,
 * LocalTime, LocalDateTime, Instant, hex String for binary, null), checking that ordinals increase from 0
 * and that every byte allocated is freed.
 */
record Rows(List<List<Object>> rows, List<Integer> batchSizes) {
    static Rows all(Batch batch) {
        return of(batch, batch.schema().columnNames(), 1000);
    }

    static Rows of(Batch batch, List<String> columns, int batchRows) {
        List<List<Object>> rows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Long> ordinals = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Split> splits = batch.splits(new ScanRequest(columns, allocator, batchRows));
            assertThat(splits).hasSize(1);
            splits.get(0).read(b -> {
                ordinals.add(b.ordinal());
                sizes.add(b.rowCount());
                assertThat(b.root().getFieldVectors()).hasSize(columns.size());
                for (int r = 0; r < b.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector v : b.root().getFieldVectors()) {
                        row.add(value(v, r));
                    }
                    rows.add(row);
                }
            });
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        for (int i = 0; i < ordinals.size(); i++) {
            assertThat(ordinals.get(i)).isEqualTo(i);
        }
        return new Rows(rows, sizes);
    }

    static Object value(FieldVector v, int r) {
        if (v.isNull(r)) {
            return null;
        }
        if (v instanceof VarCharVector s) {
            return s.getObject(r).toString();
        }
        if (v instanceof VarBinaryVector b) {
            return HexFormat.of().formatHex(b.get(r));
        }
        if (v instanceof DateDayVector d) {
            return LocalDate.ofEpochDay(d.get(r));
        }
        if (v instanceof TimeMicroVector t) {
            return LocalTime.ofNanoOfDay(t.get(r) * 1000);
        }
        if (v instanceof TimeStampMicroTZVector t) {
            return Instant.EPOCH.plusNanos(t.get(r) * 1000);
        }
        if (v instanceof TimeStampMicroVector t) {
            return LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(t.get(r) * 1000), ZoneOffset.UTC);
        }
        return v.getObject(r);
    }
}
