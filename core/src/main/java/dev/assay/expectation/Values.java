package dev.assay.expectation;

import dev.assay.error.InvalidExpectationException;
import dev.assay.internal.CodePoints;
import dev.assay.internal.IsoTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compares observed values with expectation arguments across representations: numbers by value,
 * dates and times with ISO-8601 text, strings by code point.
 */
final class Values {
    private Values() {}

    /**
     * Compares {@code a} with {@code b}.
     *
     * @throws IllegalArgumentException if they cannot be compared (a number with a date)
     */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return toBigDecimal(x).compareTo(toBigDecimal(y));
        }
        if (a instanceof Number x && b instanceof String s) {
            return toBigDecimal(x).compareTo(parseNumber(s, a, b));
        }
        if (a instanceof String s && b instanceof Number y) {
            return parseNumber(s, a, b).compareTo(toBigDecimal(y));
        }
        if (a instanceof Temporal || b instanceof Temporal) {
            Instant x = IsoTimes.instant(a).orElseThrow(() -> incomparable(a, b));
            Instant y = IsoTimes.instant(b).orElseThrow(() -> incomparable(a, b));
            if (a instanceof LocalTime || b instanceof LocalTime) {
                throw incomparable(a, b);
            }
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return CodePoints.compare(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw incomparable(a, b);
    }

    private static BigDecimal parseNumber(String s, Object a, Object b) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw incomparable(a, b);
        }
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE) : BigDecimal.valueOf(-Double.MAX_VALUE);
            }
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /**
     * A key under which equal values are equal: numbers by value, temporal values and ISO text as
     * instants where they parse, other values as they are.
     */
    static Object key(Object value) {
        if (value instanceof Number n) {
            BigDecimal d = toBigDecimal(n).stripTrailingZeros();
            return d.signum() == 0 ? BigDecimal.ZERO : d;
        }
        if (value instanceof Temporal && !(value instanceof LocalTime)) {
            return IsoTimes.instant(value).map(i -> (Object) i).orElse(value);
        }
        return value;
    }

    /** The key of an argument compared with observed values like {@code sample}: ISO text as instants. */
    static Object keyLike(Object value, Object sample) {
        if (value instanceof String s && sample instanceof Temporal && !(sample instanceof LocalTime)) {
            return IsoTimes.parseInstant(s.trim()).map(i -> (Object) i).orElse(value);
        }
        return key(value);
    }

    /** A copy of a value set: non-null values, normalized, order kept. */
    static List<Object> copyOf(List<Object> values) {
        List<Object> out = new java.util.ArrayList<>(values.size());
        for (Object v : values) {
            if (v == null) {
                throw new InvalidExpectationException("value_set must not contain null");
            }
            out.add(normalize(v));
        }
        return List.copyOf(out);
    }

    /**
     * The value as suite files read it back: whole numbers as Long, other binary floats as Double, so
     * an expectation built in Java equals the same one read from JSON.
     */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** A value set as text for messages, shortened after 10 values. */
    static String showSet(java.util.Collection<?> values) {
        StringBuilder out = new StringBuilder("{");
        int i = 0;
        for (Object v : values) {
            if (i > 0) {
                out.append(", ");
            }
            if (i == 10) {
                out.append("... ").append(values.size() - 10).append(" more");
                break;
            }
            out.append(show(v));
            i++;
        }
        return out.append('}').toString();
    }

    /** Rejects an invalid regular expression with the position of the problem. */
    static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidExpectationException(
                    "invalid regex '" + regex + "': " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static IllegalArgumentException incomparable(Object a, Object b) {
        return new IllegalArgumentException(show(a) + " cannot be compared with " + show(b));
    }

    /** A value as it appears in messages: strings quoted. */
    static String show(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
