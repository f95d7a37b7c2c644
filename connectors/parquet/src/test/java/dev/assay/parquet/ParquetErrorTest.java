package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetErrorTest {
    @TempDir
    Path dir;

    private Path trips(String name) {
        ParquetFiles writer = ParquetFiles.schema(ParquetScanTest.TRIPS).rowGroupRows(500);
        return writer.write(dir.resolve(name), ParquetScanTest.trips(writer, 0, 1000));
    }

    @Nested
    class NestedColumns {
        static final String SCHEMA = "message m {\n"
                + "  required int64 id;\n"
                + "  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }\n"
                + "  optional group attrs (MAP) { repeated group key_value {"
                + " required binary key (STRING); optional int32 value; } }\n"
                + "  optional group address { optional binary city (STRING); optional int32 zip; }\n"
                + "  repeated int32 scores;\n"
                + "}";

        private ParquetSource source() {
            ParquetFiles writer = ParquetFiles.schema(SCHEMA);
            Group row = writer.row().append("id", 1L).append("scores", 3).append("scores", 4);
            row.addGroup("tags").addGroup("list").append("element", "a");
            row.addGroup("address").append("city", "Oslo");
            return ParquetSource.file(writer.write(dir.resolve("nested.parquet"), List.of(row)));
        }

        @Test
        void nested_columns_appear_in_the_schema() {
            assertThat(source().schema().fields().stream()
                            .map(f -> f.getName() + ":" + dev.assay.engine.arrow.TypeNames.of(f))
                            .toList())
                    .containsExactly(
                            "id:int64", "tags:list<string>", "attrs:map", "address:struct", "scores:list<int32>");
        }

        @Test
        void primitive_columns_beside_them_are_read() {
            assertThat(Scan.of(source(), List.of("id"), 10, 1).rows()).containsExactly(List.of(1L));
        }

        @Test
        void a_scan_of_a_list_fails_naming_the_column() {
            assertThatThrownBy(() -> Scan.of(source(), List.of("id", "tags"), 10, 1))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("column 'tags' is a LIST; Assay reads primitive Parquet columns only")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.METRIC_UNAVAILABLE);
        }

        @Test
        void a_scan_of_a_map_a_struct_or_a_repeated_field_fails_naming_the_column() {
            assertThatThrownBy(() -> Scan.of(source(), List.of("attrs"), 10, 1))
                    .hasMessage("column 'attrs' is a MAP; Assay reads primitive Parquet columns only");
            assertThatThrownBy(() -> Scan.of(source(), List.of("address"), 10, 1))
                    .hasMessage("column 'address' is a group (struct); Assay reads primitive Parquet columns only");
            assertThatThrownBy(() -> Scan.of(source(), List.of("scores"), 10, 1))
                    .hasMessage("column 'scores' is a repeated INT32; Assay reads primitive Parquet columns only");
        }

        @Test
        void nested_columns_have_no_statistics() {
            var stats = source().statistics().orElseThrow();
            assertThat(stats.nullCount("tags")).isEmpty();
            assertThat(stats.hasMinMax("address")).isFalse();
            assertThat(stats.nullCount("id")).hasValue(0);
        }
    }

    @Nested
    class BadFiles {
        @Test
        void a_file_that_is_not_parquet() throws IOException {
            Path file = Files.writeString(dir.resolve("trips.parquet"), "id,fare\n1,2.5\n2,3.5\n");

            assertThatThrownBy(() -> ParquetSource.file(file).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": not a Parquet file (no PAR1 magic at the end)");
        }

        @Test
        void a_file_too_short_to_be_parquet() throws IOException {
            Path file = Files.writeString(dir.resolve("tiny.parquet"), "PAR1");

            assertThatThrownBy(() -> ParquetSource.file(file).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": not a Parquet file (4 bytes; a Parquet file has at least 12)");
        }

        @Test
        void a_footer_length_beyond_the_file() throws IOException {
            Path file = trips("a.parquet");
            byte[] bytes = Files.readAllBytes(file);
            int n = bytes.length;
            bytes[n - 8] = (byte) 0xFF;
            bytes[n - 7] = (byte) 0xFF;
            bytes[n - 6] = (byte) 0xFF;
            bytes[n - 5] = (byte) 0x0F;
            Files.write(file, bytes);

            assertThatThrownBy(() -> ParquetSource.file(file).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": corrupt Parquet footer (footer length 268435455 does not fit in a file of "
                            + n + " bytes)");
        }

        @Test
        void a_footer_that_does_not_decode() throws IOException {
            Path file = trips("a.parquet");
            byte[] bytes = Files.readAllBytes(file);
            int length = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getInt();
            Arrays.fill(bytes, bytes.length - 8 - length, bytes.length - 8, (byte) 0xEE);
            Files.write(file, bytes);

            assertThatThrownBy(() -> ParquetSource.file(file).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": corrupt Parquet footer: can not read class"
                            + " org.apache.parquet.format.FileMetaData: don't know what type: 14");
        }

        @Test
        void a_truncated_file_names_the_row_group_and_column() throws IOException {
            Path file = trips("a.parquet");
            byte[] bytes = Files.readAllBytes(file);
            int length = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .getInt();
            int dataEnd = bytes.length - 8 - length;
            // Keep the footer but cut the data before it, as a copy that stopped early and got a footer
            // appended would.
            int cut = dataEnd / 2;
            byte[] truncated = new byte[cut + length + 8];
            System.arraycopy(bytes, 0, truncated, 0, cut);
            System.arraycopy(bytes, dataEnd, truncated, cut, length + 8);
            Files.write(file, truncated);
            ParquetSource source = ParquetSource.file(file);
            var id = source.schema() == null
                    ? null
                    : ParquetFooter.read(dev.assay.source.FileLocation.local(file))
                            .rowGroups()
                            .get(1)
                            .getColumns()
                            .get(0);

            assertThatThrownBy(() -> Scan.of(source, List.of("id", "city", "fare"), 1000, 1))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": row group 1, column 'id': the column chunk at bytes [" + id.getStartingPos()
                            + ", " + (id.getStartingPos() + id.getTotalSize()) + ") lies outside the data of a file of "
                            + truncated.length + " bytes; the file is truncated or corrupt");
        }

        @Test
        void a_page_that_does_not_decode_names_the_row_group_and_column() throws IOException {
            Path file = trips("a.parquet");
            ParquetSource good = ParquetSource.file(file);
            var chunk = ParquetFooter.read(dev.assay.source.FileLocation.local(file))
                    .rowGroups()
                    .get(0)
                    .getColumns()
                    .get(2);
            byte[] bytes = Files.readAllBytes(file);
            Arrays.fill(
                    bytes, (int) chunk.getStartingPos(), (int) (chunk.getStartingPos() + chunk.getTotalSize()), (byte)
                            0x7F);
            Files.write(file, bytes);

            assertThat(good.schema().columnNames()).contains("fare");
            assertThatThrownBy(() -> Scan.of(ParquetSource.file(file), List.of("fare"), 1000, 1))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": row group 0, column 'fare': cannot read a page header: can not read class"
                            + " org.apache.parquet.format.PageHeader: don't know what type: 15");
            try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
                var splits = ParquetSource.file(file)
                        .splits(new dev.assay.source.ScanRequest(List.of("id", "fare"), allocator, 100));
                assertThatThrownBy(() -> splits.get(0).read(batch -> {})).isInstanceOf(MalformedDataException.class);
                splits.get(1).read(batch -> {});
                assertThat(allocator.getAllocatedMemory()).isZero();
            }
        }

        @Test
        void a_page_that_fails_mid_scan_names_the_column_and_frees_the_vectors() throws IOException {
            ParquetFiles writer = ParquetFiles.schema(ParquetScanTest.TRIPS)
                    .codec(org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY)
                    .dictionary(false)
                    .pageRows(50)
                    .rowGroupRows(500);
            Path file = writer.write(dir.resolve("s.parquet"), ParquetScanTest.trips(writer, 0, 1000));
            var chunk = ParquetFooter.read(dev.assay.source.FileLocation.local(file))
                    .rowGroups()
                    .get(0)
                    .getColumns()
                    .get(2);
            byte[] bytes = Files.readAllBytes(file);
            long end = chunk.getStartingPos() + chunk.getTotalSize();
            Arrays.fill(bytes, (int) end - 30, (int) end, (byte) 0x55);
            Files.write(file, bytes);

            try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
                var splits = ParquetSource.file(file)
                        .splits(new dev.assay.source.ScanRequest(List.of("id", "fare"), allocator, 100));
                List<Long> seen = new java.util.ArrayList<>();
                assertThatThrownBy(() -> splits.get(0).read(batch -> seen.add(batch.ordinal())))
                        .isInstanceOf(MalformedDataException.class)
                        .hasMessageStartingWith(
                                file + ": row group 0, column 'fare': cannot decompress a SNAPPY page: ");
                assertThat(seen).isNotEmpty();
                assertThat(allocator.getAllocatedMemory()).isZero();
            }
        }

        @Test
        void a_missing_file_is_unavailable() {
            Path file = dir.resolve("missing.parquet");

            assertThatThrownBy(() -> ParquetSource.file(file).schema()).isInstanceOf(SourceUnavailableException.class);
        }

        @Test
        void an_unknown_column_is_not_found() {
            ParquetSource source = ParquetSource.file(trips("a.parquet"));

            assertThatThrownBy(() -> Scan.of(source, List.of("fair"), 1000, 1))
                    .isInstanceOf(ColumnNotFoundException.class)
                    .hasMessage("Column 'fair' not found in dataset 'a.parquet'; available columns: [id, city, fare];"
                            + " did you mean 'fare'?");
        }
    }

    @Nested
    class DifferentSchemas {
        @Test
        void a_column_of_another_type() {
            Path a = trips("a.parquet");
            ParquetFiles other = ParquetFiles.schema(
                    "message trips { required int64 id; optional binary city (STRING);" + " optional float fare; }");
            Path b = other.write(dir.resolve("b.parquet"), List.of(other.row().append("id", 1L)));

            assertThatThrownBy(() -> ParquetSource.files(List.of(a, b)).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage("Parquet files have different schemas: column 'fare' is float64 in " + a
                            + " but float32 in " + b);
        }

        @Test
        void a_missing_or_extra_column() {
            Path a = trips("a.parquet");
            ParquetFiles fewer = ParquetFiles.schema("message trips { required int64 id; optional double fare; }");
            Path b = fewer.write(dir.resolve("b.parquet"), List.of(fewer.row().append("id", 1L)));

            assertThatThrownBy(() -> ParquetSource.files(List.of(a, b)).schema())
                    .hasMessage("Parquet files have different schemas: column 'city' is in " + a + " but not in " + b);
            assertThatThrownBy(() -> ParquetSource.files(List.of(b, a)).schema())
                    .hasMessage("Parquet files have different schemas: column 'city' is in " + a + " but not in " + b);
        }

        @Test
        void a_required_column_in_one_file_and_optional_in_another_is_nullable() {
            ParquetFiles required = ParquetFiles.schema("message trips { required int64 id; }");
            ParquetFiles optional = ParquetFiles.schema("message trips { optional int64 id; }");
            Path a = required.write(
                    dir.resolve("a.parquet"), List.of(required.row().append("id", 1L)));
            Path b = optional.write(dir.resolve("b.parquet"), List.of(optional.row()));
            ParquetSource source = ParquetSource.files(List.of(a, b));

            assertThat(source.schema().fields().get(0).isNullable()).isTrue();
            assertThat(Scan.all(source).column(0)).containsExactly(1L, null);
        }
    }
}
