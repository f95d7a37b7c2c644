package dev.assay.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Decompresses Parquet pages without Hadoop codecs: snappy-java, zstd-jni, aircompressor (LZ4) and
 * java.util.zip, all of which parquet-hadoop already brings. Stateless and thread-safe.
 */
final class Decompressor {
    private Decompressor() {}

    /** Whether pages compressed with {@code codec} can be read. */
    static boolean supports(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
            case SNAPPY:
            case GZIP:
            case ZSTD:
            case LZ4_RAW:
            case LZ4:
                return true;
            case LZO:
            case BROTLI:
                return false;
        }
        return false;
    }

    /**
     * The {@code uncompressedSize} bytes that {@code length} bytes of {@code in} at {@code offset} decompress to.
     *
     * @throws IOException if the bytes do not decompress to exactly that size
     */
    static byte[] decompress(CompressionCodecName codec, byte[] in, int offset, int length, int uncompressedSize)
            throws IOException {
        byte[] out = new byte[uncompressedSize];
        int n;
        switch (codec) {
            case UNCOMPRESSED:
                if (length != uncompressedSize) {
                    throw new IOException("page is " + length + " bytes, its header says " + uncompressedSize);
                }
                System.arraycopy(in, offset, out, 0, length);
                return out;
            case SNAPPY:
                n = Snappy.uncompress(in, offset, length, out, 0);
                break;
            case GZIP:
                try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
                    n = gz.readNBytes(out, 0, uncompressedSize);
                    if (gz.read() != -1) {
                        n++;
                    }
                }
                break;
            case ZSTD:
                long z = Zstd.decompressByteArray(out, 0, uncompressedSize, in, offset, length);
                if (Zstd.isError(z)) {
                    throw new IOException("zstd: " + Zstd.getErrorName(z));
                }
                n = (int) z;
                break;
            case LZ4_RAW:
                n = new Lz4Decompressor().decompress(in, offset, length, out, 0, uncompressedSize);
                break;
            case LZ4:
                n = hadoopLz4(in, offset, length, out);
                break;
            default:
                throw new IOException("compression codec " + codec + " is not supported");
        }
        if (n != uncompressedSize) {
            throw new IOException("page decompressed to " + n + " bytes, its header says " + uncompressedSize);
        }
        return out;
    }

    /**
     * Hadoop's LZ4 framing, which old Parquet writers used for {@code LZ4}: blocks of a big-endian
     * uncompressed length, then chunks of a big-endian compressed length and raw LZ4 data.
     */
    private static int hadoopLz4(byte[] in, int offset, int length, byte[] out) throws IOException {
        int p = offset;
        int end = offset + length;
        int written = 0;
        Lz4Decompressor lz4 = new Lz4Decompressor();
        while (p < end) {
            int blockSize = bigEndianInt(in, p, end);
            p += 4;
            int blockEnd = written + blockSize;
            if (blockSize < 0 || blockEnd > out.length) {
                throw new IOException("bad LZ4 block size " + blockSize);
            }
            while (written < blockEnd) {
                int chunk = bigEndianInt(in, p, end);
                p += 4;
                if (chunk < 0 || p + chunk > end) {
                    throw new IOException("bad LZ4 chunk size " + chunk);
                }
                written += lz4.decompress(in, p, chunk, out, written, blockEnd - written);
                p += chunk;
            }
        }
        return written;
    }

    private static int bigEndianInt(byte[] b, int p, int end) throws IOException {
        if (p + 4 > end) {
            throw new IOException("LZ4 frame ends early");
        }
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
