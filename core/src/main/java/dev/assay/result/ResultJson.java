package dev.assay.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ResultFormat;
import dev.assay.suite.SuiteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Renders a {@link ValidationResult} as JSON in the shape of GX 1.x's
 * {@code ExpectationSuiteValidationResult}, plus Assay's additions (dimensions, timings, the reason of
 * a failure). Each result's {@code result} object follows its effective {@link ResultFormat}, as GX's
 * does. Values are plain JSON: {@code java.time} values as ISO-8601 text, {@code BigDecimal} as
 * numbers, NaN and infinities as strings. The shape is described field by field in
 * {@code docs/results.md}. Stateless and thread-safe.
 */
public final class ResultJson {
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build()
            .writer(prettyPrinter());
    private static final String VERSION = version();

    private ResultJson() {}

    /**
     * The result as pretty-printed JSON (two-space indentation), without a trailing newline.
     *
     * @param result the result, never null
     * @return the JSON text, never null
     */
    public static String toJson(ValidationResult result) {
        return toJson(result, Map.of());
    }

    /**
     * The result as pretty-printed JSON, with {@code extraMeta} added to its {@code meta} object (such as
     * the checkpoint and run id a stored result carries).
     *
     * @param result the result, never null
     * @param extraMeta fields to add to {@code meta}, in iteration order; values are strings, numbers,
     *     booleans, lists or maps
     * @return the JSON text, never null
     */
    public static String toJson(ValidationResult result, Map<String, ?> extraMeta) {
        requireNonNull(result, "result is null");
        requireNonNull(extraMeta, "extraMeta is null");
        Map<String, Object> tree = tree(result);
        if (!extraMeta.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) tree.get("meta");
            meta.putAll(extraMeta);
        }
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a validation result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON document as plain maps and lists, in field order. */
    static Map<String, Object> tree(ValidationResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", result.success());
        out.put("suite_name", result.suiteName());
        out.put("statistics", statistics(result.statistics()));
        List<Object> results = new ArrayList<>(result.results().size());
        ValidationResult.RunInfo run = result.run();
        for (int i = 0; i < result.results().size(); i++) {
            Map<String, Object> entry = expectationResult(result.results().get(i));
            String source = run.metricsSources().get(i);
            if (source != null) {
                // Computed elsewhere than the engine's own pass (statistics, a database): say where.
                entry.put("metrics_source", source);
            }
            results.add(entry);
        }
        out.put("results", results);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("batch", result.batchName());
        if (result.batchIdentity().isPresent()) {
            dev.assay.source.BatchIdentity id = result.batchIdentity().get();
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("asset", id.asset());
            identity.put("request", id.request());
            identity.put("files", id.files());
            identity.put("groups", id.groups());
            meta.put("batch_identity", plain(identity));
        }
        meta.put("engine", run.engine());
        meta.put("run_started_at", run.startedAt().toString());
        meta.put("elapsed_ms", run.elapsed().toMillis());
        meta.put("scan_elapsed_ms", run.scanElapsed().toMillis());
        meta.put("scans", run.scans());
        meta.put("rows_scanned", run.rowsScanned());
        meta.put("bad_rows", run.badRows());
        if (!run.metricsSources().isEmpty()) {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            run.metricsSources().values().forEach(source -> counts.merge(source, 1, Integer::sum));
            meta.put("metrics_sources", counts);
        }
        if (!run.metrics().isEmpty()) {
            // The named metrics the metric history keeps, so a stored result carries them too.
            meta.put("metrics", new LinkedHashMap<>(run.metrics()));
        }
        meta.put("assay_version", VERSION);
        out.put("meta", meta);
        Map<String, Object> byDimension = new LinkedHashMap<>();
        for (Map.Entry<Dimension, ValidationResult.Statistics> e :
                result.statisticsByDimension().entrySet()) {
            byDimension.put(e.getKey().jsonName(), statistics(e.getValue()));
        }
        out.put("statistics_by_dimension", byDimension);
        return out;
    }

    private static Map<String, Object> statistics(ValidationResult.Statistics s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluated_expectations", s.evaluated());
        out.put("successful_expectations", s.successful());
        out.put("unsuccessful_expectations", s.unsuccessful());
        out.put("success_percent", s.successPercent());
        return out;
    }

    /** One entry of {@code results}. */
    static Map<String, Object> expectationResult(ExpectationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", r.success());
        out.put("expectation_config", config(r.expectation()));
        out.put("result", result(r));
        Map<String, Object> exception = new LinkedHashMap<>();
        if (r instanceof Errored errored) {
            exception.put("raised_exception", true);
            exception.put("exception_message", errored.message());
            exception.put("exception_traceback", errored.traceback());
        } else {
            exception.put("raised_exception", false);
            exception.put("exception_message", null);
            exception.put("exception_traceback", null);
        }
        out.put("exception_info", exception);
        out.put("dimension", r.expectation().type().dimension().jsonName());
        return out;
    }

    private static Map<String, Object> config(Expectation e) {
        ExpectationOptions options = e.options();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", e.type().name());
        out.put("kwargs", plain(SuiteFiles.kwargs(e)));
        out.put("meta", plain(options.meta()));
        options.notes().ifPresent(n -> out.put("notes", n));
        options.id().ifPresent(id -> out.put("id", id));
        return out;
    }

    /** The {@code result} object, as much of it as the result format asks for. */
    private static Map<String, Object> result(ExpectationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        ResultFormat format = r.resultFormat();
        if (r instanceof Errored || !format.includes(ResultFormat.Level.BASIC)) {
            return out;
        }
        ResultDetails details = r.details();
        if (details.counts().isEmpty()) {
            out.put("observed_value", plain(details.observedValue().orElse(null)));
        } else {
            details.observedValue().ifPresent(v -> out.put("observed_value", plain(v)));
            counts(details, format, out);
        }
        if (!details.extra().isEmpty()) {
            out.put("details", plain(details.extra()));
        }
        if (r instanceof Failed failed) {
            out.put("reason", failed.reason());
        }
        return out;
    }

    private static void counts(ResultDetails details, ResultFormat format, Map<String, Object> out) {
        ResultDetails.Counts c = details.counts().orElseThrow();
        long nonMissing = c.nonMissingCount();
        // As GX: percentages are null when there is nothing to take a percentage of.
        Double unexpectedPercent = nonMissing == 0 ? null : c.unexpectedPercent();
        out.put("element_count", c.elementCount());
        out.put("missing_count", c.missingCount());
        out.put("missing_percent", c.elementCount() == 0 ? null : c.missingPercent());
        out.put("unexpected_count", c.unexpectedCount());
        out.put("unexpected_percent", unexpectedPercent);
        out.put("unexpected_percent_total", nonMissing == 0 ? null : c.unexpectedPercentTotal());
        out.put("unexpected_percent_nonmissing", unexpectedPercent);
        boolean values = !format.excludeUnexpectedValues();
        List<Object> partial = head(details.unexpectedValues(), format.partialUnexpectedCount());
        if (values) {
            out.put("partial_unexpected_list", plain(partial));
        }
        if (format.includes(ResultFormat.Level.SUMMARY)) {
            if (values) {
                out.put("partial_unexpected_counts", valueCounts(partial));
            }
            out.put(
                    "partial_unexpected_index_list",
                    plain(head(details.unexpectedIndex(), format.partialUnexpectedCount())));
            if (!format.unexpectedIndexColumnNames().isEmpty()) {
                out.put("unexpected_index_column_names", format.unexpectedIndexColumnNames());
            }
        }
        if (format.includes(ResultFormat.Level.COMPLETE)) {
            if (values) {
                out.put("unexpected_list", plain(details.unexpectedValues()));
            }
            out.put("unexpected_index_list", plain(details.unexpectedIndex()));
            details.unexpectedIndexQuery().ifPresent(q -> out.put("unexpected_index_query", q));
        }
    }

    private static List<Object> head(List<Object> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }

    /** {@code [{"value", "count"}]} over {@code values}, by count descending, then by value. */
    private static List<Object> valueCounts(List<Object> values) {
        Map<Object, Long> counts = new LinkedHashMap<>();
        for (Object v : values) {
            counts.merge(v == null ? NullKey.NULL : v, 1L, Long::sum);
        }
        List<Map.Entry<Object, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<Object, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey, ResultJson::compareValues));
        List<Object> out = new ArrayList<>(entries.size());
        for (Map.Entry<Object, Long> e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", plain(e.getKey() == NullKey.NULL ? null : e.getKey()));
            item.put("count", e.getValue());
            out.add(item);
        }
        return out;
    }

    /** A null-safe key for counting (maps hold null keys, but this reads plainer). */
    private enum NullKey {
        NULL
    }

    /** Nulls first; numbers by value; values of one comparable type naturally; others by their text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == NullKey.NULL || b == NullKey.NULL) {
            return Boolean.compare(a != NullKey.NULL, b != NullKey.NULL);
        }
        if (a instanceof Number x && b instanceof Number y && !(isNonFinite(x) || isNonFinite(y))) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable) a).compareTo(b);
        }
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        return byClass != 0 ? byClass : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static boolean isNonFinite(Number n) {
        return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /**
     * A value made plain JSON: {@code java.time} values as ISO-8601 text, NaN and infinities as strings,
     * bytes as base64, optionals unwrapped, other objects as their text.
     */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? value : String.valueOf(d);
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof java.time.LocalDateTime t) {
            // Always with seconds, so equal instants print alike (toString drops ":00").
            return t.getSecond() == 0 && t.getNano() == 0 ? t + ":00" : t.toString();
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
            return value.toString();
        }
        if (value instanceof Optional<?> optional) {
            return plain(optional.orElse(null));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            for (Object item : collection) {
                out.add(plain(item));
            }
            return out;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Object[] array) {
            return plain(List.of(array));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** The jar's version (manifest, then Maven's pom.properties), or {@code unknown} outside a jar. */
    private static String version() {
        String manifest = ResultJson.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        try (InputStream in = ResultJson.class.getResourceAsStream("/dev/assay/version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // The version is informative only; an unreadable resource is not worth failing a report.
        }
        return "unknown";
    }
}
