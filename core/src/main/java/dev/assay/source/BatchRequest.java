package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which files of a {@link DataAsset} make a batch: a condition per group, each a value or an inclusive
 * range. Values are compared as numbers when both sides parse as numbers ({@code 9 < 10}, {@code 01 =
 * 1}), otherwise as strings. The empty request selects every file. Immutable and thread-safe.
 *
 * <pre>{@code
 * BatchRequest.of("year", "2024", "month", "01");             // year = 2024 and month = 01
 * BatchRequest.range("month", "01", "03").and("year", "2024"); // months 01 to 03 of 2024
 * }</pre>
 *
 * @param conditions one condition per group, in the order given; never null, group names unique
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

    /** The request that selects every file of an asset as one batch. */
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

    /** This request, also asking {@code group} to equal {@code value} (neither null). */
    public BatchRequest and(String group, String value) {
        return with(new Condition(group, value, value));
    }

    /** This request, also asking {@code group} to lie in {@code [from, to]} (none null). */
    public BatchRequest andRange(String group, String from, String to) {
        return with(new Condition(group, from, to));
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

    /** Whether files with these group values belong to the batch; an absent group does not match. */
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
