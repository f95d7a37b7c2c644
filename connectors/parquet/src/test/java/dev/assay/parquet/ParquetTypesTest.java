package dev.assay.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.arrow.TypeNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetTypesTest {
    static final String SCHEMA = "message m {\n"
            + "  required int32 i32;\n"
            + "  optional int32 i8 (INTEGER(8,true));\n"
            + "  optional int32 i16 (INTEGER(16,true));\n"
            + "  optional int64 i64;\n"
            + "  optional int32 u8 (INTEGER(8,false));\n"
            + "  optional int32 u16 (INTEGER(16,false));\n"
            + "  optional int32 u32 (INTEGER(32,false));\n"
            + "  optional int64 u64 (INTEGER(64,false));\n"
            + "  optional float f32;\n"
            + "  optional double f64;\n"
            + "  optional int32 d32 (DECIMAL(9,2));\n"
            + "  optional int64 d64 (DECIMAL(18,4));\n"
            + "  optional fixed_len_byte_array(16) dfix (DECIMAL(38,10));\n"
            + "  optional binary dbin (DECIMAL(20,3));\n"
            + "  optional boolean b;\n"
            + "  optional binary s (STRING);\n"
            + "  optional binary e (ENUM);\n"
            + "  optional binary j (JSON);\n"
            + "  optional binary raw;\n"
            + "  optional fixed_len_byte_array(3) fixed;\n"
            + "  optional int32 day (DATE);\n"
            + "  optional int32 tms (TIME(MILLIS,true));\n"
            + "  optional int64 tus (TIME(MICROS,false));\n"
            + "  optional int64 tns (TIME(NANOS,true));\n"
            + "  optional int64 ts_ms_utc (TIMESTAMP(MILLIS,true));\n"
            + "  optional int64 ts_us_utc (TIMESTAMP(MICROS,true));\n"
            + "  optional int64 ts_ns_utc (TIMESTAMP(NANOS,true));\n"
            + "  optional int64 ts_ms (TIMESTAMP(MILLIS,false));\n"
            + "  optional int64 ts_us (TIMESTAMP(MICROS,false));\n"
            + "  optional int64 ts_ns (TIMESTAMP(NANOS,false));\n"
            + "  optional int96 legacy;\n"
            + "  optional fixed_len_byte_array(16) id (UUID);\n"
            + "  optional fixed_len_byte_array(2) half (FLOAT16);\n"
            + "}";

    @TempDir
    Path dir;

    static Binary bigEndian(BigInteger unscaled, int width) {
        byte[] raw = unscaled.toByteArray();
        byte[] out = new byte[width];
        Arrays.fill(out, unscaled.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(raw, 0, out, width - raw.length, raw.length);
        return Binary.fromConstantByteArray(out);
    }

    static Path write(Path file, ParquetFiles writer) {
        Group full = writer.row()
                .append("i32", 7)
                .append("i8", -8)
                .append("i16", -1600)
                .append("i64", -64_000_000_000L)
                .append("u8", 200)
                .append("u16", 65_000)
                .append("u32", -1) // 4294967295
                .append("u64", -1L) // 18446744073709551615
                .append("f32", 1.5f)
                .append("f64", -2.25)
                .append("d32", -12345) // -123.45
                .append("d64", 1234567L) // 123.4567
                .append("dfix", bigEndian(new BigInteger("-12345678901234567890"), 16))
                .append("dbin", Binary.fromConstantByteArray(new BigInteger("-98765").toByteArray()))
                .append("b", true)
                .append("s", "héllo")
                .append("e", "RED")
                .append("j", "{\"a\":1}")
                .append("raw", Binary.fromConstantByteArray(new byte[] {0, 1, (byte) 0xFF}))
                .append("fixed", Binary.fromConstantByteArray(new byte[] {10, 11, 12}))
                .append("day", (int) LocalDate.of(1969, 7, 20).toEpochDay())
                .append("tms", 45_296_789) // 12:34:56.789
                .append("tus", 45_296_789_012L)
                .append("tns", 45_296_789_012_345L)
                .append("ts_ms_utc", -1L) // 1969-12-31T23:59:59.999Z
                .append("ts_us_utc", 1_700_000_000_123_456L)
                .append("ts_ns_utc", 1_700_000_000_123_456_789L)
                .append("ts_ms", 86_400_000L)
                .append("ts_us", -86_400_000_000L)
                .append("ts_ns", 1L)
                .append("legacy", new NanoTime(2_440_587, 86_399_500_000_000L)) // 1969-12-31T23:59:59.5
                .append("id", uuid("123e4567-e89b-12d3-a456-426614174000"))
                .append("half", Binary.fromConstantByteArray(new byte[] {0x00, 0x3E})); // 1.5
        Group empty = writer.row().append("i32", 8);
        return writer.write(file, List.of(full, empty));
    }

    static Binary uuid(String text) {
        java.util.UUID u = java.util.UUID.fromString(text);
        return Binary.fromConstantByteArray(ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits())
                .array());
    }

    @Test
    void every_primitive_type_maps_to_its_arrow_type() {
        ParquetSource source = ParquetSource.file(write(dir.resolve("types.parquet"), ParquetFiles.schema(SCHEMA)));

        assertThat(source.schema().fields().stream()
                        .map(f -> f.getName() + ":" + TypeNames.of(f) + typeDetail(f))
                        .toList())
                .containsExactly(
                        "i32:int32",
                        "i8:int8",
                        "i16:int16",
                        "i64:int64",
                        "u8:uint8",
                        "u16:uint16",
                        "u32:uint32",
                        "u64:decimal(20,0)",
                        "f32:float32",
                        "f64:float64",
                        "d32:decimal(9,2)",
                        "d64:decimal(18,4)",
                        "dfix:decimal(38,10)",
                        "dbin:decimal(20,3)",
                        "b:boolean",
                        "s:string",
                        "e:string",
                        "j:string",
                        "raw:binary",
                        "fixed:binary",
                        "day:date",
                        "tms:time Time(MILLISECOND, 32)",
                        "tus:time Time(MICROSECOND, 64)",
                        "tns:time Time(NANOSECOND, 64)",
                        "ts_ms_utc:timestamp_tz Timestamp(MILLISECOND, UTC)",
                        "ts_us_utc:timestamp_tz Timestamp(MICROSECOND, UTC)",
                        "ts_ns_utc:timestamp_tz Timestamp(NANOSECOND, UTC)",
                        "ts_ms:timestamp Timestamp(MILLISECOND, null)",
                        "ts_us:timestamp Timestamp(MICROSECOND, null)",
                        "ts_ns:timestamp Timestamp(NANOSECOND, null)",
                        "legacy:timestamp Timestamp(NANOSECOND, null)",
                        "id:string",
                        "half:float32");
        assertThat(source.schema().fields().get(0).isNullable()).isFalse();
        assertThat(source.schema().fields().get(1).isNullable()).isTrue();
    }

    private static String typeDetail(Field f) {
        String name = TypeNames.of(f);
        return name.startsWith("time") ? " " + f.getType() : "";
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void every_primitive_type_round_trips_with_nulls(boolean dictionary) {
        ParquetSource source = ParquetSource.file(
                write(dir.resolve("types.parquet"), ParquetFiles.schema(SCHEMA).dictionary(dictionary)));

        Scan scan = Scan.all(source);

        assertThat(scan.rows()).hasSize(2);
        assertThat(scan.rows().get(0))
                .containsExactly(
                        7L,
                        -8L,
                        -1600L,
                        -64_000_000_000L,
                        200L,
                        65_000L,
                        4_294_967_295L,
                        new BigDecimal("18446744073709551615"),
                        1.5f,
                        -2.25,
                        new BigDecimal("-123.45"),
                        new BigDecimal("123.4567"),
                        new BigDecimal("-1234567890.1234567890"),
                        new BigDecimal("-98.765"),
                        true,
                        "héllo",
                        "RED",
                        "{\"a\":1}",
                        "0001ff",
                        "0a0b0c",
                        LocalDate.of(1969, 7, 20),
                        LocalTime.of(12, 34, 56, 789_000_000),
                        LocalTime.of(12, 34, 56, 789_012_000),
                        LocalTime.of(12, 34, 56, 789_012_345),
                        Instant.parse("1969-12-31T23:59:59.999Z"),
                        Instant.parse("2023-11-14T22:13:20.123456Z"),
                        Instant.parse("2023-11-14T22:13:20.123456789Z"),
                        LocalDateTime.parse("1970-01-02T00:00"),
                        LocalDateTime.parse("1969-12-31T00:00"),
                        LocalDateTime.parse("1970-01-01T00:00:00.000000001"),
                        LocalDateTime.parse("1969-12-31T23:59:59.5"),
                        "123e4567-e89b-12d3-a456-426614174000",
                        1.5f);
        List<Object> nulls = new java.util.ArrayList<>(scan.rows().get(1));
        assertThat(nulls.remove(0)).isEqualTo(8L);
        assertThat(nulls).containsOnlyNulls();
    }
}
