package dev.assay.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {
    private final ValueParser parser = new ValueParser();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Int64 {
        private boolean parse(String s) {
            byte[] b = bytes("xx" + s + "yy"); // the value sits inside a larger buffer
            return parser.parseInt64(b, 2, b.length - 2);
        }

        @Test
        void reads_signed_decimal_integers_up_to_the_int64_range() {
            assertThat(parse("0")).isTrue();
            assertThat(parser.longValue).isZero();
            assertThat(parse("-12")).isTrue();
            assertThat(parser.longValue).isEqualTo(-12);
            assertThat(parse("+7")).isTrue();
            assertThat(parser.longValue).isEqualTo(7);
            assertThat(parse("007")).isTrue();
            assertThat(parser.longValue).isEqualTo(7);
            assertThat(parse("9223372036854775807")).isTrue();
            assertThat(parser.longValue).isEqualTo(Long.MAX_VALUE);
            assertThat(parse("-9223372036854775808")).isTrue();
            assertThat(parser.longValue).isEqualTo(Long.MIN_VALUE);
            assertThat(parse("000000000000000000000000042")).isTrue();
            assertThat(parser.longValue).isEqualTo(42);
        }

        @Test
        void reads_random_integers_of_every_length() {
            SplittableRandom random = new SplittableRandom(9);
            for (int i = 0; i < 100_000; i++) {
                long value = random.nextLong() >> random.nextInt(64);
                assertThat(parse(Long.toString(value))).isTrue();
                assertThat(parser.longValue).isEqualTo(value);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "-",
                    "+",
                    "1.0",
                    " 1",
                    "1 ",
                    "1e3",
                    "0x10",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "99999999999999999999",
                    "1_000",
                    "1,000",
                    "١",
                    "1234567a",
                    "123456789012345a",
                    "12345678:",
                    "a2345678",
                    "1234/678",
                    "12345678901234567 "
                })
        void rejects_anything_else(String text) {
            assertThat(parse(text)).isFalse();
        }
    }

    @Nested
    class Float64 {
        private boolean parse(String s) {
            byte[] b = bytes(s);
            return parser.parseFloat64(b, 0, b.length);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.5",
                    "-0.25",
                    ".5",
                    "1.",
                    "1e3",
                    "1E-3",
                    "+2.5e+10",
                    "0",
                    "-0",
                    "123456789012345678901234",
                    "0.000000000000000000000000000001",
                    "1e-320",
                    "1e400",
                    "2.2250738585072011e-308",
                    "4.9e-324",
                    "9007199254740993",
                    "250.07000000000002",
                    "0.1",
                    "3.141592653589793238462643383279"
                })
        void reads_decimal_and_scientific_numbers_as_the_jdk_does(String text) {
            assertThat(parse(text)).isTrue();
            assertThat(Double.doubleToRawLongBits(parser.doubleValue))
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }

        @Test
        void reads_not_a_number_and_infinities() {
            assertThat(parse("NaN")).isTrue();
            assertThat(parser.doubleValue).isNaN();
            assertThat(parse("Infinity")).isTrue();
            assertThat(parser.doubleValue).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(parse("-Infinity")).isTrue();
            assertThat(parser.doubleValue).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "", ".", "-", "e5", "1e", "1e+", "1.2.3", "0x10", "1d", "1f", " 1", "1 ", "inf", "+NaN", "nan",
                    "1,5", "--1", "1e5.0"
                })
        void rejects_anything_else(String text) {
            assertThat(parse(text)).isFalse();
        }

        @Test
        void rounds_exactly_like_double_parse_double_on_random_input() {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 300_000; i++) {
                String text;
                switch (i % 3) {
                    case 0:
                        text = Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL));
                        break;
                    case 1:
                        text = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                        break;
                    default:
                        StringBuilder digits = new StringBuilder();
                        int n = 1 + random.nextInt(19);
                        for (int k = 0; k < n; k++) {
                            digits.append((char) ('0' + random.nextInt(10)));
                        }
                        digits.insert(random.nextInt(n + 1), '.');
                        if (digits.length() == 1) {
                            continue;
                        }
                        text = digits + "e" + (random.nextInt(700) - 350);
                }
                assertThat(parse(text)).as(text).isTrue();
                assertThat(Double.doubleToRawLongBits(parser.doubleValue))
                        .as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest
        @ValueSource(strings = {"true", "TRUE", "True", "false", "FALSE", "fAlSe"})
        void reads_true_and_false_in_any_case(String text) {
            byte[] b = bytes(text);
            assertThat(parser.parseBoolean(b, 0, b.length)).isTrue();
            assertThat(parser.booleanValue).isEqualTo(Boolean.parseBoolean(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "t", "f", "yes", "no", "1", "0", "truee", " true"})
        void rejects_anything_else(String text) {
            byte[] b = bytes(text);
            assertThat(parser.parseBoolean(b, 0, b.length)).isFalse();
        }
    }

    @Nested
    class Dates {
        @Test
        void reads_iso_dates_as_epoch_days() {
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 20_000; i++) {
                LocalDate date = LocalDate.ofEpochDay(random.nextLong(
                        LocalDate.of(0, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay() + 1));
                byte[] b = bytes(date.toString());
                assertThat(parser.parseIsoDate(b, 0, b.length))
                        .as(date.toString())
                        .isTrue();
                assertThat(parser.longValue).as(date.toString()).isEqualTo(date.toEpochDay());
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2023-02-29",
                    "2024-13-01",
                    "2024-00-10",
                    "2024-04-31",
                    "2024-1-01",
                    "2024/01/01",
                    "24-01-01",
                    "2024-01-01T00:00",
                    "",
                    "2024-01-0a",
                    "2024-0a-01",
                    "202a-01-01",
                    "2024-01-00",
                    "-024-01-01",
                    "2024-01-32",
                    "2024:01:01",
                    "2024-01-1 "
                })
        void rejects_invalid_or_other_formats(String text) {
            byte[] b = bytes(text);
            assertThat(parser.parseIsoDate(b, 0, b.length)).isFalse();
        }

        @Test
        void knows_leap_years() {
            byte[] b = bytes("2000-02-29");
            assertThat(parser.parseIsoDate(b, 0, b.length)).isTrue();
            b = bytes("1900-02-29");
            assertThat(parser.parseIsoDate(b, 0, b.length)).isFalse();
        }
    }

    @Nested
    class Timestamps {
        private long micros(LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
        }

        private boolean parse(String s) {
            byte[] b = bytes(s);
            return parser.parseIsoTimestamp(b, 0, b.length);
        }

        @Test
        void reads_iso_local_date_times_with_t_or_space() {
            assertThat(parse("2024-03-01T10:15:30")).isTrue();
            assertThat(parser.longValue).isEqualTo(micros(LocalDateTime.of(2024, 3, 1, 10, 15, 30)));
            assertThat(parser.hasOffset).isFalse();
            assertThat(parse("2024-03-01 10:15")).isTrue();
            assertThat(parser.longValue).isEqualTo(micros(LocalDateTime.of(2024, 3, 1, 10, 15)));
            assertThat(parser.separator).isEqualTo((byte) ' ');
            assertThat(parser.hasSeconds).isFalse();
        }

        @Test
        void truncates_fractions_to_microseconds() {
            assertThat(parse("2024-03-01T10:15:30.5")).isTrue();
            assertThat(parser.longValue).isEqualTo(micros(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000)));
            assertThat(parse("2024-03-01T10:15:30.123456789")).isTrue();
            assertThat(parser.longValue).isEqualTo(micros(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 123_456_000)));
            assertThat(parser.fractionDigits).isEqualTo(9);
        }

        @Test
        void reads_utc_offsets() {
            long wall = micros(LocalDateTime.of(2024, 3, 1, 10, 15, 30));
            assertThat(parse("2024-03-01T10:15:30Z")).isTrue();
            assertThat(parser.hasOffset).isTrue();
            assertThat(parser.offsetSeconds).isZero();
            assertThat(parser.longValue).isEqualTo(wall);
            assertThat(parse("2024-03-01T10:15:30+02:00")).isTrue();
            assertThat(parser.offsetSeconds).isEqualTo(7200);
            assertThat(parse("2024-03-01T10:15:30-0530")).isTrue();
            assertThat(parser.offsetSeconds).isEqualTo(-(5 * 3600 + 30 * 60));
            assertThat(parse("2024-03-01 10:15+01")).isTrue();
            assertThat(parser.offsetSeconds).isEqualTo(3600);
        }

        @Test
        void reads_random_timestamps_in_every_iso_shape() {
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 50_000; i++) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(
                        random.nextLong(-62_000_000_000L, 250_000_000_000L),
                        random.nextInt(1_000_000) * 1000,
                        ZoneOffset.UTC);
                String date = t.toLocalDate().toString();
                if (date.length() != 10) {
                    continue; // years past 9999 are not read as ISO dates
                }
                String time;
                LocalDateTime expected;
                switch (i % 3) {
                    case 0:
                        time = String.format("%02d:%02d", t.getHour(), t.getMinute());
                        expected = t.withSecond(0).withNano(0);
                        break;
                    case 1:
                        time = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
                        expected = t.withNano(0);
                        break;
                    default:
                        time = String.format(
                                "%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
                        expected = t;
                }
                String offset = i % 4 == 0 ? "" : i % 4 == 1 ? "Z" : i % 4 == 2 ? "+05:30" : "-0100";
                int offsetSeconds = i % 4 == 2 ? 19800 : i % 4 == 3 ? -3600 : 0;
                String text = date + (i % 2 == 0 ? 'T' : ' ') + time + offset;

                assertThat(parse(text)).as(text).isTrue();
                assertThat(parser.longValue).as(text).isEqualTo(micros(expected));
                assertThat(parser.hasOffset).as(text).isEqualTo(!offset.isEmpty());
                assertThat(parser.offsetSeconds).as(text).isEqualTo(offsetSeconds);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2024-03-01",
                    "2024-03-01T",
                    "2024-03-01T25:00",
                    "2024-03-01T10:60",
                    "2024-03-01T10:15:61",
                    "2024-03-01T10:15:30.",
                    "2024-03-01T10:15:30.1234567890",
                    "2024-03-01T10:15:30+2",
                    "2024-03-01T10:15:30Zx",
                    "2024-03-01X10:15",
                    "2024-03-01T10:15:3",
                    "2024-02-30T10:15",
                    "2024-03-01T10:15:3Z",
                    "2024-03-01T1a:15:30",
                    "2024-03-01T10:1a:30",
                    "2024-03-01T10:15:3a",
                    "2024-03-01T24:00:00",
                    "2024-03-01T10:15:60",
                    "2024-03-01T10-15-30",
                    "2024-03-01T10:15:30+05:3a",
                    "2a24-03-01T10:15",
                    "2024/03-01T10:15",
                    "2024-03/01T10:15"
                })
        void rejects_invalid_or_other_formats(String text) {
            assertThat(parse(text)).isFalse();
        }
    }
}
