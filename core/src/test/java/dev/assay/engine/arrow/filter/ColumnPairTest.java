package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class ColumnPairTest {
    @Test
    void integers_of_different_widths() {
        try (TestBatch batch = new TestBatch().integer("a", 1, 5, null, 7).bigInt("b", 2L, 5L, 3L, null)) {
            assertThat(batch.select("a < b")).containsExactly(0);
            assertThat(batch.select("a = b")).containsExactly(1);
            assertThat(batch.select("a >= b")).containsExactly(1);
            assertThat(batch.select("NOT (a <> b)")).containsExactly(1);
        }
    }

    @Test
    void integers_and_doubles_exactly_even_beyond_two_to_the_53() {
        try (TestBatch batch = new TestBatch()
                .bigInt("a", 9007199254740993L, 1L, 2L, -3L, Long.MAX_VALUE, 0L)
                .float8("f", 9007199254740992.0, 1.5, Double.NaN, -3.0, 9.3e18, -0.0)) {
            assertThat(batch.select("a > f")).containsExactly(0);
            assertThat(batch.select("a < f")).containsExactly(1, 2, 4);
            assertThat(batch.select("a = f")).containsExactly(3, 5);
            assertThat(batch.select("f > a")).containsExactly(1, 2, 4);
        }
    }

    @Test
    void doubles_with_nan_greatest() {
        try (TestBatch batch = new TestBatch()
                .float8("f", Double.NaN, 1.0, Double.NaN, 0.0)
                .float4("g", Float.NaN, Float.NaN, 1.0f, -0.0f)) {
            assertThat(batch.select("f = g")).containsExactly(0, 3);
            assertThat(batch.select("f < g")).containsExactly(1);
            assertThat(batch.select("f > g")).containsExactly(2);
        }
    }

    @Test
    void decimals_with_integers_doubles_and_other_scales() {
        try (TestBatch batch = new TestBatch()
                .decimal("d", 10, 2, "1.50", "2.00", "-1.00", null)
                .decimal("e", 12, 4, "1.5000", "2.0001", "-1.0000", "1.0000")
                .bigInt("i", 1L, 2L, -1L, 1L)
                .float8("f", 1.5, Double.POSITIVE_INFINITY, Double.NaN, 1.0)) {
            assertThat(batch.select("d > i")).containsExactly(0);
            assertThat(batch.select("d = i")).containsExactly(1, 2);
            assertThat(batch.select("d = e")).containsExactly(0, 2);
            assertThat(batch.select("d < e")).containsExactly(1);
            assertThat(batch.select("d = f")).containsExactly(0);
            assertThat(batch.select("d < f")).containsExactly(1, 2);
        }
    }

    @Test
    void unsigned_64_bit_with_signed() {
        try (TestBatch batch = new TestBatch()
                .fixed(
                        "u",
                        new ArrowType.Int(64, false),
                        (UInt8Vector v, int i, Long x) -> v.setSafe(i, x),
                        -1L, // 2^64 - 1
                        5L,
                        0L)
                .bigInt("i", -1L, 5L, 1L)) {
            assertThat(batch.select("u > i")).containsExactly(0);
            assertThat(batch.select("u = i")).containsExactly(1);
            assertThat(batch.select("u < i")).containsExactly(2);
        }
    }

    @Test
    void strings_by_code_point() {
        try (TestBatch batch = new TestBatch()
                .varChar("a", "abc", "～", "same", "", null)
                .largeVarChar("b", "abd", "😀", "same", "x", "y")) {
            assertThat(batch.select("a < b")).containsExactly(0, 1, 3);
            assertThat(batch.select("a = b")).containsExactly(2);
        }
    }

    @Test
    void timestamps_with_dates_and_times_of_different_units() {
        long midnight = LocalDate.of(2024, 1, 1).toEpochDay() * 86_400_000L;
        try (TestBatch batch = new TestBatch()
                .fixed(
                        "ts",
                        new ArrowType.Timestamp(TimeUnit.MILLISECOND, null),
                        (TimeStampMilliVector v, int i, Long x) -> v.setSafe(i, x),
                        midnight,
                        midnight + 1,
                        midnight - 1)
                .fixed(
                        "d",
                        new ArrowType.Date(DateUnit.DAY),
                        (DateDayVector v, int i, Integer x) -> v.setSafe(i, x),
                        (int) LocalDate.of(2024, 1, 1).toEpochDay(),
                        (int) LocalDate.of(2024, 1, 1).toEpochDay(),
                        (int) LocalDate.of(2024, 1, 1).toEpochDay())
                .fixed(
                        "sec",
                        new ArrowType.Time(TimeUnit.SECOND, 32),
                        (TimeSecVector v, int i, Integer x) -> v.setSafe(i, x),
                        10,
                        10,
                        10)
                .fixed(
                        "micro",
                        new ArrowType.Time(TimeUnit.MICROSECOND, 64),
                        (TimeMicroVector v, int i, Long x) -> v.setSafe(i, x),
                        10_000_000L,
                        10_000_001L,
                        9_999_999L)) {
            assertThat(batch.select("ts = d")).containsExactly(0);
            assertThat(batch.select("ts > d")).containsExactly(1);
            assertThat(batch.select("d > ts")).containsExactly(2);
            assertThat(batch.select("sec = micro")).containsExactly(0);
            assertThat(batch.select("sec < micro")).containsExactly(1);
            assertThat(batch.select("micro < sec")).containsExactly(2);
        }
    }

    @Test
    void booleans() {
        try (TestBatch batch = new TestBatch().bit("p", true, true, false, null).bit("q", true, false, true, true)) {
            assertThat(batch.select("p = q")).containsExactly(0);
            assertThat(batch.select("p > q")).containsExactly(1);
        }
    }

    @Test
    void a_column_with_itself() {
        try (TestBatch batch = new TestBatch().float8("f", 1.0, Double.NaN, null)) {
            assertThat(batch.select("f = f")).containsExactly(0, 1);
        }
    }
}
