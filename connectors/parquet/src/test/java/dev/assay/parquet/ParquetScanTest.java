package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.source.FileLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetScanTest {
    @TempDir
    Path dir;

    static final String TRIPS =
            "message trips { required int64 id; optional binary city (STRING); optional double fare; }";

    static List<Group> trips(ParquetFiles writer, long from, long to) {
        List<Group> rows = new ArrayList<>();
        for (long id = from; id < to; id++) {
            Group g = writer.row().append("id", id);
            if (id % 7 != 0) {
                g.append("city", "city-" + (id % 13));
            }
            if (id % 5 != 0) {
                g.append("fare", id * 0.5);
            }
            rows.add(g);
        }
        return rows;
    }

    static List<Object> ids(long from, long to) {
        return LongStream.range(from, to).boxed().map(Object.class::cast).toList();
    }

    @Test
    void the_hadoop_classes_are_not_on_the_test_class_path() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Nested
    class Codecs {
        @ParameterizedTest
        @EnumSource(
                value = CompressionCodecName.class,
                names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW", "LZ4"})
        void every_codec_reads_back_the_same_rows(CompressionCodecName codec) {
            for (boolean v2 : new boolean[] {false, true}) {
                for (boolean dictionary : new boolean[] {false, true}) {
                    ParquetFiles writer = ParquetFiles.schema(TRIPS)
                            .codec(codec)
                            .v2Pages(v2)
                            .dictionary(dictionary)
                            .pageRows(300);
                    Path file = writer.write(
                            dir.resolve(codec + "-" + v2 + "-" + dictionary + ".parquet"), trips(writer, 0, 2000));

                    Scan scan = Scan.all(ParquetSource.file(file));

                    assertThat(scan.column(0))
                            .as("%s v2=%s dict=%s", codec, v2, dictionary)
                            .isEqualTo(ids(0, 2000));
                    assertThat(scan.rows().get(13)).containsExactly(13L, "city-0", 6.5);
                    assertThat(scan.rows().get(14)).containsExactly(14L, null, 7.0);
                    assertThat(scan.rows().get(15)).containsExactly(15L, "city-2", null);
                }
            }
        }
    }

    @Nested
    class Splits {
        @Test
        void every_row_group_of_every_file_is_a_split_read_in_parallel_in_order() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS).rowGroupRows(1000);
            Path a = writer.write(dir.resolve("a.parquet"), trips(writer, 0, 3500));
            Path b = writer.write(dir.resolve("b.parquet"), trips(writer, 3500, 6000));
            ParquetSource source = ParquetSource.files(List.of(a, b));

            Scan scan = Scan.of(source, List.of("id", "fare"), 100_000, 8);

            assertThat(scan.column(0)).isEqualTo(ids(0, 6000));
            assertThat(scan.sizes()).containsExactly(1000, 1000, 1000, 500, 1000, 1000, 500);
            assertThat(source.splits(new dev.assay.source.ScanRequest(
                                    List.of("id"), new org.apache.arrow.memory.RootAllocator(), 10))
                            .size())
                    .isEqualTo(7);
            assertThat(source.name()).isEqualTo("a.parquet (+1 more file)");
        }

        @Test
        void a_row_group_larger_than_batch_rows_is_read_in_several_batches() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS).rowGroupRows(1000).pageRows(70);
            Path file = writer.write(dir.resolve("a.parquet"), trips(writer, 0, 2500));

            Scan scan = Scan.of(ParquetSource.file(file), List.of("fare", "id"), 300, 3);

            assertThat(scan.sizes()).containsExactly(300, 300, 300, 100, 300, 300, 300, 100, 300, 200);
            assertThat(scan.column(1)).isEqualTo(ids(0, 2500));
            assertThat(scan.rows().get(1001)).containsExactly(500.5, 1001L);
            assertThat(scan.fields().stream().map(f -> f.getName()).toList()).containsExactly("fare", "id");
        }

        @Test
        void a_scan_of_no_columns_counts_rows_without_reading_data() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS).rowGroupRows(400);
            Path file = writer.write(dir.resolve("a.parquet"), trips(writer, 0, 1000));
            CountingLocation counting = new CountingLocation(FileLocation.local(file));

            Scan scan = Scan.of(ParquetSource.locations(List.of(counting)), List.of(), 300, 2);

            assertThat(scan.sizes()).containsExactly(300, 100, 300, 100, 200);
            assertThat(counting.reads.get()).isEqualTo(1);
        }

        @Test
        void many_files_are_read_in_order() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS);
            List<Path> files = new ArrayList<>();
            for (int f = 0; f < 40; f++) {
                files.add(writer.write(dir.resolve("part-" + f + ".parquet"), trips(writer, f * 10, f * 10 + 10)));
            }

            assertThat(Scan.of(ParquetSource.files(files), List.of("id"), 1000, 2)
                            .column(0))
                    .isEqualTo(ids(0, 400));
        }

        @Test
        void an_empty_file_has_no_splits_but_a_schema() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS);
            Path file = writer.write(dir.resolve("empty.parquet"), List.of());
            ParquetSource source = ParquetSource.file(file);

            assertThat(source.schema().columnNames()).containsExactly("id", "city", "fare");
            assertThat(Scan.all(source).rows()).isEmpty();
            assertThat(source.statistics().orElseThrow().rowCount()).isZero();
        }
    }

    @Nested
    class Projection {
        @Test
        void reading_one_of_ten_columns_reads_a_small_part_of_the_file() {
            StringBuilder schema = new StringBuilder("message wide {");
            for (int c = 0; c < 10; c++) {
                schema.append(" required int64 c").append(c).append(';');
            }
            ParquetFiles writer =
                    ParquetFiles.schema(schema + " }").dictionary(false).rowGroupRows(20_000);
            List<Group> rows = new ArrayList<>();
            java.util.Random random = new java.util.Random(1);
            for (int r = 0; r < 50_000; r++) {
                Group g = writer.row();
                for (int c = 0; c < 10; c++) {
                    g.append("c" + c, random.nextLong());
                }
                rows.add(g);
            }
            Path file = writer.write(dir.resolve("wide.parquet"), rows);
            long size = FileLocation.local(file).length();
            CountingLocation counting = new CountingLocation(FileLocation.local(file));

            Scan scan = Scan.of(ParquetSource.locations(List.of(counting)), List.of("c3"), 10_000, 2);

            assertThat(scan.rows()).hasSize(50_000);
            assertThat(counting.bytes.get()).isLessThan(size / 5);
            // one footer read, then one read per row group
            assertThat(counting.reads.get()).isEqualTo(4);
        }

        @Test
        void a_footer_larger_than_the_tail_read_costs_one_more_read() {
            StringBuilder schema = new StringBuilder("message wide {");
            for (int c = 0; c < 400; c++) {
                schema.append(" optional int64 column_with_a_long_name_")
                        .append(c)
                        .append(';');
            }
            ParquetFiles writer = ParquetFiles.schema(schema + " }").rowGroupRows(1);
            List<Group> rows = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                rows.add(writer.row().append("column_with_a_long_name_7", (long) r));
            }
            Path file = writer.write(dir.resolve("wide.parquet"), rows);
            CountingLocation counting = new CountingLocation(FileLocation.local(file));
            ParquetSource source = ParquetSource.locations(List.of(counting));

            assertThat(source.schema().columnNames()).hasSize(400);
            assertThat(counting.reads.get()).isEqualTo(2);
            assertThat(counting.bytes.get()).isGreaterThan(ParquetFooter.TAIL_READ);
            assertThat(Scan.of(source, List.of("column_with_a_long_name_7"), 10, 2)
                            .column(0))
                    .containsExactly(0L, 1L, 2L, 3L);
            assertThat(counting.reads.get()).isEqualTo(6);
        }

        @Test
        void nearby_column_chunks_are_fetched_in_one_read() {
            ParquetFiles writer = ParquetFiles.schema(TRIPS);
            Path file = writer.write(dir.resolve("a.parquet"), trips(writer, 0, 1000));
            CountingLocation counting = new CountingLocation(FileLocation.local(file));

            Scan.of(ParquetSource.locations(List.of(counting)), List.of("id", "fare"), 1000, 1);

            assertThat(counting.reads.get()).isEqualTo(2);
        }
    }
}
