package dev.assay.datadocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.datadocs.internal.ColumnGroup;
import dev.assay.datadocs.internal.DimensionRow;
import dev.assay.datadocs.internal.ExpectationView;
import dev.assay.datadocs.internal.Field;
import dev.assay.store.ResultKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a stored result's JSON (see {@code dev.assay.result.ResultJson}) for its page. Thread-safe. */
final class StoredRuns {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ROW_IDS = 50;

    private StoredRuns() {}

    /** The key of a result's page: its result key under {@code runs/} with {@code .html}. */
    static String page(String resultKey) {
        String rest =
                resultKey.startsWith(ResultKey.PREFIX) ? resultKey.substring(ResultKey.PREFIX.length()) : resultKey;
        return "runs/" + (rest.endsWith(".json") ? rest.substring(0, rest.length() - 5) : rest) + ".html";
    }

    static ParsedRun parse(ResultKey key, String json) throws CorruptResultException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new CorruptResultException("not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (root == null || !root.isObject()) {
            throw new CorruptResultException("not a JSON object");
        }
        JsonNode success = root.get("success");
        if (success == null || !success.isBoolean()) {
            throw new CorruptResultException("field 'success' is missing or not true/false");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new CorruptResultException("field 'results' is missing or not an array");
        }
        JsonNode statistics = root.path("statistics");
        if (!statistics.path("evaluated_expectations").canConvertToInt()
                || !statistics.path("successful_expectations").canConvertToInt()) {
            throw new CorruptResultException(
                    "field 'statistics' lacks the numbers 'evaluated_expectations' and 'successful_expectations'");
        }
        JsonNode meta = root.path("meta");
        Instant time = key.runTime();
        if (meta.hasNonNull("run_started_at")) {
            try {
                time = Instant.parse(meta.get("run_started_at").asText());
            } catch (DateTimeParseException e) {
                throw new CorruptResultException("field 'meta.run_started_at' is not an ISO-8601 instant: '"
                        + meta.get("run_started_at").asText() + "'");
            }
        }
        int evaluated = statistics.get("evaluated_expectations").asInt();
        int successful = statistics.get("successful_expectations").asInt();
        double percent = statistics.path("success_percent").isNumber()
                ? statistics.get("success_percent").asDouble()
                : evaluated == 0 ? 100.0 : 100.0 * successful / evaluated;
        RunSummary summary = new RunSummary(
                key.key(),
                page(key.key()),
                meta.hasNonNull("run_id") ? meta.get("run_id").asText() : key.runId(),
                root.hasNonNull("suite_name") ? root.get("suite_name").asText() : key.suite(),
                meta.hasNonNull("data_asset") ? meta.get("data_asset").asText() : key.asset(),
                meta.hasNonNull("batch_key") ? meta.get("batch_key").asText() : key.batch(),
                time,
                meta.hasNonNull("checkpoint") ? Texts.show(meta.get("checkpoint")) : "",
                success.booleanValue(),
                evaluated,
                successful,
                percent);

        Map<String, List<ExpectationView>> groups = new LinkedHashMap<>();
        List<SuiteLine> suite = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            JsonNode config = r.path("expectation_config");
            if (!config.path("type").isTextual()) {
                throw new CorruptResultException("results[" + i + "].expectation_config.type is missing or not text");
            }
            String type = config.get("type").asText();
            JsonNode kwargs = config.path("kwargs");
            String group = Phrases.group(kwargs);
            String phrase = Phrases.phrase(type, kwargs);
            String dimension = Texts.show(r.path("dimension"));
            suite.add(new SuiteLine(group, phrase, type, dimension));
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(expectation(r, type, phrase, dimension));
        }
        List<ColumnGroup> columnGroups = new ArrayList<>();
        groups.forEach((name, list) -> columnGroups.add(new ColumnGroup(name, list)));

        List<DimensionRow> dimensions = new ArrayList<>();
        root.path("statistics_by_dimension").properties().forEach(e -> {
            JsonNode s = e.getValue();
            dimensions.add(new DimensionRow(
                    e.getKey(),
                    s.path("evaluated_expectations").asInt(),
                    s.path("successful_expectations").asInt(),
                    s.path("unsuccessful_expectations").asInt(),
                    s.path("success_percent").isNumber()
                            ? Texts.percent(s.get("success_percent").asDouble())
                            : ""));
        });

        List<Field> metaFields = new ArrayList<>();
        meta.properties().forEach(e -> {
            if (!e.getKey().equals("batch_identity")) {
                metaFields.add(new Field(e.getKey(), Texts.show(e.getValue())));
            }
        });
        JsonNode identity = meta.path("batch_identity");
        identity.properties().forEach(e -> metaFields.add(new Field("batch " + e.getKey(), Texts.show(e.getValue()))));
        return new ParsedRun(summary, dimensions, columnGroups, metaFields, suite);
    }

    private static ExpectationView expectation(JsonNode r, String type, String phrase, String dimension) {
        JsonNode result = r.path("result");
        JsonNode exception = r.path("exception_info");
        boolean errored = exception.path("raised_exception").asBoolean(false);
        String status = errored ? "error" : r.path("success").asBoolean(false) ? "passed" : "failed";
        String unexpected = "";
        if (result.has("unexpected_count")) {
            long count = result.path("unexpected_count").asLong();
            long nonMissing = result.path("element_count").asLong()
                    - result.path("missing_count").asLong();
            unexpected = count + " of " + nonMissing + " non-null value" + (nonMissing == 1 ? "" : "s");
            JsonNode percent = result.get("unexpected_percent");
            if (percent != null && percent.isNumber()) {
                unexpected += " (" + Texts.percent(percent.asDouble()) + ")";
            }
        }
        String missing = result.has("missing_count")
                ? result.path("missing_count").asLong() + " of "
                        + result.path("element_count").asLong() + " values"
                : "";
        List<String> samples = new ArrayList<>();
        result.path("partial_unexpected_list").forEach(v -> samples.add(Texts.show(v)));
        List<Field> counts = new ArrayList<>();
        result.path("partial_unexpected_counts")
                .forEach(c -> counts.add(new Field(Texts.show(c.path("value")), Texts.show(c.path("count")))));
        List<String> rowIds = new ArrayList<>();
        JsonNode index = result.path("partial_unexpected_index_list");
        for (int i = 0; i < index.size() && i < MAX_ROW_IDS; i++) {
            rowIds.add(Texts.show(index.get(i)));
        }
        List<Field> details = new ArrayList<>();
        result.path("details").properties().forEach(e -> details.add(new Field(e.getKey(), Texts.show(e.getValue()))));
        if (r.hasNonNull("metrics_source")) {
            details.add(new Field("metrics source", Texts.show(r.get("metrics_source"))));
        }
        JsonNode config = r.path("expectation_config");
        return new ExpectationView(
                status,
                phrase,
                type,
                dimension,
                result.has("observed_value") ? Texts.show(result.get("observed_value")) : "",
                unexpected,
                missing,
                samples,
                counts,
                rowIds,
                result.hasNonNull("unexpected_index_query") ? Texts.show(result.get("unexpected_index_query")) : "",
                result.hasNonNull("reason") ? Texts.show(result.get("reason")) : "",
                errored ? Texts.show(exception.path("exception_message")) : "",
                errored && exception.hasNonNull("exception_traceback")
                        ? Texts.show(exception.get("exception_traceback"))
                        : "",
                details,
                config.hasNonNull("notes") ? Texts.show(config.get("notes")) : "");
    }
}
