package dev.assay.parquet;

import dev.assay.error.MalformedDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The pages of one column chunk held in memory, decompressed one at a time as the column reader asks for
 * them. Not thread-safe: one per column per split.
 */
final class ChunkPages implements PageReader {
    private final byte[] bytes;
    private final int end;
    private final CompressionCodecName codec;
    private final long valueCount;
    private final PrimitiveType type;
    private final String where;
    private int position;
    private DictionaryPage dictionary;
    private PageHeader pending;

    /**
     * @param chunk the column chunk's bytes, from its first page to its end
     * @param where the file, row group and column, for messages
     */
    ChunkPages(ByteBuffer chunk, ColumnChunkMetaData meta, PrimitiveType type, String where) {
        if (chunk.hasArray()) {
            this.bytes = chunk.array();
            this.position = chunk.arrayOffset() + chunk.position();
        } else {
            this.bytes = new byte[chunk.remaining()];
            chunk.duplicate().get(bytes);
            this.position = 0;
        }
        this.end = position + chunk.remaining();
        this.codec = meta.getCodec();
        this.valueCount = meta.getValueCount();
        this.type = type;
        this.where = where;
        if (!Decompressor.supports(codec)) {
            throw new MalformedDataException(where + ": compression codec " + codec + " is not supported");
        }
        PageHeader first = nextHeader();
        if (first != null && first.isSetDictionary_page_header()) {
            dictionary = dictionaryPage(first);
        } else {
            pending = first;
        }
    }

    @Override
    public DictionaryPage readDictionaryPage() {
        return dictionary;
    }

    @Override
    public long getTotalValueCount() {
        return valueCount;
    }

    @Override
    public DataPage readPage() {
        while (true) {
            PageHeader header = pending != null ? pending : nextHeader();
            pending = null;
            if (header == null) {
                return null;
            }
            if (header.isSetData_page_header()) {
                return pageV1(header);
            }
            if (header.isSetData_page_header_v2()) {
                return pageV2(header);
            }
            // Index pages and any other page kind carry no values: skip them.
            position += header.getCompressed_page_size();
        }
    }

    private PageHeader nextHeader() {
        if (position >= end) {
            return null;
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, position, end - position);
        PageHeader header;
        try {
            header = Util.readPageHeader(in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(where + ": cannot read a page header: " + e.getMessage(), e);
        }
        position = end - in.available();
        int size = header.getCompressed_page_size();
        if (size < 0 || size > end - position || header.getUncompressed_page_size() < 0) {
            throw new MalformedDataException(
                    where + ": a page of " + size + " bytes runs past the end of the column chunk");
        }
        return header;
    }

    private byte[] body(PageHeader header, int skip, int uncompressedSize, boolean compressed) {
        int start = position + skip;
        int length = header.getCompressed_page_size() - skip;
        position += header.getCompressed_page_size();
        try {
            return Decompressor.decompress(
                    compressed ? codec : CompressionCodecName.UNCOMPRESSED, bytes, start, length, uncompressedSize);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(where + ": cannot decompress a " + codec + " page: " + e.getMessage(), e);
        }
    }

    private DictionaryPage dictionaryPage(PageHeader header) {
        DictionaryPageHeader d = header.getDictionary_page_header();
        byte[] data = body(header, 0, header.getUncompressed_page_size(), true);
        return new DictionaryPage(BytesInput.from(data), d.getNum_values(), encoding(d.getEncoding()));
    }

    private DataPage pageV1(PageHeader header) {
        DataPageHeader d = header.getData_page_header();
        byte[] data = body(header, 0, header.getUncompressed_page_size(), true);
        return new DataPageV1(
                BytesInput.from(data),
                d.getNum_values(),
                data.length,
                emptyStatistics(),
                encoding(d.getRepetition_level_encoding()),
                encoding(d.getDefinition_level_encoding()),
                encoding(d.getEncoding()));
    }

    private DataPage pageV2(PageHeader header) {
        DataPageHeaderV2 d = header.getData_page_header_v2();
        int rl = d.getRepetition_levels_byte_length();
        int dl = d.getDefinition_levels_byte_length();
        if (rl < 0 || dl < 0 || rl + dl > header.getCompressed_page_size()) {
            throw new MalformedDataException(where + ": a page's level lengths exceed the page");
        }
        byte[] levels = new byte[rl + dl];
        System.arraycopy(bytes, position, levels, 0, rl + dl);
        boolean compressed = !d.isSetIs_compressed() || d.isIs_compressed();
        byte[] data = body(header, rl + dl, header.getUncompressed_page_size() - rl - dl, compressed);
        return DataPageV2.uncompressed(
                d.getNum_rows(),
                d.getNum_nulls(),
                d.getNum_values(),
                BytesInput.from(levels, 0, rl),
                BytesInput.from(levels, rl, dl),
                encoding(d.getEncoding()),
                BytesInput.from(data),
                emptyStatistics());
    }

    private Statistics<?> emptyStatistics() {
        return Statistics.getBuilderForReading(type).build();
    }

    private static Encoding encoding(org.apache.parquet.format.Encoding e) {
        return Encoding.valueOf(e.name());
    }
}
