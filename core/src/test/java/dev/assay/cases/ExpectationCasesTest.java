package dev.assay.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every engine-neutral case on the Arrow engine, with one split and with many small splits. */
class ExpectationCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-03T12:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> every_case_on_one_split() {
        return cases(Integer.MAX_VALUE, 1);
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_many_splits_and_threads() {
        return cases(3, 4);
    }

    private static Stream<DynamicTest> cases(int rowsPerSplit, int threads) {
        Validator validator = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(threads))
                .withClock(NOW);
        return ExpectationCases.all().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, validator, rowsPerSplit)));
    }

    private static void check(ExpectationCases.Case c, Validator validator, int rowsPerSplit) throws Exception {
        String suiteJson = "{\"name\": \"case\", \"expectations\": [" + JSON.writeValueAsString(c.expectation()) + "]}";
        ExpectationSuite suite = SuiteFiles.parse(suiteJson, SuiteFormat.JSON, c.file());
        ValidationResult result = validator.validate(ExpectationCases.batch(c.dataset(), rowsPerSplit), suite);
        JsonNode json = JSON.readTree(ResultJson.toJson(result)).get("results").get(0);
        if (c.error() != null) {
            assertThat(json.get("exception_info").get("raised_exception").asBoolean())
                    .as("expected an error, got %s", json)
                    .isTrue();
            assertThat(json.get("exception_info").get("exception_message").asText())
                    .contains(c.error());
            return;
        }
        assertThat(json.get("exception_info").get("raised_exception").asBoolean())
                .as("unexpected error: %s", json.get("exception_info"))
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
