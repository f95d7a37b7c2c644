package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;

/** The text of the typed values {@link BatchRequest#partition(String, Object)} takes. Stateless. */
final class PartitionValues {
    /** The kinds a value may be, in the order messages list them; any two numbers are one kind. */
    private static final List<Class<?>> KINDS = List.of(
            LocalDate.class,
            YearMonth.class,
            Year.class,
            LocalDateTime.class,
            Number.class,
            Boolean.class,
            String.class);

    private PartitionValues() {}

    /** The value's ISO text; {@code what} names it in messages ({@code value}, {@code from}, {@code to}). */
    static String text(Object value, String what) {
        requireNonNull(value, what + " is null");
        Class<?> kind = kind(value);
        if (kind == Number.class) {
            return numberText((Number) value);
        }
        return value.toString(); // ISO for the java.time kinds: 2024-01-31, 2024-01, 2024, 2024-01-31T10:15
    }

    /** Rejects ends of different kinds, or a {@code to} before {@code from}; strings are not ordered here. */
    static void checkRange(String group, Object from, Object to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        Class<?> kind = kind(from);
        if (kind != kind(to)) {
            throw new IllegalArgumentException("the ends of a partition range for '" + group
                    + "' must be of one kind, got " + from + " (" + kind.getSimpleName() + ") and " + to + " ("
                    + kind(to).getSimpleName() + ")");
        }
        if (kind != String.class && compare(from, to) > 0) {
            throw new IllegalArgumentException("a partition range for '" + group + "' must not end before it starts,"
                    + " got " + text(from, "from") + ".." + text(to, "to"));
        }
    }

    private static Class<?> kind(Object value) {
        for (Class<?> kind : KINDS) {
            if (kind.isInstance(value)) {
                return kind;
            }
        }
        String hint = value instanceof TemporalAccessor || value instanceof Date
                ? "; convert it to one of those in the data's time zone"
                : "";
        throw new IllegalArgumentException("a partition value must be a LocalDate, YearMonth, Year, LocalDateTime,"
                + " Number, Boolean or String, got " + value.getClass().getName() + " " + value + hint);
    }

    /** Plain decimal text, never an exponent, so that file groups compare it as a number. */
    private static String numberText(Number n) {
        if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("a partition value must be a finite number, got " + n);
        }
        // Through the number's own text, the shortest that reads back as it: 0.1f is 0.1, not 0.100000001...
        try {
            return new BigDecimal(n.toString()).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "a partition value must be a number written in digits, got "
                            + n.getClass().getName() + " " + n,
                    e);
        }
    }

    /** Both of one kind other than String, checked by the caller. */
    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        if (a instanceof Number x) {
            return new BigDecimal(numberText(x)).compareTo(new BigDecimal(numberText((Number) b)));
        }
        return ((Comparable<Object>) a).compareTo(b);
    }
}
