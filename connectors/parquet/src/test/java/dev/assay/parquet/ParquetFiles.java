package dev.assay.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet files for tests with parquet-java's example writer, through a Hadoop-free output file. Public in
 * this module's test-jar, so the S3 and CLI tests write their Parquet files the same way.
 */
public final class ParquetFiles {
    private final MessageType schema;
    private CompressionCodecName codec = CompressionCodecName.UNCOMPRESSED;
    private int rowGroupRows = Integer.MAX_VALUE;
    private int pageRows = 20_000;
    private boolean dictionary = true;
    private boolean v2Pages;
    private int statisticsTruncate = Integer.MAX_VALUE;
    private boolean statistics = true;

    private ParquetFiles(MessageType schema) {
        this.schema = schema;
    }

    /** A writer of files with the schema in Parquet's text form: {@code message m { required int64 id; }}. */
    public static ParquetFiles schema(String text) {
        return new ParquetFiles(MessageTypeParser.parseMessageType(text));
    }

    public ParquetFiles codec(CompressionCodecName c) {
        codec = c;
        return this;
    }

    public ParquetFiles rowGroupRows(int rows) {
        rowGroupRows = rows;
        return this;
    }

    public ParquetFiles pageRows(int rows) {
        pageRows = rows;
        return this;
    }

    public ParquetFiles dictionary(boolean on) {
        dictionary = on;
        return this;
    }

    public ParquetFiles v2Pages(boolean on) {
        v2Pages = on;
        return this;
    }

    public ParquetFiles truncateStatistics(int length) {
        statisticsTruncate = length;
        return this;
    }

    public ParquetFiles statistics(boolean on) {
        statistics = on;
        return this;
    }

    public MessageType type() {
        return schema;
    }

    /** A new empty row of this schema. */
    public Group row() {
        return new SimpleGroupFactory(schema).newGroup();
    }

    /** Writes {@code rows} to {@code file}. */
    public Path write(Path file, Iterable<Group> rows) {
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE)
                .withType(schema)
                .withCodecFactory(new TestCodecs())
                .withCompressionCodec(codec)
                .withRowGroupRowCountLimit(rowGroupRows)
                .withPageRowCountLimit(pageRows)
                .withDictionaryEncoding(dictionary)
                .withWriterVersion(
                        v2Pages
                                ? ParquetProperties.WriterVersion.PARQUET_2_0
                                : ParquetProperties.WriterVersion.PARQUET_1_0)
                .withStatisticsTruncateLength(statisticsTruncate)
                .withStatisticsEnabled(statistics)
                .build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Changes the footer of a written file in place (for statistics and corruption tests). */
    public static void rewriteFooter(Path file, Consumer<FileMetaData> change) {
        try {
            byte[] all = Files.readAllBytes(file);
            int length = ByteBuffer.wrap(all, all.length - 8, 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getInt();
            int start = all.length - 8 - length;
            FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(all, start, length));
            change.accept(footer);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(all, 0, start);
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            Util.writeFileMetaData(footer, encoded);
            encoded.writeTo(out);
            out.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(encoded.size())
                    .array());
            out.write(new byte[] {'P', 'A', 'R', '1'});
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
