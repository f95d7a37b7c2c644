package dev.assay.csv;

import dev.assay.error.MalformedDataException;
import dev.assay.source.BadCells;
import dev.assay.source.BadCells.BadCell;
import dev.assay.source.RecordBatch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns tokenized records into Arrow record batches of the requested columns, reusing one set of vectors
 * for all batches of a split. Handles nulls, escapes, ragged rows and values that do not parse, by the
 * bad-row policy. Not thread-safe.
 */
final class BatchBuilder implements AutoCloseable {
    private static final int INITIAL_CAPACITY = 4096;

    private final VectorSchemaRoot root;
    private final ColumnWriter[] writers;
    private final int[] fields;
    private final boolean[] stringColumns;
    private final NullTokens nulls;
    private final CsvDialect dialect;
    private final List<ColumnSpec> allColumns;
    private final int batchRows;
    private final boolean report;
    private final String fileName;
    private byte[] scratch = new byte[256];
    private List<BadCell> badCells = new ArrayList<>();
    private int rows;
    /** Rows the vectors have room for: small at first, doubled up to the batch size as rows come. */
    private int capacity;

    /**
     * @param allColumns every column of the file, in field order
     * @param requested the columns to put into vectors, in output order
     */
    BatchBuilder(
            BufferAllocator allocator,
            List<ColumnSpec> allColumns,
            List<ColumnSpec> requested,
            Optional<ZoneId> zone,
            NullTokens nulls,
            CsvDialect dialect,
            int batchRows,
            BadRowPolicy policy,
            String fileName) {
        this.allColumns = allColumns;
        this.nulls = nulls;
        this.dialect = dialect;
        this.batchRows = batchRows;
        this.report = policy == BadRowPolicy.REPORT;
        this.fileName = fileName;
        this.root = VectorSchemaRoot.create(
                new Schema(requested.stream().map(c -> c.arrowField(zone)).toList()), allocator);
        this.writers = new ColumnWriter[requested.size()];
        this.fields = new int[requested.size()];
        this.stringColumns = new boolean[requested.size()];
        ValueParser parser = new ValueParser();
        this.capacity = Math.min(batchRows, INITIAL_CAPACITY);
        for (int j = 0; j < writers.length; j++) {
            ColumnSpec spec = requested.get(j);
            FieldVector vector = root.getVector(j);
            vector.setInitialCapacity(capacity);
            vector.allocateNew();
            writers[j] = ColumnWriter.create(spec, vector, parser, zone);
            fields[j] = spec.field();
            stringColumns[j] = spec.type() == CsvType.STRING;
        }
    }

    /** Adds the tokenizer's current record as the next row. */
    void add(Tokenizer t) {
        if (rows == capacity) {
            grow();
        }
        if (t.fieldCount != allColumns.size()) {
            ragged(t);
            rows++;
            return;
        }
        final byte[] b = t.buf;
        final int[] starts = t.starts;
        final int[] ends = t.ends;
        final byte[] flags = t.flags;
        final int row = rows;
        for (int j = 0; j < writers.length; j++) {
            int f = fields[j];
            int start = starts[f];
            int end = ends[f];
            int fl = flags[f];
            if (nulls.isNull(b, start, end, fl, stringColumns[j])) {
                continue;
            }
            byte[] src = b;
            if ((fl & Tokenizer.ESCAPED) != 0) {
                if (scratch.length < end - start) {
                    scratch = new byte[Math.max(end - start, scratch.length * 2)];
                }
                end = dialect.unescape(b, start, end, scratch);
                start = 0;
                src = scratch;
            }
            if (!writers[j].write(row, src, start, end)) {
                badValue(t, j, src, start, end);
            }
        }
        rows = row + 1;
    }

    private void grow() {
        capacity = (int) Math.min(batchRows, 2L * capacity);
        for (FieldVector vector : root.getFieldVectors()) {
            while (vector.getValueCapacity() < capacity) {
                vector.reAlloc();
            }
        }
        for (ColumnWriter writer : writers) {
            writer.buffersMoved();
        }
    }

    private void badValue(Tokenizer t, int j, byte[] src, int start, int end) {
        ColumnSpec spec = writers[j].spec;
        String raw = Messages.raw(src, start, end);
        String reason = writers[j].reason(raw);
        String location = fileName + ":" + t.absoluteLine(fieldLine(t, spec.field()));
        if (!report) {
            String hint = spec.inferredFrom() == 0
                    ? ""
                    : "; the column's type was inferred from the first " + spec.inferredFrom()
                            + " rows: declare the column in an explicit schema (CsvSource.schema) or infer on"
                            + " more rows (CsvSource.inferSchema)";
            throw new MalformedDataException(
                    location + ": column '" + spec.name() + "' (field " + (spec.field() + 1) + "): " + reason + hint);
        }
        badCells.add(new BadCell(rows, spec.name(), raw, location, reason));
    }

    private void ragged(Tokenizer t) {
        int expected = allColumns.size();
        int found = t.fieldCount;
        String detail = found > expected
                ? "field " + (expected + 1) + " has no column"
                : "column '" + allColumns.get(found).name() + "' (field " + (found + 1) + ") is missing";
        String reason =
                "row has " + found + " field" + (found == 1 ? "" : "s") + ", expected " + expected + "; " + detail;
        String location = fileName + ":" + t.absoluteLine(t.recordLine);
        if (!report) {
            throw new MalformedDataException(location + ": " + reason);
        }
        badCells.add(new BadCell(rows, "", Messages.raw(t.buf, t.recordStart, t.recordEnd), location, reason));
    }

    /** The relative line on which field {@code f} of the current record starts (a record may span lines). */
    private static long fieldLine(Tokenizer t, int f) {
        long line = t.recordLine;
        byte[] b = t.buf;
        for (int i = t.recordStart; i < t.starts[f]; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    boolean full() {
        return rows >= batchRows;
    }

    int rows() {
        return rows;
    }

    /** The rows added since the last {@link #clear}, as a record batch over this builder's vectors. */
    RecordBatch batch(long ordinal) {
        for (ColumnWriter writer : writers) {
            writer.finish(rows);
        }
        root.setRowCount(rows);
        return new RecordBatch(root, ordinal, badCells.isEmpty() ? BadCells.none() : new BadCells(badCells));
    }

    /** Empties the vectors, keeping their memory, for the next batch. */
    void clear() {
        for (FieldVector vector : root.getFieldVectors()) {
            vector.reset();
        }
        for (ColumnWriter writer : writers) {
            writer.reset();
        }
        rows = 0;
        badCells = new ArrayList<>();
    }

    @Override
    public void close() {
        root.close();
    }
}
