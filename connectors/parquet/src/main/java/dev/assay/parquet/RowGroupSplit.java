package dev.assay.parquet;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MalformedDataException;
import dev.assay.source.BadCells;
import dev.assay.source.BatchSink;
import dev.assay.source.ByteRange;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One row group of one file. Reading it fetches the requested column chunks (nearby chunks in one
 * request), then decodes them page by page into Arrow vectors, {@code batchRows} rows at a time. Holds
 * no state between reads, so row groups of one file are read concurrently, sharing the parsed footer.
 */
final class RowGroupSplit implements Split {
    /** Column chunks closer than this are fetched in one read. */
    static final long MAX_GAP = 1 << 20;

    private final ParquetFooter footer;
    private final int rowGroup;
    private final List<Field> fields;
    private final ScanRequest request;
    private final long firstOrdinal;
    private final int batchBits;

    RowGroupSplit(
            ParquetFooter footer,
            int rowGroup,
            List<Field> fields,
            ScanRequest request,
            long firstOrdinal,
            int batchBits) {
        this.footer = footer;
        this.rowGroup = rowGroup;
        this.fields = fields;
        this.request = request;
        this.firstOrdinal = firstOrdinal;
        this.batchBits = batchBits;
    }

    private String where() {
        return footer.location().uri() + ": row group " + rowGroup;
    }

    private String where(String column) {
        return where() + ", column '" + column + "'";
    }

    /** The open column readers of the requested columns, each writing into its decoder. */
    private record Columns(
            ColumnReader[] readers,
            FlatColumn[] flats,
            boolean[] encoded,
            ColumnDecoder[] decoders,
            int[] maxDefinition) {}

    @Override
    public void read(BatchSink sink) {
        long rows = footer.rowGroups().get(rowGroup).getRowCount();
        Columns columns = open(rows);
        int n = fields.size();
        List<Field> vectors = new ArrayList<>(fields);
        for (int i = 0; i < n; i++) {
            if (columns.encoded()[i]) {
                // Dictionary ids stand for the text; the batch carries the dictionary.
                vectors.set(
                        i, new Field(fields.get(i).getName(), FieldType.nullable(new ArrowType.Int(32, true)), null));
            }
        }
        Map<String, VarCharVector> dictionaries = new HashMap<>();
        try (BufferAllocator allocator =
                        request.allocator().newChildAllocator("assay-parquet " + where(), 0, Long.MAX_VALUE);
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(vectors), allocator)) {
            try {
                for (int i = 0; i < n; i++) {
                    if (columns.encoded()[i]) {
                        String name = fields.get(i).getName();
                        dictionaries.put(name, columns.flats()[i].dictionaryVector(name, allocator));
                    }
                }
                readBatches(sink, columns, root, rows, dictionaries);
            } finally {
                dictionaries.values().forEach(VarCharVector::close);
            }
        }
    }

    private void readBatches(
            BatchSink sink,
            Columns columns,
            VectorSchemaRoot root,
            long rows,
            Map<String, VarCharVector> dictionaries) {
        int n = fields.size();
        long done = 0;
        long batch = 0;
        while (done < rows) {
            int count = (int) Math.min(request.batchRows(), rows - done);
            for (int i = 0; i < n; i++) {
                FieldVector vector = root.getVector(i);
                if (batch == 0) {
                    vector.setInitialCapacity(count);
                    vector.allocateNew();
                } else {
                    vector.reset(); // keeps the first batch's capacity, which no later batch exceeds
                }
                decode(columns, i, vector, count);
            }
            root.setRowCount(count);
            if (batch >= 1L << batchBits) {
                throw new AssayException(ErrorCode.INTERNAL, "too many record batches in " + where());
            }
            sink.accept(new RecordBatch(root, firstOrdinal | batch, BadCells.none(), dictionaries));
            batch++;
            done += count;
        }
    }

    /** Fetches the requested column chunks of the row group and opens a column reader on each. */
    private Columns open(long rows) {
        BlockMetaData block = footer.rowGroups().get(rowGroup);
        int n = fields.size();
        List<Type> types = new ArrayList<>(n);
        List<ColumnChunkMetaData> chunks = new ArrayList<>(n);
        List<ByteRange> ranges = new ArrayList<>(n);
        long fileLength = footer.location().length();
        for (Field field : fields) {
            String name = field.getName();
            Type type = ParquetLayout.primitiveColumn(footer, name);
            ColumnChunkMetaData chunk = chunk(block, name);
            long start = chunk.getStartingPos();
            long size = chunk.getTotalSize();
            if (start < 4 || size < 0 || start + size > fileLength - 8) {
                throw new MalformedDataException(where(name) + ": the column chunk at bytes [" + start + ", "
                        + (start + size) + ") lies outside the data of a file of " + fileLength
                        + " bytes; the file is truncated or corrupt");
            }
            if (chunk.getValueCount() != rows) {
                throw new MalformedDataException(where(name) + ": the column chunk holds " + chunk.getValueCount()
                        + " values for " + rows + " rows");
            }
            types.add(type);
            chunks.add(chunk);
            ranges.add(new ByteRange(start, size));
        }
        List<ByteBuffer> buffers = n == 0 ? List.of() : footer.location().readRanges(ranges, MAX_GAP);

        ColumnDecoder[] decoders = new ColumnDecoder[n];
        FlatColumn[] flats = new FlatColumn[n];
        boolean[] encoded = new boolean[n];
        int[] maxDefinition = new int[n];
        Map<ColumnDescriptor, PageReader> pages = new HashMap<>();
        MessageType projected = new MessageType(footer.schema().getName(), types);
        for (int i = 0; i < n; i++) {
            PrimitiveType type = types.get(i).asPrimitiveType();
            decoders[i] = ColumnDecoder.of(type);
            ColumnDescriptor descriptor = projected.getColumnDescription(new String[] {type.getName()});
            maxDefinition[i] = descriptor.getMaxDefinitionLevel();
            ChunkPages chunkPages = new ChunkPages(buffers.get(i), chunks.get(i), type, where(type.getName()));
            try {
                flats[i] = FlatColumn.of(chunkPages, descriptor, chunks.get(i), decoders[i], where(type.getName()));
            } catch (AssayException e) {
                throw e;
            } catch (RuntimeException e) {
                throw undecodable(type.getName(), e);
            }
            if (flats[i] == null) {
                pages.put(descriptor, chunkPages);
            } else {
                encoded[i] = request.dictionaryColumns().contains(type.getName())
                        && fields.get(i).getType() instanceof ArrowType.Utf8
                        && flats[i].dictionaryOnly();
            }
        }
        ColumnReadStoreImpl store =
                new ColumnReadStoreImpl(new Pages(pages, rows), new Root(decoders), projected, footer.createdBy());
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 0; i < n; i++) {
            if (flats[i] != null) {
                continue;
            }
            String name = fields.get(i).getName();
            try {
                // Opening a reader decodes the dictionary and the first page.
                readers[i] = store.getColumnReader(projected.getColumnDescription(new String[] {name}));
            } catch (AssayException e) {
                throw e;
            } catch (RuntimeException e) {
                throw undecodable(name, e);
            }
        }
        return new Columns(readers, flats, encoded, decoders, maxDefinition);
    }

    private void decode(Columns columns, int i, FieldVector vector, int count) {
        ColumnReader reader = columns.readers()[i];
        ColumnDecoder decoder = columns.decoders()[i];
        int maxDefinition = columns.maxDefinition()[i];
        try {
            if (columns.encoded()[i]) {
                columns.flats()[i].readIds(count, (IntVector) vector);
                return;
            }
            decoder.start(vector);
            if (columns.flats()[i] != null) {
                columns.flats()[i].read(count);
                vector.setValueCount(count);
                return;
            }
            if (maxDefinition == 0) {
                // A required column: every row has a value, no definition levels to look at.
                for (int r = 0; r < count; r++) {
                    reader.writeCurrentValueToConverter();
                    reader.consume();
                }
            }
            for (int r = maxDefinition == 0 ? count : 0; r < count; r++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    reader.writeCurrentValueToConverter();
                } else {
                    decoder.addNull();
                }
                reader.consume();
            }
        } catch (AssayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw undecodable(fields.get(i).getName(), e);
        }
        vector.setValueCount(count);
    }

    private MalformedDataException undecodable(String column, RuntimeException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(message)) {
            message = message + ": " + cause.getMessage();
        }
        return new MalformedDataException(where(column) + ": cannot decode a page: " + message, e);
    }

    private ColumnChunkMetaData chunk(BlockMetaData block, String name) {
        for (ColumnChunkMetaData c : block.getColumns()) {
            String[] path = c.getPath().toArray();
            if (path.length == 1 && path[0].equals(name)) {
                return c;
            }
        }
        throw new MalformedDataException(where(name) + ": the row group has no chunk for the column");
    }

    /** The column chunks of the row group as parquet-java's column readers want them. */
    private static final class Pages implements PageReadStore {
        private final Map<ColumnDescriptor, PageReader> pages;
        private final long rows;

        Pages(Map<ColumnDescriptor, PageReader> pages, long rows) {
            this.pages = pages;
            this.rows = rows;
        }

        @Override
        public PageReader getPageReader(ColumnDescriptor descriptor) {
            return pages.get(descriptor);
        }

        @Override
        public long getRowCount() {
            return rows;
        }
    }

    /** A flat record of the projected columns, each value going to its decoder. */
    private static final class Root extends GroupConverter {
        private final ColumnDecoder[] decoders;

        Root(ColumnDecoder[] decoders) {
            this.decoders = decoders;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return decoders[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
