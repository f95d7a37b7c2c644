package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTypesTest {
    private static List<Integer> select(TestBatch batch, String condition) {
        return batch.select(condition);
    }

    private static List<Integer> rows(String rows) {
        return rows == null || rows.isBlank()
                ? List.of()
                : Arrays.stream(rows.split(",\\s*")).map(Integer::valueOf).collect(Collectors.toList());
    }

    @Nested
    class SignedIntegers {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "x > 100              | 3",
                    "x > 1000             | ''",
                    "NOT (x > 1000)       | 0, 1, 2, 3",
                    "x >= -128            | 0, 1, 2, 3",
                    "x < -128             | ''",
                    "x = 0.0              | 2",
                    "x = 0.5              | ''",
                    "x <> 0.5             | 0, 1, 2, 3",
                    "x > -1.5             | 1, 2, 3",
                    "x <= -0.5            | 0, 1",
                    "x IN (127, 1000, 0.5) | 3",
                    "x BETWEEN -1.5 AND 0.5 | 1, 2"
                })
        void tiny_int_compares_by_value_and_clamps_to_its_range(String condition, String expected) {
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "x",
                            new ArrowType.Int(8, true),
                            (TinyIntVector v, int i, Integer x) -> v.setSafe(i, x),
                            -128,
                            -1,
                            0,
                            127,
                            null)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
        }

        @Test
        void small_int_and_int_too() {
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "s",
                            new ArrowType.Int(16, true),
                            (SmallIntVector v, int i, Integer x) -> v.setSafe(i, x),
                            -32768,
                            32767,
                            null)
                    .integer("i", Integer.MIN_VALUE, Integer.MAX_VALUE, null)) {
                assertThat(batch.select("s < 0")).containsExactly(0);
                assertThat(batch.select("s >= 32767")).containsExactly(1);
                assertThat(batch.select("i > 2147483646")).containsExactly(1);
                assertThat(batch.select("i = -2147483648")).containsExactly(0);
            }
        }

        @Test
        void big_int_handles_its_extremes_and_literals_beyond_them() {
            try (TestBatch batch = new TestBatch().bigInt("x", Long.MIN_VALUE, -1L, Long.MAX_VALUE, null)) {
                assertThat(batch.select("x > 9223372036854775806")).containsExactly(2);
                assertThat(batch.select("x >= 9223372036854775807")).containsExactly(2);
                assertThat(batch.select("x < -9223372036854775807")).containsExactly(0);
                assertThat(batch.select("x < -9223372036854775808")).isEmpty();
                assertThat(batch.select("x > 1e30")).isEmpty();
                assertThat(batch.select("x < 1e30")).containsExactly(0, 1, 2);
                assertThat(batch.select("x <> 99999999999999999999")).containsExactly(0, 1, 2);
                assertThat(batch.select("x BETWEEN -1e30 AND 1e30")).containsExactly(0, 1, 2);
                assertThat(batch.select("x IN (-1, 9223372036854775808)")).containsExactly(1);
            }
        }
    }

    @Nested
    class UnsignedIntegers {
        @Test
        void uint1_uint2_and_uint4_read_their_values_unsigned() {
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "u1",
                            new ArrowType.Int(8, false),
                            (UInt1Vector v, int i, Integer x) -> v.setSafe(i, x),
                            0,
                            200,
                            255,
                            null)
                    .fixed(
                            "u2",
                            new ArrowType.Int(16, false),
                            (UInt2Vector v, int i, Integer x) -> v.setSafe(i, x),
                            0,
                            40000,
                            65535,
                            null)
                    .fixed(
                            "u4",
                            new ArrowType.Int(32, false),
                            (UInt4Vector v, int i, Long x) -> v.setSafe(i, x.intValue()),
                            0L,
                            3_000_000_000L,
                            4_294_967_295L,
                            null)) {
                assertThat(batch.select("u1 > 199")).containsExactly(1, 2);
                assertThat(batch.select("u1 = 255")).containsExactly(2);
                assertThat(batch.select("u1 > -1")).containsExactly(0, 1, 2);
                assertThat(batch.select("u2 >= 40000")).containsExactly(1, 2);
                assertThat(batch.select("u2 IN (65535, -1)")).containsExactly(2);
                assertThat(batch.select("u4 > 2147483647")).containsExactly(1, 2);
                assertThat(batch.select("u4 = 4294967295")).containsExactly(2);
            }
        }

        @Test
        void uint8_orders_values_above_two_to_the_63_correctly() {
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "u",
                            new ArrowType.Int(64, false),
                            (UInt8Vector v, int i, Long x) -> v.setSafe(i, x),
                            0L,
                            Long.MIN_VALUE, // 2^63
                            -1L, // 2^64 - 1
                            5L,
                            null)) {
                assertThat(batch.select("u > 9223372036854775807")).containsExactly(1, 2);
                assertThat(batch.select("u = 18446744073709551615")).containsExactly(2);
                assertThat(batch.select("u < 1")).containsExactly(0);
                assertThat(batch.select("u > -5")).containsExactly(0, 1, 2, 3);
                assertThat(batch.select("u BETWEEN 9223372036854775808 AND 18446744073709551614"))
                        .containsExactly(1);
                assertThat(batch.select("u IN (0, 18446744073709551615, 18446744073709551616)"))
                        .containsExactly(0, 2);
                assertThat(batch.select("u NOT IN (5)")).containsExactly(0, 1, 2);
            }
        }
    }

    @Nested
    class FloatingPoint {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "f > 1           | 0, 2, 3",
                    "f = 0           | 1",
                    "f = -0.0        | 1",
                    "f < 2           | 1, 0",
                    "f <> 1.5        | 1, 2, 3",
                    "f >= 1.5        | 0, 2, 3",
                    "f IN (1.5, 0)   | 0, 1",
                    "f BETWEEN 0 AND 1.5 | 0, 1",
                    "f > 1e400       | 2, 3",
                    "f < 1e400       | 0, 1",
                    "f > -1e400      | 0, 1, 2, 3",
                    "f <= 1.4999999999999999999 | 1",
                    "f > 1.4999999999999999999  | 0, 2, 3",
                    "f = 1.5000000000000000001  | ''",
                    "f IN (1.5000000000000000001, -0) | 1"
                })
        void float8_puts_nan_above_everything_and_equates_zeros(String condition, String expected) {
            try (TestBatch batch = new TestBatch().float8("f", 1.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, null)) {
                assertThat(select(batch, condition)).containsExactlyInAnyOrderElementsOf(rows(expected));
            }
        }

        @Test
        void float4_and_float2_too() {
            try (TestBatch batch = new TestBatch()
                    .float4("f", 1.5f, -0.0f, Float.NaN, null)
                    .fixed(
                            "h",
                            new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
                            (Float2Vector v, int i, Float x) -> v.setSafe(i, Float16.toFloat16(x)),
                            1.5f,
                            -0.0f,
                            Float.NaN,
                            null)) {
                assertThat(batch.select("f > 1")).containsExactly(0, 2);
                assertThat(batch.select("f = 0")).containsExactly(1);
                assertThat(batch.select("h > 1")).containsExactly(0, 2);
                assertThat(batch.select("h = 1.5")).containsExactly(0);
                assertThat(batch.select("h IN (0)")).containsExactly(1);
            }
        }
    }

    @Nested
    class Decimals {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "d > 1.005              | 1, 3",
                    "d = 1.5                | 1",
                    "d = 1.50               | 1",
                    "d = 1.505              | ''",
                    "d <> 1.505             | 0, 1, 2, 3",
                    "d >= 1                 | 0, 1, 3",
                    "d < -2.249             | 2",
                    "d BETWEEN -3 AND 1     | 0, 2",
                    "d IN (1, 1.501, -2.25) | 0, 2",
                    "d NOT IN (1, 1.501)    | 1, 2, 3",
                    "d < 1e40               | 0, 1, 2, 3",
                    "d > 99999999.98        | 3"
                })
        void compare_by_value_at_the_column_scale(String condition, String expected) {
            try (TestBatch batch = new TestBatch().decimal("d", 10, 2, "1.00", "1.50", "-2.25", "99999999.99", null)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
        }

        @Test
        void with_a_negative_unscaled_value_across_the_64_bit_boundary() {
            try (TestBatch batch =
                    new TestBatch().decimal("d", 38, 0, "-18446744073709551617", "18446744073709551617", "-1", null)) {
                assertThat(batch.select("d < -18446744073709551616")).containsExactly(0);
                assertThat(batch.select("d > 18446744073709551616")).containsExactly(1);
                assertThat(batch.select("d BETWEEN -18446744073709551617 AND -1"))
                        .containsExactly(0, 2);
            }
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "b                | 0",
                    "NOT b            | 1",
                    "b = TRUE         | 0",
                    "b <> TRUE        | 1",
                    "b = FALSE        | 1",
                    "b IN (FALSE)     | 1",
                    "b > FALSE        | 0",
                    "b IS NULL        | 2"
                })
        void compare_with_true_and_false(String condition, String expected) {
            try (TestBatch batch = new TestBatch().bit("b", true, false, null)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
        }
    }

    @Nested
    class Strings {
        private static final String[] VALUES = {
            "apple", "Apple", "", "naïve", "日本", "😀", "a long string over 8 bytes", "～", null, "100%", "1000"
        };

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "s = 'apple'                          | 0",
                    "s <> 'apple'                         | 1, 2, 3, 4, 5, 6, 7, 9, 10",
                    "s = ''                               | 2",
                    "s < 'a'                              | 1, 2, 9, 10",
                    "s > 'b'                              | 3, 4, 5, 7",
                    "s > '～'                              | 5",
                    "s >= 'a long'                        | 0, 3, 4, 5, 6, 7",
                    "s = 'a long string over 8 bytes'     | 6",
                    "s < 'a long string over 8 bytez'     | 1, 2, 6, 9, 10",
                    "s BETWEEN 'a' AND 'b'                | 0, 6",
                    "s IN ('apple', '日本', 'zzz')         | 0, 4",
                    "s NOT IN ('apple', '')               | 1, 3, 4, 5, 6, 7, 9, 10",
                    "s LIKE 'a%'                          | 0, 6",
                    "s LIKE '_pple'                       | 0, 1",
                    "s LIKE '__'                          | 4",
                    "s LIKE '_'                           | 5, 7",
                    "s LIKE '%ï%'                         | 3",
                    "s LIKE ''                            | 2",
                    "s LIKE '%'                           | 0, 1, 2, 3, 4, 5, 6, 7, 9, 10",
                    "s NOT LIKE '%e'                      | 2, 4, 5, 6, 7, 9, 10",
                    "s LIKE '%s%s%'                       | 6",
                    "s LIKE '100!%' ESCAPE '!'            | 9",
                    "s LIKE '100%'                        | 9, 10"
                })
        void compare_by_code_point_and_match_like_patterns_by_character(String condition, String expected) {
            try (TestBatch batch = new TestBatch().varChar("s", VALUES)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
            try (TestBatch batch = new TestBatch().largeVarChar("s", VALUES)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
        }
    }

    @Nested
    class Dates {
        private final Integer[] days = {
            (int) LocalDate.of(2024, 1, 1).toEpochDay(),
            (int) LocalDate.of(2024, 2, 29).toEpochDay(),
            (int) LocalDate.of(1969, 12, 31).toEpochDay(),
            null
        };

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "d = DATE '2024-02-29'                          | 1",
                    "d >= '2024-01-01'                              | 0, 1",
                    "d < DATE '1970-01-01'                          | 2",
                    "d > TIMESTAMP '2024-01-01 00:00:01'            | 1",
                    "d >= TIMESTAMP '2024-01-01 00:00:00'           | 0, 1",
                    "d = TIMESTAMP '2024-01-01 12:00:00'            | ''",
                    "d = TIMESTAMP '2024-01-01 01:00:00+01:00'      | 0",
                    "d IN ('2024-01-01', DATE '2024-02-29')         | 0, 1",
                    "d BETWEEN DATE '2024-01-01' AND DATE '2024-01-31' | 0",
                    "d <> '1969-12-31'                              | 0, 1"
                })
        void in_days_and_in_milliseconds(String condition, String expected) {
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "d",
                            new ArrowType.Date(DateUnit.DAY),
                            (DateDayVector v, int i, Integer x) -> v.setSafe(i, x),
                            (Object[]) days)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
            Long[] millis = Arrays.stream(days)
                    .map(day -> day == null ? null : day * 86_400_000L)
                    .toArray(Long[]::new);
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "d",
                            new ArrowType.Date(DateUnit.MILLISECOND),
                            (DateMilliVector v, int i, Long x) -> v.setSafe(i, x),
                            (Object[]) millis)) {
                assertThat(select(batch, condition)).isEqualTo(rows(expected));
            }
        }
    }

    @Nested
    class Timestamps {
        private final Instant ten = Instant.parse("2024-01-01T10:00:00Z");
        private final Instant tenAndAHalf = Instant.parse("2024-01-01T10:00:00.5Z");
        private final Instant june = Instant.parse("2024-06-01T00:00:00Z");

        private TestBatch batch(TimeUnit unit, String zone) {
            long perSecond = unit == TimeUnit.SECOND
                    ? 1
                    : unit == TimeUnit.MILLISECOND ? 1_000 : unit == TimeUnit.MICROSECOND ? 1_000_000 : 1_000_000_000;
            Long[] values = java.util.stream.Stream.of(ten, tenAndAHalf, june, null)
                    .map(instant -> instant == null
                            ? null
                            : instant.getEpochSecond() * perSecond + instant.getNano() / (1_000_000_000 / perSecond))
                    .toArray(Long[]::new);
            return new TestBatch()
                    .fixed(
                            "ts",
                            new ArrowType.Timestamp(unit, zone),
                            (TimeStampVector v, int i, Long x) -> v.setSafe(i, x),
                            (Object[]) values);
        }

        @ParameterizedTest
        @CsvSource({
            "SECOND,", "MILLISECOND,", "MICROSECOND,", "NANOSECOND,",
            "SECOND, UTC", "MILLISECOND, UTC", "MICROSECOND, Europe/Berlin", "NANOSECOND, America/New_York"
        })
        void in_every_unit_with_and_without_zone_compare_as_utc(TimeUnit unit, String zone) {
            // At second resolution, 10:00:00.5 is stored as 10:00:00.
            boolean seconds = unit == TimeUnit.SECOND;
            try (TestBatch batch = batch(unit, zone)) {
                assertThat(batch.select("ts = TIMESTAMP '2024-01-01 10:00:00'"))
                        .isEqualTo(seconds ? List.of(0, 1) : List.of(0));
                assertThat(batch.select("ts = TIMESTAMP '2024-01-01 11:00:00+01:00'"))
                        .isEqualTo(seconds ? List.of(0, 1) : List.of(0));
                assertThat(batch.select("ts > TIMESTAMP '2024-01-01 10:00:00'"))
                        .isEqualTo(seconds ? List.of(2) : List.of(1, 2));
                assertThat(batch.select("ts = TIMESTAMP '2024-01-01 10:00:00.5'"))
                        .isEqualTo(seconds ? List.of() : List.of(1));
                assertThat(batch.select("ts >= DATE '2024-06-01'")).containsExactly(2);
                assertThat(batch.select("ts < '2024-01-01T10:00:00.25'"))
                        .isEqualTo(seconds ? List.of(0, 1) : List.of(0));
                assertThat(batch.select("ts BETWEEN '2024-01-01' AND '2024-01-02'"))
                        .containsExactly(0, 1);
                assertThat(batch.select("ts IN (TIMESTAMP '2024-06-01 02:00:00+02:00')"))
                        .containsExactly(2);
                assertThat(batch.select("ts IS NULL")).containsExactly(3);
            }
        }
    }

    @Nested
    class Times {
        @Test
        void in_every_unit() {
            LocalTime eight = LocalTime.of(8, 0);
            LocalTime noonish = LocalTime.of(12, 30, 15, 500_000_000);
            try (TestBatch batch = new TestBatch()
                    .fixed(
                            "sec",
                            new ArrowType.Time(TimeUnit.SECOND, 32),
                            (TimeSecVector v, int i, LocalTime x) -> v.setSafe(i, x.toSecondOfDay()),
                            eight,
                            noonish,
                            null)
                    .fixed(
                            "milli",
                            new ArrowType.Time(TimeUnit.MILLISECOND, 32),
                            (TimeMilliVector v, int i, LocalTime x) ->
                                    v.setSafe(i, (int) (x.toNanoOfDay() / 1_000_000)),
                            eight,
                            noonish,
                            null)
                    .fixed(
                            "micro",
                            new ArrowType.Time(TimeUnit.MICROSECOND, 64),
                            (TimeMicroVector v, int i, LocalTime x) -> v.setSafe(i, x.toNanoOfDay() / 1_000),
                            eight,
                            noonish,
                            null)
                    .fixed(
                            "nano",
                            new ArrowType.Time(TimeUnit.NANOSECOND, 64),
                            (TimeNanoVector v, int i, LocalTime x) -> v.setSafe(i, x.toNanoOfDay()),
                            eight,
                            noonish,
                            null)) {
                for (String column : List.of("sec", "milli", "micro", "nano")) {
                    assertThat(batch.select(column + " < TIME '09:00'")).containsExactly(0);
                    assertThat(batch.select(column + " >= '12:30:15'")).containsExactly(1);
                    assertThat(batch.select(column + " IN (TIME '08:00:00')")).containsExactly(0);
                }
                assertThat(batch.select("milli = TIME '12:30:15.5'")).containsExactly(1);
                assertThat(batch.select("sec = TIME '12:30:15.5'")).isEmpty();
                assertThat(batch.select("sec = TIME '12:30:15'")).containsExactly(1);
            }
        }
    }
}
