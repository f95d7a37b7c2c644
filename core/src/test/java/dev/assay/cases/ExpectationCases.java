package dev.assay.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.source.InMemoryBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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
}
