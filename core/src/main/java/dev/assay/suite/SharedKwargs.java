package dev.assay.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.error.AssayException;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.ResultFormat;
import dev.assay.model.RowFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kwargs every expectation shares, read and written here rather than by each type: {@code mostly}
 * (row-by-row kinds only), {@code row_condition} and {@code condition_parser} (types that read rows),
 * {@code result_format} and {@code catch_exceptions}.
 */
final class SharedKwargs {
    static final String MOSTLY = "mostly";
    static final String ROW_CONDITION = "row_condition";
    static final String CONDITION_PARSER = "condition_parser";
    static final String RESULT_FORMAT = "result_format";
    static final String CATCH_EXCEPTIONS = "catch_exceptions";

    /** GX 0.x kwargs accepted and ignored. */
    static final Set<String> IGNORED = Set.of("include_config");

    static final String LEVEL = "result_format";
    static final String PARTIAL_UNEXPECTED_COUNT = "partial_unexpected_count";
    static final String UNEXPECTED_INDEX_COLUMN_NAMES = "unexpected_index_column_names";
    static final String EXCLUDE_UNEXPECTED_VALUES = "exclude_unexpected_values";
    static final List<String> RESULT_FORMAT_KEYS =
            List.of(LEVEL, PARTIAL_UNEXPECTED_COUNT, UNEXPECTED_INDEX_COLUMN_NAMES, EXCLUDE_UNEXPECTED_VALUES);
    static final Map<String, String> UNSUPPORTED_RESULT_FORMAT_KEYS = Map.of(
            "include_unexpected_rows",
            "Assay does not return whole unexpected rows; use 'unexpected_index_column_names' to identify them",
            "return_unexpected_index_query",
            "Assay does not generate queries that select the unexpected rows");

    private SharedKwargs() {}

    /** Parses a row condition; {@link RowFilter#parse} outside tests. */
    @FunctionalInterface
    interface ConditionParser {
        /** The filter for {@code condition}, in the syntax {@code parser} names (or the default). */
        RowFilter parse(String condition, Optional<String> parser);

        ConditionParser DEFAULT = (condition, parser) ->
                parser.isPresent() ? RowFilter.parse(condition, parser.get()) : RowFilter.parse(condition);
    }

    /** The shared kwargs {@code type} takes, in the order they are written. */
    static List<String> keys(ExpectationType type) {
        List<String> keys = new ArrayList<>();
        if (type.kind().isMap()) {
            keys.add(MOSTLY);
        }
        if (type.rowConditionAllowed()) {
            keys.add(ROW_CONDITION);
            keys.add(CONDITION_PARSER);
        }
        keys.add(RESULT_FORMAT);
        keys.add(CATCH_EXCEPTIONS);
        return keys;
    }

    /** Reads the shared kwargs into {@code base}, which holds meta, notes and id. */
    static ExpectationOptions read(
            TreeKwargReader kwargs,
            ExpectationType type,
            ExpectationOptions base,
            ConditionParser conditions,
            Where where) {
        ExpectationOptions options = base;
        if (type.kind().isMap()) {
            Optional<Double> mostly = kwargs.optionalNumber(MOSTLY);
            if (mostly.isPresent()) {
                double m = mostly.get();
                if (!(m >= 0.0 && m <= 1.0)) {
                    throw where.error("kwarg 'mostly' must be between 0 and 1, got " + m);
                }
                options = options.withMostly(m);
            }
        } else if (kwargs.has(MOSTLY)) {
            throw where.error("kwarg 'mostly' applies only to row-by-row expectations "
                    + "(column_map, column_pair_map, multicolumn_map); " + type.name() + " is "
                    + type.kind().gxName());
        } else {
            kwargs.acceptNull(MOSTLY);
        }
        if (type.rowConditionAllowed()) {
            Optional<String> condition = kwargs.optionalString(ROW_CONDITION);
            Optional<String> parser = kwargs.optionalString(CONDITION_PARSER);
            if (condition.isPresent()) {
                try {
                    options = options.withRowFilter(conditions.parse(condition.get(), parser));
                } catch (AssayException e) {
                    throw where.error("kwarg 'row_condition': " + e.getMessage(), e);
                }
            } else if (parser.isPresent()) {
                throw where.error("kwarg 'condition_parser' is set but 'row_condition' is not");
            }
        } else {
            for (String key : List.of(ROW_CONDITION, CONDITION_PARSER)) {
                if (kwargs.has(key)) {
                    throw where.error("kwarg '" + key + "' is not supported: " + type.name() + " does not read rows");
                }
                kwargs.acceptNull(key);
            }
        }
        Optional<JsonNode> format = kwargs.raw(RESULT_FORMAT);
        if (format.isPresent()) {
            options = options.withResultFormat(resultFormat(format.get(), where));
        }
        return options.withCatchExceptions(kwargs.flag(CATCH_EXCEPTIONS, true));
    }

    private static ResultFormat resultFormat(JsonNode node, Where where) {
        if (node.isTextual()) {
            return ResultFormat.of(level(node.textValue(), where));
        }
        if (!node.isObject()) {
            throw where.error("kwarg 'result_format' must be BOOLEAN_ONLY, BASIC, SUMMARY, COMPLETE or an object, got "
                    + JsonTrees.describe(node));
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String why = UNSUPPORTED_RESULT_FORMAT_KEYS.get(e.getKey());
            // false asks for nothing Assay lacks, and GX writes it out by default.
            if (why != null
                    && !(e.getValue().isNull()
                            || e.getValue().isBoolean() && !e.getValue().booleanValue())) {
                throw where.error("kwarg 'result_format." + e.getKey() + "' is not supported: " + why);
            }
        }
        TreeKwargReader dict = new TreeKwargReader((ObjectNode) node, RESULT_FORMAT + ".", where);
        ResultFormat.Level level =
                dict.optionalString(LEVEL).map(l -> level(l, where)).orElse(ResultFormat.Level.BASIC);
        long count = dict.optionalInteger(PARTIAL_UNEXPECTED_COUNT)
                .orElse((long) ResultFormat.DEFAULT_PARTIAL_UNEXPECTED_COUNT);
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw where.error("kwarg 'result_format." + PARTIAL_UNEXPECTED_COUNT + "' must be between 0 and "
                    + Integer.MAX_VALUE + ", got " + count);
        }
        List<String> indexColumns =
                dict.optionalStrings(UNEXPECTED_INDEX_COLUMN_NAMES).orElse(List.of());
        boolean exclude = dict.flag(EXCLUDE_UNEXPECTED_VALUES, false);
        dict.rejectUnknown(UNSUPPORTED_RESULT_FORMAT_KEYS.keySet(), List.of(), true);
        return new ResultFormat(level, (int) count, indexColumns, exclude);
    }

    private static ResultFormat.Level level(String text, Where where) {
        try {
            return ResultFormat.Level.valueOf(text);
        } catch (IllegalArgumentException e) {
            List<String> names =
                    Arrays.stream(ResultFormat.Level.values()).map(Enum::name).toList();
            throw where.error("kwarg 'result_format': '" + text + "' is not a result format"
                    + JsonTrees.suggestion(text, names, "formats"));
        }
    }

    /** Adds the shared options that differ from the defaults, for the kinds that take them. */
    static void write(ExpectationOptions options, ExpectationType type, Map<String, Object> kwargs) {
        if (type.kind().isMap() && options.mostly() < 1.0) {
            kwargs.put(MOSTLY, options.mostly());
        }
        if (type.rowConditionAllowed() && !options.rowFilter().isNone()) {
            kwargs.put(ROW_CONDITION, options.rowFilter().text());
        }
        options.resultFormat().ifPresent(f -> kwargs.put(RESULT_FORMAT, write(f)));
        if (!options.catchExceptions()) {
            kwargs.put(CATCH_EXCEPTIONS, false);
        }
    }

    private static Object write(ResultFormat format) {
        if (format.isPlain()) {
            return format.level().name();
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put(LEVEL, format.level().name());
        if (format.partialUnexpectedCount() != ResultFormat.DEFAULT_PARTIAL_UNEXPECTED_COUNT) {
            dict.put(PARTIAL_UNEXPECTED_COUNT, format.partialUnexpectedCount());
        }
        if (!format.unexpectedIndexColumnNames().isEmpty()) {
            dict.put(UNEXPECTED_INDEX_COLUMN_NAMES, format.unexpectedIndexColumnNames());
        }
        if (format.excludeUnexpectedValues()) {
            dict.put(EXCLUDE_UNEXPECTED_VALUES, true);
        }
        return dict;
    }
}
