package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which slice of a {@link DataAsset} makes a batch: a condition per group of a file asset or column of a
 * table asset, each a value or an inclusive range, held as text. The empty request selects all of the
 * asset. Immutable and thread-safe.
 *
 * <pre>{@code
 * BatchRequest.of("year", "2024", "month", "01");              // year = 2024 and month = 01
 * BatchRequest.range("month", "01", "03").and("year", "2024");  // months 01 to 03 of 2024
 * BatchRequest.partition("day", LocalDate.of(2024, 1, 31));     // day = 2024-01-31
 * BatchRequest.partition("created_at", YearMonth.of(2024, 1), YearMonth.of(2024, 3)); // January to March
 * }</pre>
 *
 * <p><b>File assets</b> ({@link FileAsset}) compare a condition with the value of the pattern's group of
 * that name in each file's path: as numbers when both parse as numbers ({@code 9 < 10}, {@code 01 = 1}),
 * otherwise as strings. So {@code partition("day", LocalDate.of(2024, 1, 31))} selects the files whose
 * {@code {day}} group is {@code 2024-01-31}, and a range of ISO dates selects the days between, both
 * included.
 *
 * <p><b>Table assets</b> (module {@code assay-jdbc}) apply a condition to the column of that name. On a
 * {@code DATE} or {@code TIMESTAMP} column, a value written as a year, a month or a day ({@code 2024},
 * {@code 2024-01}, {@code 2024-01-31}) selects every row in that period, and a range covers its ends'
 * periods entirely ({@code 2024-01..2024-03} is January to March); a date-time such as {@code
 * 2024-01-31T10:15} selects the rows of that date and time. On other columns the text is converted to
 * the column's type and compared for equality, or for an inclusive range. The period is implied by the
 * text's shape, which the typed factories ({@link #partition(String, Object)}) write for {@link
 * LocalDate} (a day), {@link YearMonth} (a month) and {@link Year} (a year).
 *
 * @param conditions one condition per group or column, in the order given; never null, names unique
 */
public record BatchRequest(List<Condition> conditions) {
    public BatchRequest {
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        List<String> seen = new ArrayList<>();
        for (Condition c : conditions) {
            if (seen.contains(c.group())) {
                throw new IllegalArgumentException("group '" + c.group() + "' is given twice in a batch request");
            }
            seen.add(c.group());
        }
    }

    /** The request that selects all of an asset (every file, every row) as one batch. */
    public static BatchRequest all() {
        return new BatchRequest(List.of());
    }

    /**
     * A request for group values, given as pairs: {@code of("year", "2024", "month", "01")}.
     *
     * @param groupsAndValues group name, value, group name, value, ...; never null, an even number
     */
    public static BatchRequest of(String... groupsAndValues) {
        requireNonNull(groupsAndValues, "groupsAndValues is null");
        if (groupsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "BatchRequest.of takes group and value pairs, got " + groupsAndValues.length + " arguments");
        }
        BatchRequest request = all();
        for (int i = 0; i < groupsAndValues.length; i += 2) {
            request = request.and(groupsAndValues[i], groupsAndValues[i + 1]);
        }
        return request;
    }

    /** A request for group values, in the map's iteration order; never null. */
    public static BatchRequest of(Map<String, String> values) {
        requireNonNull(values, "values is null");
        BatchRequest request = all();
        for (Map.Entry<String, String> e : values.entrySet()) {
            request = request.and(e.getKey(), e.getValue());
        }
        return request;
    }

    /** A request for the values of {@code group} from {@code from} to {@code to}, both included. */
    public static BatchRequest range(String group, String from, String to) {
        return all().andRange(group, from, to);
    }

    /**
     * A request for one value of a group or column, written as text by its type: a {@link LocalDate} (a
     * day, {@code 2024-01-31}), {@link YearMonth} (a month, {@code 2024-01}), {@link Year} (a year, {@code
     * 2024}), {@link LocalDateTime} ({@code 2024-01-31T10:15}), a {@link Number} ({@code 42}, {@code 2.5};
     * never with an exponent), a {@link Boolean} ({@code true}) or a {@link String} (as is). On a file asset
     * the group's value must equal it; on a table asset a day, month or year selects every row of that
     * period in a date or timestamp column (see the {@linkplain BatchRequest class documentation}).
     *
     * <pre>{@code
     * orders.batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31)));  // that day's orders
     * events.batch(BatchRequest.partition("day", LocalDate.of(2024, 1, 31)));         // files of {day} 2024-01-31
     * }</pre>
     *
     * @param column the group or column, never null
     * @param value the value, never null
     * @throws IllegalArgumentException when {@code value} is of another type, or a number that is not finite
     */
    public static BatchRequest partition(String column, Object value) {
        return all().and(column, value);
    }

    /**
     * A request for the values of a group or column from {@code from} to {@code to}, both included, each
     * written as {@link #partition(String, Object)} writes a value. On a table asset, a range of days,
     * months or years covers both ends' periods entirely: {@code partition("created_at", YearMonth.of(2024,
     * 1), YearMonth.of(2024, 3))} selects January to March.
     *
     * @param column the group or column, never null
     * @param from the least value, never null
     * @param to the greatest value, never null
     * @throws IllegalArgumentException when a value is of a type {@link #partition(String, Object)} does not
     *     take, when the two are of different kinds (a {@link LocalDate} and a {@link YearMonth}; any two
     *     {@link Number}s are one kind), or when {@code to} is before {@code from}
     */
    public static BatchRequest partition(String column, Object from, Object to) {
        return all().andRange(column, from, to);
    }

    /** This request, also asking {@code group} to equal {@code value} (neither null). */
    public BatchRequest and(String group, String value) {
        return with(new Condition(group, value, value));
    }

    /**
     * This request, also asking {@code group} to equal {@code value}, written as {@link #partition(String,
     * Object)} writes it: {@code partition("day", LocalDate.of(2024, 1, 31)).and("region", "eu")}.
     *
     * @param group the group or column, never null
     * @param value the value, never null
     * @throws IllegalArgumentException when {@code value} is of a type {@link #partition(String, Object)}
     *     does not take
     */
    public BatchRequest and(String group, Object value) {
        String text = PartitionValues.text(value, "value");
        return with(new Condition(group, text, text));
    }

    /** This request, also asking {@code group} to lie in {@code [from, to]} (none null). */
    public BatchRequest andRange(String group, String from, String to) {
        return with(new Condition(group, from, to));
    }

    /**
     * This request, also asking {@code group} to lie in {@code [from, to]}, written as {@link
     * #partition(String, Object, Object)} writes them.
     *
     * @throws IllegalArgumentException as {@link #partition(String, Object, Object)} does
     */
    public BatchRequest andRange(String group, Object from, Object to) {
        PartitionValues.checkRange(group, from, to);
        return with(new Condition(group, PartitionValues.text(from, "from"), PartitionValues.text(to, "to")));
    }

    private BatchRequest with(Condition condition) {
        List<Condition> list = new ArrayList<>(conditions);
        list.add(condition);
        return new BatchRequest(list);
    }

    /** The group names this request constrains, in order. */
    public List<String> groups() {
        return conditions.stream().map(Condition::group).toList();
    }

    /** The single values asked for (ranges left out), in order. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Condition c : conditions) {
            if (c.isValue()) {
                out.put(c.group(), c.from());
            }
        }
        return out;
    }

    /** Whether files with these group values belong to a file asset's batch; an absent group does not match. */
    boolean matches(Map<String, String> groups) {
        for (Condition c : conditions) {
            String value = groups.get(c.group());
            if (value == null || !c.matches(value)) {
                return false;
            }
        }
        return true;
    }

    /** Like {@code {year=2024, month=01..03}}. */
    @Override
    public String toString() {
        return conditions.stream().map(Condition::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    /** Numbers by value when both parse as numbers, otherwise strings by their characters. */
    static int compareValues(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            int c = x.compareTo(y);
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || !s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A condition on one group: its value lies in {@code [from, to]}; a single value when equal.
     *
     * @param group the group name, never null
     * @param from the least value, never null
     * @param to the greatest value, never null
     */
    public record Condition(String group, String from, String to) {
        public Condition {
            requireNonNull(group, "group is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        /** Whether this asks for one value. */
        public boolean isValue() {
            return from.equals(to);
        }

        boolean matches(String value) {
            if (isValue()) {
                return compareNumeric(value, from) == 0;
            }
            return compareNumeric(value, from) >= 0 && compareNumeric(value, to) <= 0;
        }

        /** Like {@link #compareValues} but {@code 01} and {@code 1} are equal. */
        private static int compareNumeric(String a, String b) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            return x != null && y != null ? x.compareTo(y) : a.compareTo(b);
        }

        @Override
        public String toString() {
            return group + "=" + (isValue() ? from : from + ".." + to);
        }
    }
}
