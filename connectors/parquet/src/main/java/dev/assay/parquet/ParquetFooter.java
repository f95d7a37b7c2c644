package dev.assay.parquet;

import dev.assay.error.MalformedDataException;
import dev.assay.source.FileLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * The parsed footer of one Parquet file: its schema, row groups and column chunk metadata, read once
 * with one tail read (two when the footer is larger than the tail). Immutable and thread-safe once built.
 *
 * @param location the file
 * @param thrift the footer as stored, for statistics fields parquet-java does not convert
 * @param metadata the footer as parquet-java's metadata objects
 */
record ParquetFooter(FileLocation location, FileMetaData thrift, ParquetMetadata metadata) {
    /** How much of a file's end is read first: enough for the footer of most files. */
    static final int TAIL_READ = 64 * 1024;

    private static final int MAGIC = 0x31524150; // "PAR1", little-endian
    private static final int ENCRYPTED_MAGIC = 0x45524150; // "PARE"

    /** Reads and parses the footer of {@code location}. */
    static ParquetFooter read(FileLocation location) {
        String uri = location.uri();
        long length = location.length();
        if (length < 12) {
            throw new MalformedDataException(
                    uri + ": not a Parquet file (" + length + " bytes; a Parquet file has at least 12)");
        }
        int tail = (int) Math.min(length, TAIL_READ);
        ByteBuffer end = location.read(length - tail, tail).order(ByteOrder.LITTLE_ENDIAN);
        int magic = end.getInt(tail - 4);
        if (magic == ENCRYPTED_MAGIC) {
            throw new MalformedDataException(uri + ": encrypted Parquet files are not supported");
        }
        if (magic != MAGIC) {
            throw new MalformedDataException(uri + ": not a Parquet file (no PAR1 magic at the end)");
        }
        long footerLength = Integer.toUnsignedLong(end.getInt(tail - 8));
        if (footerLength == 0 || footerLength + 12 > length) {
            throw new MalformedDataException(uri + ": corrupt Parquet footer (footer length " + footerLength
                    + " does not fit in a file of " + length + " bytes)");
        }
        byte[] footer = new byte[(int) footerLength];
        if (footerLength + 8 <= tail) {
            end.duplicate().position((int) (tail - 8 - footerLength)).get(footer);
        } else {
            location.read(length - 8 - footerLength, (int) footerLength).get(footer);
        }
        FileMetaData thrift;
        ParquetMetadata metadata;
        try {
            thrift = Util.readFileMetaData(new ByteArrayInputStream(footer));
            metadata = new ParquetMetadataConverter().fromParquetMetadata(thrift);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(uri + ": corrupt Parquet footer: " + e.getMessage(), e);
        }
        if (thrift.getRow_groups().size() != metadata.getBlocks().size()) {
            throw new MalformedDataException(uri + ": corrupt Parquet footer: row groups do not match");
        }
        return new ParquetFooter(location, thrift, metadata);
    }

    MessageType schema() {
        return metadata.getFileMetaData().getSchema();
    }

    List<BlockMetaData> rowGroups() {
        return metadata.getBlocks();
    }

    /** The writer, or null when the file does not say (statistics are then not trusted). */
    String createdBy() {
        return thrift.getCreated_by();
    }
}
