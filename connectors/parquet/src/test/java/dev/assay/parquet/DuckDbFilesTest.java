package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.BatchStatistics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by DuckDB, a writer with its own page layout and statistics, read back right. */
class DuckDbFilesTest {
    @TempDir
    Path dir;

    private Path write(String codec) throws SQLException {
        Path file = dir.resolve("duck-" + codec + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT"
                    + " i::BIGINT AS id,"
                    + " (i % 100)::TINYINT AS small,"
                    + " CASE WHEN i = 3 THEN 18446744073709551615::UBIGINT ELSE i::UBIGINT END AS big,"
                    + " CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS fare,"
                    + " ((i - 50000)::DECIMAL(18,3) / 8)::DECIMAL(18,3) AS price,"
                    + " ((i - 50000)::DECIMAL(38,10) / 3)::DECIMAL(38,10) AS wide,"
                    + " 'city-' || (i % 37) AS city,"
                    + " DATE '1969-12-25' + (i % 1000)::INTEGER AS day,"
                    + " TIMESTAMP '1969-12-31 23:00:00' + to_seconds(i) AS at,"
                    + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS at_tz,"
                    + " TIME '00:00:00' + to_seconds(i % 86400) AS t,"
                    + " i % 3 = 0 AS flag,"
                    + " '123e4567-e89b-12d3-a456-426614174000'::UUID AS u,"
                    + " [i, i + 1] AS pair"
                    + " FROM range(0, 100000) r(i))"
                    + " TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE 16384)");
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "snappy", "gzip", "uncompressed"})
    void every_column_reads_back(String codec) throws SQLException {
        ParquetSource source = ParquetSource.file(write(codec));
        List<String> primitive = source.schema().columnNames().stream()
                .filter(n -> !n.equals("pair"))
                .toList();

        Scan scan = Scan.of(source, primitive, 5000, 2);

        assertThat(scan.rows()).hasSize(100_000);
        assertThat(scan.rows().get(3))
                .containsExactly(
                        3L,
                        3L,
                        new BigDecimal("18446744073709551615"),
                        1.5,
                        scan.rows().get(3).get(4),
                        scan.rows().get(3).get(5),
                        "city-3",
                        LocalDate.of(1969, 12, 28),
                        LocalDateTime.parse("1969-12-31T23:00:03"),
                        Instant.parse("2024-01-01T00:00:03Z"),
                        LocalTime.of(0, 0, 3),
                        true,
                        "123e4567-e89b-12d3-a456-426614174000");
        assertThat(((BigDecimal) scan.rows().get(3).get(4)).compareTo(new BigDecimal("-6249.625")))
                .isZero();
        assertThat(scan.rows().get(3).get(5)).isEqualTo(new BigDecimal("-16665.6666666667"));
        assertThat(scan.rows().get(10).get(3)).isNull();
        assertThat(scan.column(0).get(99_999)).isEqualTo(99_999L);
        assertThat(scan.rows().get(99_999).get(6)).isEqualTo("city-" + (99_999 % 37));
    }

    @Test
    void statistics_from_duckdb_footers() throws SQLException {
        ParquetSource source = ParquetSource.file(write("zstd"));
        BatchStatistics stats = source.statistics().orElseThrow();

        assertThat(stats.rowCount()).isEqualTo(100_000);
        assertThat(stats.nullCount("fare")).hasValue(10_000);
        assertThat(stats.hasMinMax("pair")).isFalse();
        // DuckDB 1.4 writes no column orders, which leaves the order of its bounds undefined by the format:
        // they are used only for types that compare one way (signed integers and what is stored in them,
        // booleans), never for unsigned integers, floats, byte arrays or fixed-length decimals and UUIDs.
        assertThat(source.schema().columnNames().stream().filter(stats::hasMinMax))
                .containsExactly("id", "small", "price", "day", "at", "at_tz", "t", "flag");
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = stats.minMax(List.of("id", "day", "at", "price"), allocator)) {
            assertThat(root.getRowCount()).isEqualTo(2);
            assertThat(root.getVector("id").getObject(0)).isEqualTo(0L);
            assertThat(root.getVector("id").getObject(1)).isEqualTo(99_999L);
            assertThat(root.getVector("day").getObject(0)).isEqualTo(-7); // days since the epoch: 1969-12-25
            assertThat(root.getVector("day").getObject(1)).isEqualTo(992);
            assertThat(root.getVector("at").getObject(0)).isEqualTo(LocalDateTime.parse("1969-12-31T23:00:00"));
            assertThat(((BigDecimal) root.getVector("price").getObject(0)).compareTo(new BigDecimal("-6250")))
                    .isZero();
        }
    }
}
