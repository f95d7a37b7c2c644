package dev.assay.datadocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expectations in plain language, from their stored {@code type} and {@code kwargs}: "values must be
 * between 0 and 6, at least 99.9% of the time". A column expectation's phrase leaves out the column, as
 * pages group them by column ({@link #group}). A type this class does not know reads as its name made
 * words, with its kwargs. Stateless and thread-safe.
 */
final class Phrases {
    /** The group of expectations about the whole table (no column). */
    static final String TABLE = "Table";

    private static final int MAX_SET_ITEMS = 20;

    private Phrases() {}

    /** The column (or columns) an expectation is about, or {@link #TABLE}. */
    static String group(JsonNode kwargs) {
        if (kwargs.hasNonNull("column")) {
            return text(kwargs.get("column"));
        }
        if (kwargs.hasNonNull("column_A") && kwargs.hasNonNull("column_B")) {
            return text(kwargs.get("column_A")) + ", " + text(kwargs.get("column_B"));
        }
        if (kwargs.path("column_list").isArray()) {
            return joined(kwargs.get("column_list"));
        }
        return TABLE;
    }

    /** The whole phrase: what must hold, then how often ({@code mostly}) and for which rows ({@code row_condition}). */
    static String phrase(String type, JsonNode kwargs) {
        StringBuilder out = new StringBuilder(statement(type, kwargs));
        JsonNode mostly = kwargs.get("mostly");
        if (mostly != null && mostly.isNumber() && mostly.doubleValue() < 1.0) {
            out.append(", at least ")
                    .append(number(mostly.decimalValue().movePointRight(2)))
                    .append("% of the time");
        }
        JsonNode condition = kwargs.get("row_condition");
        if (condition != null && condition.isTextual() && !condition.asText().isBlank()) {
            out.append(" (only rows where ").append(condition.asText()).append(')');
        }
        return out.toString();
    }

    private static String statement(String type, JsonNode k) {
        switch (type) {
            case "expect_column_values_to_not_be_null":
                return "values must not be null";
            case "expect_column_values_to_be_null":
                return "values must be null";
            case "expect_column_values_to_not_be_null_or_blank":
                return "values must not be null or blank";
            case "expect_column_proportion_of_non_null_values_to_be_between":
                return "the proportion of non-null values must be " + range(k);
            case "expect_column_values_to_be_between":
                return "values must be " + range(k);
            case "expect_column_min_to_be_between":
                return "the minimum must be " + range(k);
            case "expect_column_max_to_be_between":
                return "the maximum must be " + range(k);
            case "expect_column_mean_to_be_between":
                return "the mean must be " + range(k);
            case "expect_column_median_to_be_between":
                return "the median must be " + range(k);
            case "expect_column_sum_to_be_between":
                return "the sum must be " + range(k);
            case "expect_column_stdev_to_be_between":
                return "the standard deviation must be " + range(k);
            case "expect_column_quantile_values_to_be_between":
                return quantiles(k.path("quantile_ranges"));
            case "expect_column_values_to_be_in_set":
                return "values must be one of " + set(k.path("value_set"));
            case "expect_column_values_to_not_be_in_set":
                return "values must not be any of " + set(k.path("value_set"));
            case "expect_column_values_to_match_regex":
                return "values must match the regular expression " + text(k.path("regex"));
            case "expect_column_values_to_not_match_regex":
                return "values must not match the regular expression " + text(k.path("regex"));
            case "expect_column_value_lengths_to_be_between":
                return "value lengths must be " + range(k);
            case "expect_column_value_lengths_to_equal":
                return "value lengths must be exactly " + value(k.path("value"));
            case "expect_column_pair_values_a_to_be_greater_than_b":
                return text(k.path("column_A"))
                        + (k.path("or_equal").asBoolean(false)
                                ? " must be greater than or equal to "
                                : " must be greater than ")
                        + text(k.path("column_B"))
                        + ignoreRows(k);
            case "expect_column_pair_values_to_be_equal":
                return text(k.path("column_A")) + " must equal " + text(k.path("column_B")) + ignoreRows(k);
            case "expect_column_values_to_be_unique":
                return "values must be unique";
            case "expect_compound_columns_to_be_unique":
                return "the combination of " + joined(k.path("column_list")) + " must be unique" + ignoreRows(k);
            case "expect_column_unique_value_count_to_be_between":
                return "the number of distinct values must be " + range(k);
            case "expect_column_proportion_of_unique_values_to_be_between":
                return "the proportion of unique values must be " + range(k);
            case "expect_column_distinct_values_to_be_in_set":
                return "every distinct value must be one of " + set(k.path("value_set"));
            case "expect_column_distinct_values_to_contain_set":
                return "the distinct values must include " + set(k.path("value_set"));
            case "expect_column_distinct_values_to_equal_set":
                return "the distinct values must be exactly " + set(k.path("value_set"));
            case "expect_column_values_to_be_fresh":
                return "the newest value must be at most " + duration(k.path("max_age")) + " old"
                        + (k.hasNonNull("now") ? " at " + text(k.get("now")) : "");
            case "expect_table_row_count_to_be_between":
                return "the row count must be " + range(k);
            case "expect_table_row_count_to_change_by_at_most":
                return "the row count must change by at most " + change(k, "max_change", "max_change_rows", " rows")
                        + " from " + reference(k.path("compared_to").asText("previous"), k);
            case "expect_metric_to_not_be_anomalous":
                return anomaly(k);
            case "expect_contract_metric_to_meet_threshold":
                return contractMetric(k);
            case "expect_table_row_count_to_equal":
                return "the row count must be exactly " + value(k.path("value"));
            case "expect_column_to_exist":
                return "the column must exist"
                        + (k.hasNonNull("column_index") ? " at position " + value(k.get("column_index")) : "");
            case "expect_table_columns_to_match_ordered_list":
                return "the columns must be, in this order: " + joined(k.path("column_list"));
            case "expect_table_columns_to_match_set":
                return k.path("exact_match").asBoolean(true)
                        ? "the columns must be exactly " + set(k.path("column_set"))
                        : "the columns must include " + set(k.path("column_set"));
            case "expect_table_column_count_to_be_between":
                return "the number of columns must be " + range(k);
            case "expect_table_column_count_to_equal":
                return "the number of columns must be exactly " + value(k.path("value"));
            case "expect_column_values_to_be_of_type":
                return "values must be of type " + text(k.path("type_"));
            case "expect_column_values_to_be_in_type_list":
                return "values must be of one of the types " + joined(k.path("type_list"));
            default:
                return unknown(type, k);
        }
    }

    /** {@code between 0 and 6}, {@code at least 1}, {@code less than 5}, from min/max and strictness. */
    /** {@code metric} (column.mean) as a reader says it: "the mean". */
    private static String anomaly(JsonNode k) {
        String metric = k.path("metric").asText("metric");
        String what =
                "the " + (metric.contains(".") ? metric.substring(metric.indexOf('.') + 1) : metric).replace('_', ' ');
        String strategy = k.path("strategy").asText("relative_change");
        if (strategy.equals("z_score")) {
            return what + " must be within " + value(k.path("threshold")) + " standard deviations of "
                    + reference("mean_of_last", k).substring("the mean of ".length());
        }
        return what + " must change by at most " + change(k, "max_change", "max_abs_change", "") + " from "
                + reference(strategy.equals("mean_of_last") ? "mean_of_last" : "previous", k);
    }

    /** The ODCS threshold operators, in the order a phrase lists them, with their words. */
    private static final String[][] OPERATORS = {
        {"mustBe", "must be "},
        {"mustNotBe", "must not be "},
        {"mustBeGreaterThan", "must be greater than "},
        {"mustBeGreaterOrEqualTo", "must be at least "},
        {"mustBeLessThan", "must be less than "},
        {"mustBeLessOrEqualTo", "must be at most "},
        {"mustBeBetween", "must be between "},
        {"mustNotBeBetween", "must not be between "},
    };

    /** A data contract's library metric against its threshold: "the share of null values must be at most 1%". */
    private static String contractMetric(JsonNode k) {
        String metric = k.path("metric").asText("?");
        boolean percent = k.path("unit").asText("rows").equals("percent");
        String what;
        switch (metric) {
            case "nullValues":
                what = "null values";
                break;
            case "missingValues":
                List<JsonNode> listed = new ArrayList<>();
                k.path("missing_values").forEach(v -> {
                    if (!v.isNull()) {
                        listed.add(v);
                    }
                });
                what = "missing values (null"
                        + (listed.isEmpty()
                                ? ""
                                : " or one of "
                                        + set(JsonNodeFactory.instance
                                                .arrayNode()
                                                .addAll(listed)))
                        + ")";
                break;
            case "invalidValues":
                what = k.hasNonNull("pattern")
                        ? "values not matching " + value(k.get("pattern"))
                        : "values not in " + set(k.path("valid_values"));
                break;
            case "duplicateValues":
                what = k.path("column_list").isArray()
                        ? "rows repeating a combination of " + joined(k.get("column_list"))
                        : "duplicate values";
                break;
            case "rowCount":
                what = null;
                break;
            default:
                what = metric;
        }
        String subject = what == null ? "the row count" : (percent ? "the share of " : "the number of ") + what;
        List<String> conditions = new ArrayList<>();
        for (String[] op : OPERATORS) {
            JsonNode operand = k.get(op[0]);
            if (operand == null || operand.isNull()) {
                continue;
            }
            conditions.add(op[1]
                    + (operand.isArray()
                            ? amount(operand.path(0), percent) + " and " + amount(operand.path(1), percent)
                            : amount(operand, percent)));
        }
        return subject + " " + (conditions.isEmpty() ? "must meet its threshold" : String.join(" and ", conditions));
    }

    private static String amount(JsonNode v, boolean percent) {
        return value(v) + (percent && v.isNumber() ? "%" : "");
    }

    /** "20%", "1000 rows", or "20% and 1000 rows". */
    private static String change(JsonNode k, String relative, String absolute, String unit) {
        String out = "";
        if (k.hasNonNull(relative)) {
            out = number(k.get(relative).decimalValue().movePointRight(2)) + "%";
        }
        if (k.hasNonNull(absolute)) {
            out += (out.isEmpty() ? "" : " and ") + value(k.get(absolute)) + unit;
        }
        return out.isEmpty() ? "any amount" : out;
    }

    private static String reference(String comparedTo, JsonNode k) {
        return comparedTo.equals("mean_of_last")
                ? "the mean of the last " + (k.hasNonNull("runs") ? value(k.get("runs")) : "7") + " runs"
                : "the previous run";
    }

    static String range(JsonNode k) {
        JsonNode min = k.get("min_value");
        JsonNode max = k.get("max_value");
        boolean hasMin = min != null && !min.isNull();
        boolean hasMax = max != null && !max.isNull();
        boolean strictMin = k.path("strict_min").asBoolean(false);
        boolean strictMax = k.path("strict_max").asBoolean(false);
        if (hasMin && hasMax) {
            if (!strictMin && !strictMax) {
                return "between " + value(min) + " and " + value(max);
            }
            return (strictMin ? "greater than " : "at least ") + value(min) + " and "
                    + (strictMax ? "less than " : "at most ") + value(max);
        }
        if (hasMin) {
            return (strictMin ? "greater than " : "at least ") + value(min);
        }
        if (hasMax) {
            return (strictMax ? "less than " : "at most ") + value(max);
        }
        return "anything (no bounds given)";
    }

    private static String quantiles(JsonNode q) {
        JsonNode quantiles = q.path("quantiles");
        JsonNode ranges = q.path("value_ranges");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < quantiles.size(); i++) {
            JsonNode r = ranges.path(i);
            String bound = range(r.isArray() ? rangeNode(r) : r);
            parts.add("the " + number(quantiles.get(i).decimalValue().movePointRight(2)) + "% quantile " + bound);
        }
        return parts.isEmpty() ? "quantiles must be within their ranges" : String.join("; ", parts);
    }

    private static JsonNode rangeNode(JsonNode pair) {
        com.fasterxml.jackson.databind.node.ObjectNode node =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.set("min_value", pair.path(0).isMissingNode() ? null : pair.get(0));
        node.set("max_value", pair.path(1).isMissingNode() ? null : pair.get(1));
        return node;
    }

    private static String ignoreRows(JsonNode k) {
        return k.hasNonNull("ignore_row_if") ? " (ignoring rows where " + text(k.get("ignore_row_if")) + ")" : "";
    }

    /** A set of values: {@code {"a", "b", 3}}, the first 20 shown. */
    static String set(JsonNode values) {
        if (!values.isArray()) {
            return "{}";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < values.size() && i < MAX_SET_ITEMS; i++) {
            items.add(value(values.get(i)));
        }
        String more = values.size() > MAX_SET_ITEMS ? ", … " + (values.size() - MAX_SET_ITEMS) + " more" : "";
        return "{" + String.join(", ", items) + more + "}";
    }

    private static String joined(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(text(item)));
        return String.join(", ", items);
    }

    /** A value as a phrase shows it: numbers plainly, strings in quotes, null as {@code null}. */
    static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isNumber()) {
            return number(v.decimalValue());
        }
        if (v.isTextual()) {
            return '"' + v.asText() + '"';
        }
        return v.toString();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "?" : v.isTextual() ? v.asText() : v.toString();
    }

    static String number(BigDecimal d) {
        BigDecimal plain = d.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** {@code PT6H} as {@code 6 hours}; text that is not an ISO-8601 duration as itself. */
    static String duration(JsonNode v) {
        String text = text(v);
        try {
            Duration d = Duration.parse(text);
            List<String> parts = new ArrayList<>();
            unit(parts, d.toDaysPart(), "day");
            unit(parts, d.toHoursPart(), "hour");
            unit(parts, d.toMinutesPart(), "minute");
            unit(parts, d.toSecondsPart(), "second");
            return parts.isEmpty() ? text : String.join(" ", parts);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static void unit(List<String> parts, long n, String unit) {
        if (n != 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }

    /** {@code expect_column_values_to_be_increasing} → {@code column values to be increasing (strictly: true)}. */
    private static String unknown(String type, JsonNode k) {
        String words = type.startsWith("expect_") ? type.substring("expect_".length()) : type;
        List<String> args = new ArrayList<>();
        k.properties().forEach(e -> {
            String key = e.getKey();
            if (!key.equals("column") && !key.equals("mostly") && !key.equals("row_condition")) {
                args.add(key + ": " + value(e.getValue()));
            }
        });
        String base = words.replace('_', ' ').toLowerCase(Locale.ROOT);
        return args.isEmpty() ? base : base + " (" + String.join(", ", args) + ")";
    }
}
