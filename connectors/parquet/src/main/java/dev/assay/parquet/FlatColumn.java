package dev.assay.parquet;

import dev.assay.error.MalformedDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the common kind of column chunk without parquet-java's general column reader: a flat column (no
 * repetition, at most one definition level) of 32/64-bit numbers or byte arrays whose pages are plain or
 * dictionary encoded, with RLE definition levels. Levels and dictionary ids are decoded in runs, values
 * go straight to the column's {@link ColumnDecoder}. Other chunks use parquet-java's reader. Not
 * thread-safe: one per column per split.
 */
// PLAIN_DICTIONARY is deprecated for writers; files written with it must still be read.
@SuppressWarnings("deprecation")
final class FlatColumn {
    // BIT_PACKED is how parquet-java's v1 pages list their (empty) repetition levels.
    private static final Set<Encoding> ENCODINGS = EnumSet.of(
            Encoding.PLAIN, Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED);
    private static final Set<PrimitiveTypeName> TYPES = EnumSet.of(
            PrimitiveTypeName.INT32,
            PrimitiveTypeName.INT64,
            PrimitiveTypeName.FLOAT,
            PrimitiveTypeName.DOUBLE,
            PrimitiveTypeName.BINARY);

    private final PageReader pages;
    private final ColumnChunkMetaData chunk;
    private final ColumnDescriptor descriptor;
    private final PrimitiveTypeName type;
    private final boolean optional;
    private final Dictionary dictionary;
    private final boolean decoderTakesIds; // asked once: the answer never changes
    private final ColumnDecoder decoder;
    private final String where;

    private int pageRemaining;
    private Levels levels;
    private Hybrid ids; // null for a plain page
    private ByteBuffer plain;

    private FlatColumn(
            PageReader pages,
            ColumnChunkMetaData chunk,
            ColumnDescriptor descriptor,
            ColumnDecoder decoder,
            String where) {
        this.pages = pages;
        this.chunk = chunk;
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.optional = descriptor.getMaxDefinitionLevel() == 1;
        this.decoder = decoder;
        this.where = where;
        DictionaryPage page = pages.readDictionaryPage();
        Dictionary d = null;
        if (page != null) {
            try {
                d = page.getEncoding().initDictionary(descriptor, page);
            } catch (java.io.IOException e) {
                throw new MalformedDataException(where + ": cannot read the dictionary page: " + e.getMessage(), e);
            }
            if (decoder.hasDictionarySupport()) {
                decoder.setDictionary(d);
            }
        }
        this.dictionary = d;
        this.decoderTakesIds = d != null && decoder.hasDictionarySupport();
    }

    /** A reader for the chunk, or null when the chunk needs parquet-java's general reader. */
    static FlatColumn of(
            PageReader pages,
            ColumnDescriptor descriptor,
            ColumnChunkMetaData chunk,
            ColumnDecoder decoder,
            String where) {
        if (descriptor.getMaxRepetitionLevel() != 0
                || descriptor.getMaxDefinitionLevel() > 1
                || !TYPES.contains(descriptor.getPrimitiveType().getPrimitiveTypeName())
                || !ENCODINGS.containsAll(chunk.getEncodings())) {
            return null;
        }
        return new FlatColumn(pages, chunk, descriptor, decoder, where);
    }

    /** True when every data page of the chunk is dictionary-encoded byte arrays, so ids can stand for values. */
    boolean dictionaryOnly() {
        if (dictionary == null || type != PrimitiveTypeName.BINARY) {
            return false;
        }
        var stats = chunk.getEncodingStats();
        if (stats != null) {
            return stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages();
        }
        return !chunk.getEncodings().contains(Encoding.PLAIN);
    }

    /** The dictionary's values as text, for {@link #readIds}; the caller closes it. */
    org.apache.arrow.vector.VarCharVector dictionaryVector(
            String name, org.apache.arrow.memory.BufferAllocator allocator) {
        org.apache.arrow.vector.VarCharVector out = new org.apache.arrow.vector.VarCharVector(name, allocator);
        int size = dictionary.getMaxId() + 1;
        out.allocateNew(size);
        for (int id = 0; id < size; id++) {
            Binary b = dictionary.decodeToBinary(id);
            out.setSafe(id, b.getBytesUnsafe());
        }
        out.setValueCount(size);
        return out;
    }

    /** Writes the next {@code count} rows as dictionary ids (null for a null value), from row 0 of {@code ids}. */
    void readIds(int count, org.apache.arrow.vector.IntVector out) {
        int size = dictionary.getMaxId() + 1;
        int done = 0;
        while (done < count) {
            if (pageRemaining == 0) {
                nextPage();
            }
            int n = Math.min(count - done, pageRemaining);
            for (int k = 0; k < n; k++) {
                int row = done + k;
                if (optional && levels.next() == 0) {
                    out.setNull(row);
                    continue;
                }
                if (ids == null) {
                    throw new MalformedDataException(where + ": a plain page in a dictionary-encoded chunk");
                }
                int id = ids.next();
                if (id < 0 || id >= size) {
                    throw new MalformedDataException(
                            where + ": dictionary id " + id + " is outside a dictionary of " + size + " values");
                }
                out.set(row, id);
            }
            pageRemaining -= n;
            done += n;
        }
        out.setValueCount(count);
    }

    /** Hands the next {@code count} values (nulls included) to the decoder. */
    void read(int count) {
        int done = 0;
        while (done < count) {
            if (pageRemaining == 0) {
                nextPage();
            }
            int n = Math.min(count - done, pageRemaining);
            for (int k = 0; k < n; k++) {
                if (optional && levels.next() == 0) {
                    decoder.addNull();
                } else if (ids != null) {
                    value(ids.next());
                } else {
                    plainValue();
                }
            }
            pageRemaining -= n;
            done += n;
        }
    }

    private void value(int id) {
        if (dictionary == null) {
            throw new MalformedDataException(where + ": a dictionary-encoded page without a dictionary page");
        }
        if (decoderTakesIds) {
            decoder.addValueFromDictionary(id);
            return;
        }
        switch (type) {
            case INT32 -> decoder.addInt(dictionary.decodeToInt(id));
            case INT64 -> decoder.addLong(dictionary.decodeToLong(id));
            case FLOAT -> decoder.addFloat(dictionary.decodeToFloat(id));
            case DOUBLE -> decoder.addDouble(dictionary.decodeToDouble(id));
            default -> decoder.addBinary(dictionary.decodeToBinary(id));
        }
    }

    private void plainValue() {
        switch (type) {
            case INT32 -> decoder.addInt(plain.getInt());
            case INT64 -> decoder.addLong(plain.getLong());
            case FLOAT -> decoder.addFloat(plain.getFloat());
            case DOUBLE -> decoder.addDouble(plain.getDouble());
            default -> {
                int length = plain.getInt();
                if (length < 0 || length > plain.remaining()) {
                    throw new MalformedDataException(
                            where + ": a byte array of " + length + " bytes runs past the end of its page");
                }
                int start = plain.arrayOffset() + plain.position();
                decoder.addBinary(Binary.fromConstantByteArray(plain.array(), start, length));
                plain.position(plain.position() + length);
            }
        }
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new MalformedDataException(where + ": the column chunk ends before its last row");
        }
        pageRemaining = page.getValueCount();
        ByteBuffer values;
        Encoding encoding;
        if (page instanceof DataPageV1 v1) {
            ByteBuffer body = buffer(v1.getBytes());
            if (optional && v1.getDlEncoding() == Encoding.BIT_PACKED) {
                // The deprecated level encoding: one bit a value, most significant bit first, no length.
                int length = (page.getValueCount() + 7) / 8;
                if (length > body.remaining()) {
                    throw new MalformedDataException(where + ": definition levels run past the end of their page");
                }
                levels = new BitPackedLevels(slice(body, length));
                body.position(body.position() + length);
            } else if (optional) {
                if (v1.getDlEncoding() != Encoding.RLE) {
                    throw new MalformedDataException(
                            where + ": definition levels in " + v1.getDlEncoding() + " are not supported");
                }
                int length = body.getInt();
                if (length < 0 || length > body.remaining()) {
                    throw new MalformedDataException(where + ": definition levels run past the end of their page");
                }
                levels = new Hybrid(slice(body, length), 1, where);
                body.position(body.position() + length);
            }
            values = body.slice().order(ByteOrder.LITTLE_ENDIAN);
            encoding = v1.getValueEncoding();
        } else {
            DataPageV2 v2 = (DataPageV2) page;
            if (optional) {
                levels = new Hybrid(buffer(v2.getDefinitionLevels()), 1, where);
            }
            values = buffer(v2.getData());
            encoding = v2.getDataEncoding();
        }
        if (encoding == Encoding.PLAIN) {
            ids = null;
            plain = values;
        } else if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
            if (!values.hasRemaining()) {
                // A page of nulls only carries no bit width.
                ids = new Hybrid(values, 0, where);
            } else {
                int bitWidth = values.get() & 0xFF;
                if (bitWidth > 32) {
                    throw new MalformedDataException(where + ": dictionary ids of " + bitWidth + " bits");
                }
                ids = new Hybrid(values.slice(), bitWidth, where);
            }
        } else {
            throw new MalformedDataException(where + ": values in " + encoding + " are not supported here");
        }
    }

    private ByteBuffer buffer(BytesInput bytes) {
        try {
            // A page's bytes are one array already (ChunkPages decompresses into one): no copy.
            return ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (java.io.IOException e) {
            throw new MalformedDataException(where + ": cannot read a page: " + e.getMessage(), e);
        }
    }

    private static ByteBuffer slice(ByteBuffer b, int length) {
        ByteBuffer s = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        s.limit(length);
        return s;
    }

    /** Definition levels, one a value. */
    interface Levels {
        int next();
    }

    /** Levels of width 1 in the deprecated BIT_PACKED encoding: most significant bit first. */
    static final class BitPackedLevels implements Levels {
        private final ByteBuffer in;
        private int bit = 8;
        private int current;

        BitPackedLevels(ByteBuffer in) {
            this.in = in;
        }

        @Override
        public int next() {
            if (bit == 8) {
                current = in.get() & 0xFF;
                bit = 0;
            }
            return (current >>> (7 - bit++)) & 1;
        }
    }

    /** The RLE / bit-packing hybrid encoding of levels and dictionary ids, decoded a run at a time. */
    static final class Hybrid implements Levels {
        private final ByteBuffer in;
        private final int bitWidth;
        private final String where;
        private int remaining;
        private boolean repeat;
        private int repeated;
        private int[] packed = new int[64];
        private int next;

        Hybrid(ByteBuffer in, int bitWidth, String where) {
            this.in = in;
            this.bitWidth = bitWidth;
            this.where = where;
        }

        @Override
        public int next() {
            if (remaining == 0) {
                run();
            }
            remaining--;
            return repeat ? repeated : packed[next++];
        }

        private void run() {
            if (!in.hasRemaining()) {
                throw new MalformedDataException(where + ": levels or dictionary ids end before the page's values");
            }
            int header = varint();
            if ((header & 1) == 0) {
                repeat = true;
                remaining = header >>> 1;
                int value = 0;
                for (int b = 0, bytes = (bitWidth + 7) / 8; b < bytes; b++) {
                    value |= (in.get() & 0xFF) << (8 * b);
                }
                repeated = value;
            } else {
                repeat = false;
                int groups = header >>> 1;
                remaining = groups * 8;
                if (packed.length < remaining) {
                    packed = new int[remaining];
                }
                int bytes = groups * bitWidth;
                if (bytes > in.remaining()) {
                    // The last run may be cut short when the values it pads are not written.
                    bytes = in.remaining();
                }
                remaining = unpack(bytes);
                next = 0;
            }
            if (remaining == 0) {
                run();
            }
        }

        /** Unpacks the run's values into {@code packed}; returns how many the bytes held. */
        private int unpack(int bytes) {
            long buffer = 0;
            int bits = 0;
            int mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
            int out = 0;
            int end = in.position() + bytes;
            while (out < remaining) {
                while (bits < bitWidth && in.position() < end) {
                    buffer |= (long) (in.get() & 0xFF) << bits;
                    bits += 8;
                }
                if (bits < bitWidth) {
                    break; // padding past the written bytes: never read
                }
                packed[out++] = (int) (buffer & mask);
                buffer >>>= bitWidth;
                bits -= bitWidth;
            }
            in.position(end);
            return out;
        }

        private int varint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = in.get() & 0xFF;
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new MalformedDataException(where + ": a malformed run header");
        }
    }
}
