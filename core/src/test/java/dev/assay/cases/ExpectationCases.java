package dev.assay.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine-neutral expectation cases under {@code src/test/resources/cases}: datasets, expectations
 * and expected results. Every engine's test runs all of them (the SQL engine loads the same datasets
 * into its databases). Shared through the core test jar.
 */
public final class ExpectationCases {
    /** The case files, in order. */
    public static final List<String> FILES = List.of("trips.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectationCases() {}

    /**
     * One case.
     *
     * @param file the case file
     * @param title what the case shows
     * @param dataset the dataset as JSON ({@code name}, {@code columns[{name, type, values}]})
     * @param expectation the expectation as a GX 1.x object
     * @param success the expected success, or null when an error is expected
     * @param result expected fields of the GX {@code result} object, or null
     * @param error a fragment of the expected error message, or null
     */
    public record Case(
            String file,
            String title,
            JsonNode dataset,
            JsonNode expectation,
            Boolean success,
            JsonNode result,
            String error) {
        @Override
        public String toString() {
            return file + ": " + title;
        }
    }

    /** Every case of every file. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            JsonNode root = read(file);
            for (JsonNode c : root.get("cases")) {
                cases.add(new Case(
                        file,
                        c.get("title").asText(),
                        root.get("dataset"),
                        c.get("expectation"),
                        c.has("success") ? c.get("success").asBoolean() : null,
                        c.get("result"),
                        c.has("error") ? c.get("error").asText() : null));
            }
        }
        return cases;
    }

    private static JsonNode read(String file) {
        try (InputStream in = ExpectationCases.class.getResourceAsStream("/cases/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing case file /cases/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset of a case as an in-memory batch, for the Arrow engine. */
    public static InMemoryBatch batch(JsonNode dataset, int rowsPerSplit) {
        InMemoryBatch.Builder builder =
                InMemoryBatch.named(dataset.get("name").asText()).rowsPerSplit(rowsPerSplit);
        for (JsonNode column : dataset.get("columns")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode v : column.get("values")) {
                values.add(
                        v.isNull()
                                ? null
                                : v.isIntegralNumber()
                                        ? v.asLong()
                                        : v.isNumber() ? v.asDouble() : v.isBoolean() ? v.asBoolean() : v.asText());
            }
            builder.column(column.get("name").asText(), column.get("type").asText(), values);
        }
        return builder.build();
    }

    /** Validates {@code batch} against the case's one expectation; returns its entry of the result JSON. */
    public static JsonNode run(Case c, Validator validator, Batch batch) {
        try {
            String suiteJson =
                    "{\"name\": \"case\", \"expectations\": [" + JSON.writeValueAsString(c.expectation()) + "]}";
            ExpectationSuite suite = SuiteFiles.parse(suiteJson, SuiteFormat.JSON, c.file());
            ValidationResult result = validator.validate(batch, suite);
            return JSON.readTree(ResultJson.toJson(result)).get("results").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two engines' result entries for one case agree value for value: equal JSON, except that
     * fractional numbers (means, standard deviations) may differ in the last two or three bits, as the
     * floating-point operations of two engines add up in different orders.
     */
    public static void assertSameResult(JsonNode actual, JsonNode expected) {
        assertThat(actual.get("success")).as("success").isEqualTo(expected.get("success"));
        if (actual.get("result") instanceof com.fasterxml.jackson.databind.node.ObjectNode result
                && !expected.path("result").has("unexpected_index_query")) {
            // Only engines that read where the data lives can say how to list the rows again.
            actual = actual.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) actual.get("result")).remove("unexpected_index_query");
        }
        assertThat(sameValues(actual.get("result"), expected.get("result")))
                .as("result%n  got      %s%n  expected %s", actual.get("result"), expected.get("result"))
                .isTrue();
    }

    private static boolean sameValues(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return x == y || Math.abs(x - y) <= 1e-13 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType() && a.size() == b.size()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!sameValues(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!sameValues(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Asserts that {@code json}, a case's result entry, is what the case expects. */
    public static void check(Case c, JsonNode json) {
        JsonNode exception = json.get("exception_info");
        if (c.error() != null) {
            assertThat(exception.get("raised_exception").asBoolean())
                    .as("expected an error, got %s", json)
                    .isTrue();
            assertThat(exception.get("exception_message").asText()).contains(c.error());
            return;
        }
        assertThat(exception.get("raised_exception").asBoolean())
                .as("unexpected error: %s", exception)
                .isFalse();
        assertThat(json.get("success").asBoolean())
                .as("success of %s", json.get("result"))
                .isEqualTo(c.success());
        if (c.result() == null) {
            return;
        }
        JsonNode actual = json.get("result");
        if (c.result().isEmpty()) {
            assertThat(actual).as("result").isEmpty();
        }
        for (Map.Entry<String, JsonNode> expected : c.result().properties()) {
            JsonNode value = actual.get(expected.getKey());
            if (expected.getValue().isNull()) {
                assertThat(value == null || value.isNull())
                        .as(expected.getKey() + " in " + actual)
                        .isTrue();
            } else if (expected.getValue().isNumber() && value != null && value.isNumber()) {
                assertThat(value.asDouble())
                        .as(expected.getKey() + " in " + actual)
                        .isEqualTo(expected.getValue().asDouble());
            } else {
                assertThat(value).as(expected.getKey() + " in " + actual).isEqualTo(expected.getValue());
            }
        }
    }
}
