package dev.assay.csv;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.BatchSink;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One part of a CSV scan: the records of a file that start in one chunk of it (for a plain file with
 * RFC 4180 quoting), or all records of a file. Reading it finds the first record boundary in the chunk
 * from the quote parity of the chunks before, then reads records up to the first one that starts in
 * the next chunk. Thread-safe to hand between threads; read by one thread at a time.
 */
final class CsvSplit implements Split {
    private final CsvLayout layout;
    private final CsvLayout.FileEntry file;
    private final int chunk;
    private final long firstOrdinal;
    private final int batchBits;
    private final List<ColumnSpec> requested;
    private final ScanRequest request;

    CsvSplit(
            CsvLayout layout,
            CsvLayout.FileEntry file,
            int chunk,
            long firstOrdinal,
            int batchBits,
            List<ColumnSpec> requested,
            ScanRequest request) {
        this.layout = layout;
        this.file = file;
        this.chunk = chunk;
        this.firstOrdinal = firstOrdinal;
        this.batchBits = batchBits;
        this.requested = requested;
        this.request = request;
    }

    @Override
    public void read(BatchSink sink) {
        checkUnchanged();
        CsvSettings s = layout.settings;
        ChunkIndex chunks = file.chunks();
        // If the split before this one has finished, it said where this one's first record starts.
        long known = chunks != null && chunk > 0 ? chunks.firstRecord(chunk) : -1;
        try (ByteInput in = open(known);
                BufferAllocator allocator = request.allocator()
                        .newChildAllocator("assay-csv " + file.displayName() + " #" + chunk, 0, Long.MAX_VALUE);
                BatchBuilder builder = new BatchBuilder(
                        allocator,
                        layout.columns,
                        requested,
                        Optional.ofNullable(s.zone),
                        layout.nulls,
                        layout.dialect,
                        request.batchRows(),
                        s.badRows,
                        file.displayName())) {
            Tokenizer t = position(in, known);
            long end = chunks == null ? Long.MAX_VALUE : chunks.chunkEnd(chunk);
            long batch = 0;
            while (t.next(end)) {
                builder.add(t);
                if (builder.full()) {
                    emit(sink, builder, batch++);
                }
            }
            if (chunks != null) {
                chunks.firstRecordFound(chunk + 1, t.offset());
            }
            if (builder.rows() > 0) {
                emit(sink, builder, batch);
            }
        } catch (IOException e) {
            throw CsvLayout.unavailable(file.displayName(), e);
        }
    }

    private void emit(BatchSink sink, BatchBuilder builder, long batch) {
        if (batch >= 1L << batchBits) {
            throw new AssayException(
                    ErrorCode.INTERNAL, "too many record batches in one split of " + file.displayName() + ": " + batch);
        }
        sink.accept(builder.batch(firstOrdinal | batch));
        builder.clear();
    }

    private ByteInput open(long known) throws IOException {
        if (file.gzip()) {
            return ByteInput.gzip(file.location());
        }
        ChunkIndex chunks = file.chunks();
        if (chunks == null) {
            return ByteInput.file(file.location(), 0);
        }
        if (chunk == 0) {
            return ByteInput.file(file.location(), file.dataStart());
        }
        return ByteInput.file(file.location(), known >= 0 ? known : chunks.chunkStart(chunk) - 1);
    }

    /** A tokenizer at the first record of this split. */
    private Tokenizer position(ByteInput in, long known) throws IOException {
        CsvSettings s = layout.settings;
        List<String> names = layout.columns.stream().map(ColumnSpec::name).toList();
        ChunkIndex chunks = file.chunks();
        Tokenizer t;
        if (known >= 0) {
            t = new Tokenizer(
                    in,
                    known,
                    () -> chunks.line(chunk, known, file.dataLine()),
                    layout.dialect,
                    file.displayName(),
                    s.bufferSize);
        } else if (chunks == null) {
            t = new Tokenizer(in, 0, () -> 1, layout.dialect, file.displayName(), s.bufferSize);
            t.skipByteOrderMark();
            if (s.header) {
                t.columnNames(List.of(), true);
                t.next(Long.MAX_VALUE);
            }
        } else if (chunk == 0) {
            long dataLine = file.dataLine();
            t = new Tokenizer(in, file.dataStart(), () -> dataLine, layout.dialect, file.displayName(), s.bufferSize);
        } else {
            // Relative line 0 is the chunk's first byte: the line feed just before it is not counted.
            t = new Tokenizer(
                    in,
                    chunks.chunkStart(chunk) - 1,
                    () -> chunks.line(chunk, file.dataLine()),
                    layout.dialect,
                    file.displayName(),
                    s.bufferSize);
            t.seekRecordStart(chunks.inQuotes(chunk));
        }
        t.columnNames(names, false);
        t.skipBlankLines(names.size() > 1);
        return t;
    }

    private void checkUnchanged() {
        try {
            long size = file.location().localPath().isPresent()
                    ? Files.size(file.location().localPath().get())
                    : file.location().length();
            if (size != file.size()) {
                throw new SourceUnavailableException("CSV file " + file.displayName() + " changed while it was read"
                        + " (it had " + file.size() + " bytes, now " + size + ")");
            }
        } catch (NoSuchFileException e) {
            throw new SourceUnavailableException("CSV file not found: " + file.displayName(), e);
        } catch (IOException e) {
            throw CsvLayout.unavailable(file.displayName(), e);
        }
    }

    @Override
    public String toString() {
        return "CsvSplit[" + file.displayName() + " #" + chunk + "]";
    }
}
