package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.BatchStatistics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.format.RowGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetStatisticsTest {
    static final String SCHEMA = "message m {\n"
            + "  required int64 id;\n"
            + "  optional double fare;\n"
            + "  optional int32 day (DATE);\n"
            + "  optional int64 at (TIMESTAMP(MICROS,true));\n"
            + "  optional int32 price (DECIMAL(9,2));\n"
            + "  optional int64 big (INTEGER(64,false));\n"
            + "  optional boolean paid;\n"
            + "  optional binary city (STRING);\n"
            + "  optional int32 nothing;\n"
            + "  optional int96 legacy;\n"
            + "}";

    @TempDir
    Path dir;

    final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    private Path write(String name, long from, long to) {
        ParquetFiles writer = ParquetFiles.schema(SCHEMA).rowGroupRows(100);
        List<Group> rows = new ArrayList<>();
        for (long i = from; i < to; i++) {
            Group g = writer.row().append("id", i);
            if (i % 10 != 0) {
                g.append("fare", i * 1.5 - 50);
                g.append("city", "city-" + (char) ('a' + i % 26));
            }
            g.append("day", (int) (i - 10_000));
            g.append("at", i * 1_000_000L - 5_000_000_000_000L);
            g.append("price", (int) (-i * 7));
            g.append("big", i == 42 ? -1L : i);
            g.append("paid", i % 3 == 0);
            g.append("legacy", new NanoTime(2_440_588, i));
            rows.add(g);
        }
        return writer.write(dir.resolve(name), rows);
    }

    private BatchStatistics stats(Path... files) {
        return ParquetSource.files(List.of(files)).statistics().orElseThrow();
    }

    private List<Object> minMax(BatchStatistics stats, String column) {
        try (VectorSchemaRoot root = stats.minMax(List.of(column), allocator)) {
            assertThat(root.getRowCount()).isEqualTo(2);
            return java.util.Arrays.asList(Scan.value(root.getVector(0), 0), Scan.value(root.getVector(0), 1));
        }
    }

    @Test
    void row_count_and_null_counts_come_from_the_footers_of_every_file() {
        BatchStatistics stats = stats(write("a.parquet", 0, 250), write("b.parquet", 250, 300));

        assertThat(stats.source()).isEqualTo("parquet-statistics");
        assertThat(stats.rowCount()).isEqualTo(300);
        assertThat(stats.nullCount("id")).hasValue(0);
        assertThat(stats.nullCount("fare")).hasValue(30);
        assertThat(stats.nullCount("nothing")).hasValue(300);
    }

    @Test
    void exact_min_and_max_have_the_scanned_types_and_values() {
        BatchStatistics stats = stats(write("a.parquet", 0, 250), write("b.parquet", 250, 300));

        assertThat(minMax(stats, "id")).containsExactly(0L, 299L);
        assertThat(minMax(stats, "day")).containsExactly(LocalDate.ofEpochDay(-10_000), LocalDate.ofEpochDay(-9_701));
        assertThat(minMax(stats, "at"))
                .containsExactly(Instant.ofEpochSecond(-5_000_000), Instant.ofEpochSecond(-5_000_000 + 299));
        assertThat(minMax(stats, "price")).containsExactly(new BigDecimal("-20.93"), new BigDecimal("0.00"));
        assertThat(minMax(stats, "big")).containsExactly(BigDecimal.ZERO, new BigDecimal("18446744073709551615"));
        assertThat(minMax(stats, "paid")).containsExactly(false, true);
        assertThat(minMax(stats, "nothing")).containsExactly(null, null);
        try (VectorSchemaRoot root = stats.minMax(List.of("price", "id"), allocator)) {
            assertThat(root.getSchema().getFields())
                    .containsExactly(
                            ParquetSource.file(dir.resolve("a.parquet"))
                                    .schema()
                                    .find("price")
                                    .orElseThrow(),
                            ParquetSource.file(dir.resolve("a.parquet"))
                                    .schema()
                                    .find("id")
                                    .orElseThrow());
        }
    }

    @Test
    void float_min_and_max_are_trusted_only_when_the_footer_counts_no_nan() {
        BatchStatistics stats = stats(write("a.parquet", 0, 250));

        // parquet-java 1.18 writes nan_count, so a column without NaN has exact bounds.
        assertThat(stats.hasMinMax("fare")).isTrue();
        assertThat(minMax(stats, "fare")).containsExactly(-48.5, 323.5);

        ParquetFiles writer = ParquetFiles.schema("message m { optional double x; }");
        Path nan = writer.write(
                dir.resolve("nan.parquet"),
                List.of(writer.row().append("x", 1.0), writer.row().append("x", Double.NaN)));
        assertThat(stats(nan).hasMinMax("x")).isFalse();
        Path noCount = write("c.parquet", 0, 10);
        ParquetFiles.rewriteFooter(noCount, footer -> footer.getRow_groups()
                .forEach(g ->
                        g.getColumns().get(1).getMeta_data().getStatistics().unsetNan_count()));
        assertThat(stats(noCount).hasMinMax("fare")).isFalse();
    }

    @Test
    void strings_are_trusted_only_with_bounds_marked_exact() {
        Path file = write("a.parquet", 0, 250);
        assertThat(stats(file).hasMinMax("city")).isFalse();

        ParquetFiles.rewriteFooter(file, footer -> footer.getRow_groups().forEach(g -> g.getColumns()
                .get(7)
                .getMeta_data()
                .getStatistics()
                .setIs_min_value_exact(true)
                .setIs_max_value_exact(true)));
        BatchStatistics exact = stats(file);
        assertThat(exact.hasMinMax("city")).isTrue();
        assertThat(minMax(exact, "city")).containsExactly("city-a", "city-z");

        ParquetFiles.rewriteFooter(file, footer -> footer.getRow_groups()
                .get(1)
                .getColumns()
                .get(7)
                .getMeta_data()
                .getStatistics()
                .setIs_max_value_exact(false));
        assertThat(stats(file).hasMinMax("city")).isFalse();
    }

    @Test
    void truncated_string_statistics_are_not_trusted() {
        ParquetFiles writer =
                ParquetFiles.schema("message m { required binary s (STRING); }").truncateStatistics(3);
        Path file = writer.write(
                dir.resolve("t.parquet"),
                List.of(writer.row().append("s", "abcdef"), writer.row().append("s", "abcxyz")));

        assertThat(stats(file).hasMinMax("s")).isFalse();
        assertThat(stats(file).nullCount("s")).hasValue(0);
    }

    @Test
    void a_row_group_without_statistics_hides_the_column_statistics() {
        Path file = write("a.parquet", 0, 250);
        ParquetFiles.rewriteFooter(file, footer -> footer.getRow_groups()
                .get(2)
                .getColumns()
                .get(0)
                .getMeta_data()
                .unsetStatistics());

        BatchStatistics stats = stats(file);

        assertThat(stats.nullCount("id")).isEmpty();
        assertThat(stats.hasMinMax("id")).isFalse();
        assertThat(stats.hasMinMax("day")).isTrue();
        assertThat(stats.rowCount()).isEqualTo(250);
    }

    @Test
    void a_file_written_without_statistics_has_only_a_row_count() {
        ParquetFiles writer =
                ParquetFiles.schema("message m { required int64 id; }").statistics(false);
        Path file = writer.write(dir.resolve("n.parquet"), List.of(writer.row().append("id", 1L)));

        BatchStatistics stats = stats(file);

        assertThat(stats.rowCount()).isEqualTo(1);
        assertThat(stats.hasMinMax("id")).isFalse();
    }

    @Test
    void files_without_a_writer_are_not_trusted_nor_unordered_bounds_that_could_mean_two_orders() {
        Path anonymous = write("a.parquet", 0, 100);
        ParquetFiles.rewriteFooter(anonymous, footer -> footer.unsetCreated_by());
        Path unordered = write("b.parquet", 0, 100);
        ParquetFiles.rewriteFooter(unordered, footer -> footer.unsetColumn_orders());

        assertThat(stats(anonymous).hasMinMax("id")).isFalse();
        assertThat(stats(anonymous).nullCount("id")).hasValue(0);
        // Without column orders, only types whose legacy signed order is their own order keep their bounds.
        BatchStatistics withoutOrders = stats(unordered);
        assertThat(List.of("id", "day", "at", "price", "paid")).allMatch(withoutOrders::hasMinMax);
        assertThat(List.of("fare", "big", "city", "legacy")).noneMatch(withoutOrders::hasMinMax);
        assertThat(minMax(withoutOrders, "id")).containsExactly(0L, 99L);
    }

    @Test
    void legacy_int96_and_deprecated_min_max_fields_are_not_trusted() {
        Path file = write("a.parquet", 0, 100);
        assertThat(stats(file).hasMinMax("legacy")).isFalse();

        ParquetFiles.rewriteFooter(file, footer -> {
            for (RowGroup g : footer.getRow_groups()) {
                var s = g.getColumns().get(0).getMeta_data().getStatistics();
                s.unsetMin_value();
                s.unsetMax_value();
            }
        });
        assertThat(stats(file).hasMinMax("id")).isFalse();
    }

    @Test
    void fixed_length_decimals_and_uuids_are_trusted_at_full_length() {
        ParquetFiles writer = ParquetFiles.schema("message m { optional fixed_len_byte_array(16) d (DECIMAL(30,2));"
                + " optional fixed_len_byte_array(16) u (UUID); }");
        Path file = writer.write(
                dir.resolve("f.parquet"),
                List.of(
                        writer.row()
                                .append("d", ParquetTypesTest.bigEndian(new java.math.BigInteger("-500"), 16))
                                .append("u", ParquetTypesTest.uuid("f0000000-0000-0000-0000-000000000001")),
                        writer.row()
                                .append("d", ParquetTypesTest.bigEndian(new java.math.BigInteger("12345"), 16))
                                .append("u", ParquetTypesTest.uuid("00000000-0000-0000-0000-00000000000a")),
                        writer.row()));

        BatchStatistics stats = stats(file);

        assertThat(minMax(stats, "d")).containsExactly(new BigDecimal("-5.00"), new BigDecimal("123.45"));
        assertThat(minMax(stats, "u"))
                .containsExactly("00000000-0000-0000-0000-00000000000a", "f0000000-0000-0000-0000-000000000001");
        assertThat(stats.nullCount("u")).hasValue(1);

        ParquetFiles.rewriteFooter(file, footer -> {
            var s = footer.getRow_groups()
                    .get(0)
                    .getColumns()
                    .get(0)
                    .getMeta_data()
                    .getStatistics();
            s.setMax_value(java.util.Arrays.copyOf(s.getMax_value(), 8));
        });
        assertThat(stats(file).hasMinMax("d")).isFalse();
        assertThat(stats(file).hasMinMax("u")).isTrue();
    }

    @Test
    void bounds_from_every_file_are_merged() {
        BatchStatistics stats = stats(write("a.parquet", 500, 600), write("b.parquet", 0, 100));

        assertThat(minMax(stats, "id")).containsExactly(0L, 599L);
    }
}
