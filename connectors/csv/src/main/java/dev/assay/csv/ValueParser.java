package dev.assay.csv;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free parsers for the typed values of a CSV field, reading ASCII digits straight from the
 * byte buffer. Each method returns whether the bytes {@code [start, end)} hold a value of the type and
 * leaves the value in a field of this object. The same parsers decide schema inference and read the
 * data, so a value that was inferred as a type always reads as that type. Not thread-safe: one per
 * reading thread.
 */
final class ValueParser {
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final int[] MICRO_SCALE = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final long ZEROS = 0x3030303030303030L;
    private static final long SIXES = 0x0606060606060606L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    /** Bytes 4 and 7 of "yyyy-MM-", their dashes, and '0' in their place. */
    private static final long DATE_DASHES = 0xFF0000FF00000000L;

    private static final long DATE_DASH_BYTES = 0x2D00002D00000000L;
    private static final long DATE_DASH_ZEROS = 0x3000003000000000L;
    /** Bytes 2 and 5 of "HH:mm:ss", their colons, and '0' in their place. */
    private static final long TIME_COLONS = 0x0000FF0000FF0000L;

    private static final long TIME_COLON_BYTES = 0x00003A00003A0000L;
    private static final long TIME_COLON_ZEROS = 0x0000300000300000L;

    /** The last boolean parsed. */
    boolean booleanValue;
    /** The last int64, epoch day, or timestamp in microseconds (wall clock, offset not applied). */
    long longValue;
    /** The last float64 parsed. */
    double doubleValue;
    /** Whether the last timestamp carried a UTC offset ({@code Z} or {@code ±hh[:mm]}). */
    boolean hasOffset;
    /** The offset of the last timestamp, in seconds east of UTC. */
    int offsetSeconds;
    /** The byte between date and time of the last timestamp: {@code 'T'} or {@code ' '}. */
    byte separator;
    /** Whether the last timestamp had seconds. */
    boolean hasSeconds;
    /** The number of fraction-of-second digits of the last timestamp (0 when none). */
    int fractionDigits;

    /** {@code true} or {@code false}, in any case. */
    boolean parseBoolean(byte[] b, int start, int end) {
        int len = end - start;
        if (len == 4
                && (b[start] | 0x20) == 't'
                && (b[start + 1] | 0x20) == 'r'
                && (b[start + 2] | 0x20) == 'u'
                && (b[start + 3] | 0x20) == 'e') {
            booleanValue = true;
            return true;
        }
        if (len == 5
                && (b[start] | 0x20) == 'f'
                && (b[start + 1] | 0x20) == 'a'
                && (b[start + 2] | 0x20) == 'l'
                && (b[start + 3] | 0x20) == 's'
                && (b[start + 4] | 0x20) == 'e') {
            booleanValue = false;
            return true;
        }
        return false;
    }

    /** An optional sign and 1 or more decimal digits that fit in a signed 64-bit integer. */
    boolean parseInt64(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            return false;
        }
        if (end - i <= 18) {
            long v = 0;
            while (end - i >= 8) {
                long eight = eightDigits(ByteSearch.word(b, i));
                if (eight < 0) {
                    return false;
                }
                v = v * 100_000_000L + eight;
                i += 8;
            }
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                v = v * 10 + d;
            }
            longValue = negative ? -v : v;
            return true;
        }
        // Accumulate negatively so that Long.MIN_VALUE fits.
        long v = 0;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v < limit / 10) {
                return false;
            }
            v *= 10;
            if (v < limit + d) {
                return false;
            }
            v -= d;
        }
        longValue = negative ? v : -v;
        return true;
    }

    /**
     * A decimal number: an optional sign, digits with an optional fraction (at least one digit), an
     * optional exponent; or {@code NaN}, {@code Infinity}, {@code -Infinity}. Correctly rounded: exact
     * cases take Clinger's fast path, up to 18 significant digits the Eisel-Lemire algorithm, and the
     * rest (more digits, subnormals, overflow) {@link Double#parseDouble}.
     */
    boolean parseFloat64(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            return false;
        }
        if (b[i] == 'N' || b[i] == 'I') {
            return parseSpecial(b, start, i, end, negative);
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int exponent = 0;
        boolean inexact = false;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits++;
            if (significant < 18) {
                if (mantissa != 0 || d != 0) {
                    significant++;
                }
                mantissa = mantissa * 10 + d;
            } else {
                exponent++;
                inexact |= d != 0;
            }
        }
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits++;
                if (significant < 18) {
                    if (mantissa != 0 || d != 0) {
                        significant++;
                    }
                    mantissa = mantissa * 10 + d;
                    exponent--;
                } else {
                    inexact |= d != 0;
                }
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            int e = 0;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                if (e < 100_000) {
                    e = e * 10 + d;
                }
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != end) {
            return false;
        }
        if (!inexact) {
            if (mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
                double v = (double) mantissa;
                v = exponent >= 0 ? v * POWERS_OF_TEN[exponent] : v / POWERS_OF_TEN[-exponent];
                doubleValue = negative ? -v : v;
                return true;
            }
            if (mantissa == 0) {
                doubleValue = negative ? -0.0 : 0.0;
                return true;
            }
            if (exponent >= EiselLemire.MIN_EXPONENT && exponent <= EiselLemire.MAX_EXPONENT) {
                long bits = EiselLemire.toDoubleBits(mantissa, exponent, negative);
                if (bits != -1) {
                    doubleValue = Double.longBitsToDouble(bits);
                    return true;
                }
            }
        }
        // The syntax is checked above and is a subset of Java's, so this cannot throw.
        doubleValue = Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        return true;
    }

    private boolean parseSpecial(byte[] b, int start, int i, int end, boolean negative) {
        if (matches(b, i, end, "Infinity")) {
            doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        if (i == start && matches(b, i, end, "NaN")) {
            doubleValue = Double.NaN;
            return true;
        }
        return false;
    }

    private static boolean matches(byte[] b, int start, int end, String ascii) {
        if (end - start != ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[start + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** An ISO date {@code yyyy-MM-dd}; leaves the epoch day in {@link #longValue}. */
    boolean parseIsoDate(byte[] b, int start, int end) {
        return end - start == 10 && parseDatePart(b, start);
    }

    private boolean parseDatePart(byte[] b, int s) {
        // "yyyy-MM-" as one word: the dashes checked, then replaced by '0' to check and read the digits.
        long x = ByteSearch.word(b, s);
        if ((x & DATE_DASHES) != DATE_DASH_BYTES) {
            return false;
        }
        long pairs = digitPairs((x & ~DATE_DASHES) | DATE_DASH_ZEROS);
        int day = digits2(b, s + 8);
        if (pairs < 0 || day < 0) {
            return false;
        }
        int year = (int) (pairs & 0xFF) * 100 + (int) ((pairs >>> 16) & 0xFF);
        int month = (int) ((pairs >>> 40) & 0xFF);
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            return false;
        }
        longValue = epochDay(year, month, day);
        return true;
    }

    /**
     * An ISO 8601 timestamp: {@code yyyy-MM-dd}, then {@code 'T'} or a space, {@code HH:mm}, optionally
     * {@code :ss} and a fraction of 1 to 9 digits (truncated to microseconds), then optionally {@code Z}
     * or an offset {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}. Leaves the wall-clock time in microseconds
     * since the epoch (as if at UTC) in {@link #longValue} and the offset, if any, in {@link
     * #offsetSeconds}.
     */
    boolean parseIsoTimestamp(byte[] b, int start, int end) {
        if (end - start < 16 || !parseDatePart(b, start)) {
            return false;
        }
        long day = longValue;
        byte sep = b[start + 10];
        if (sep != 'T' && sep != ' ') {
            return false;
        }
        int hour;
        int minute;
        int second = 0;
        int micros = 0;
        int fraction = 0;
        boolean seconds = false;
        int i = start + 16;
        long x = end - start >= 19 ? ByteSearch.word(b, start + 11) : 0;
        if ((x & TIME_COLONS) == TIME_COLON_BYTES) {
            // "HH:mm:ss" as one word, read like a date.
            long pairs = digitPairs((x & ~TIME_COLONS) | TIME_COLON_ZEROS);
            if (pairs < 0) {
                return false;
            }
            hour = (int) (pairs & 0xFF);
            minute = (int) ((pairs >>> 24) & 0xFF);
            second = (int) ((pairs >>> 48) & 0xFF);
            if (hour > 23 || minute > 59 || second > 59) {
                return false;
            }
            seconds = true;
            i = start + 19;
        } else {
            hour = digits2(b, start + 11);
            minute = digits2(b, start + 14);
            if (b[start + 13] != ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
                return false;
            }
        }
        if (!seconds && i < end && b[i] == ':') {
            if (end - i < 3) {
                return false;
            }
            second = digits2(b, i + 1);
            if (second < 0 || second > 59) {
                return false;
            }
            seconds = true;
            i += 3;
        }
        if (seconds) {
            if (i < end && b[i] == '.') {
                i++;
                for (; i < end; i++) {
                    int d = b[i] - '0';
                    if (d < 0 || d > 9) {
                        break;
                    }
                    if (fraction < 6) {
                        micros = micros * 10 + d;
                    }
                    fraction++;
                }
                if (fraction == 0 || fraction > 9) {
                    return false;
                }
                micros *= MICRO_SCALE[Math.min(fraction, 6)];
            }
        }
        boolean offset = false;
        int offsetSecs = 0;
        if (i < end) {
            offset = true;
            byte c = b[i];
            if (c == 'Z' && i + 1 == end) {
                offsetSecs = 0;
            } else if (c == '+' || c == '-') {
                int len = end - i - 1;
                int oh = len >= 2 ? digits2(b, i + 1) : -1;
                int om;
                if (len == 2) {
                    om = 0;
                } else if (len == 4) {
                    om = digits2(b, i + 3);
                } else if (len == 5 && b[i + 3] == ':') {
                    om = digits2(b, i + 4);
                } else {
                    return false;
                }
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return false;
                }
                offsetSecs = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
            } else {
                return false;
            }
        }
        longValue = day * MICROS_PER_DAY + (hour * 3600L + minute * 60L + second) * MICROS_PER_SECOND + micros;
        hasOffset = offset;
        offsetSeconds = offsetSecs;
        separator = sep;
        hasSeconds = seconds;
        fractionDigits = fraction;
        return true;
    }

    /**
     * The value of eight ASCII digits read as a little-endian word (the first digit in the lowest byte),
     * or -1 if a byte is not a digit (Lemire's eight-digit parse).
     */
    static long eightDigits(long x) {
        long d = x - ZEROS;
        if (((d | (d + SIXES)) & HIGH_NIBBLES) != 0) {
            return -1;
        }
        d = d * 10 + (d >>> 8);
        return (((d & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                        + (((d >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))))
                >>> 32;
    }

    /**
     * Eight ASCII digits as a word whose byte {@code k} holds the two-digit number of digits {@code k}
     * and {@code k + 1}; or -1 if a byte is not a digit.
     */
    private static long digitPairs(long x) {
        long d = x - ZEROS;
        if (((d | (d + SIXES)) & HIGH_NIBBLES) != 0) {
            return -1;
        }
        return d * 10 + (d >>> 8);
    }

    private static int digits2(byte[] b, int s) {
        int d0 = b[s] - '0';
        int d1 = b[s + 1] - '0';
        if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
            return -1;
        }
        return d0 * 10 + d1;
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** The same arithmetic as {@link java.time.LocalDate#toEpochDay}, for years 0 to 9999. */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
