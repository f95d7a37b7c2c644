package dev.assay.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/** Compressors for the test writer, so that writing needs no Hadoop; the reader never uses this. */
final class TestCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                bytes.writeAllTo(raw);
                byte[] in = raw.toByteArray();
                switch (codec) {
                    case UNCOMPRESSED:
                        return BytesInput.from(in);
                    case SNAPPY:
                        return BytesInput.from(Snappy.compress(in));
                    case ZSTD:
                        return BytesInput.from(Zstd.compress(in, 3));
                    case GZIP: {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                            gz.write(in);
                        }
                        return BytesInput.from(out.toByteArray());
                    }
                    case LZ4_RAW:
                        return BytesInput.from(lz4(in));
                    case LZ4: {
                        // Hadoop's framing: uncompressed length, then one chunk of compressed length and data.
                        byte[] block = lz4(in);
                        return BytesInput.from(java.nio.ByteBuffer.allocate(8 + block.length)
                                .putInt(in.length)
                                .putInt(block.length)
                                .put(block)
                                .array());
                    }
                    default:
                        throw new UnsupportedOperationException("no test compressor for " + codec);
                }
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {}
        };
    }

    private static byte[] lz4(byte[] in) {
        io.airlift.compress.lz4.Lz4Compressor compressor = new io.airlift.compress.lz4.Lz4Compressor();
        byte[] out = new byte[compressor.maxCompressedLength(in.length)];
        int n = compressor.compress(in, 0, in.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                throw new UncheckedIOException(new IOException("the test writer never decompresses"));
            }

            @Override
            public void decompress(ByteBuffer in, int inSize, ByteBuffer out, int outSize) {
                throw new UncheckedIOException(new IOException("the test writer never decompresses"));
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public void release() {}
}
