package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.cases.ExpectationCases;
import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs every engine-neutral case of core's table on the case dataset loaded into each database, read as a
 * JDBC table through the Arrow engine in record batches of three rows, and checks each result against the
 * case and against the Arrow engine's result on the same data held in memory.
 */
class JdbcExpectationCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-03T12:00:00Z"), ZoneOffset.UTC);
    private static final Validator VALIDATOR =
            Validator.create().withEngine(ArrowEngine.create().withBatchRows(3)).withClock(NOW);
    private static final List<TestDatabase> DATABASES = new ArrayList<>();

    @AfterAll
    static void dropTables() {
        DATABASES.forEach(TestDatabase::close);
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_h2() {
        return cases(TestDatabase.h2());
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_sqlite() {
        return cases(TestDatabase.sqlite());
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_duckdb() {
        return cases(TestDatabase.duckdb());
    }

    @TestFactory
    @EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = ".+")
    Stream<DynamicTest> every_case_on_postgresql() {
        return cases(TestDatabase.postgres());
    }

    @TestFactory
    @EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_ENV, matches = ".+")
    Stream<DynamicTest> every_case_on_mariadb() {
        return cases(TestDatabase.mariadb());
    }

    private static Stream<DynamicTest> cases(TestDatabase db) {
        DATABASES.add(db);
        List<ExpectationCases.Case> all = ExpectationCases.all();
        String table = db.load(all.get(0).dataset(), TestDatabase.unique("trips"));
        JdbcBatch batch = db.source().table(table).named("trips");
        return all.stream().map(c -> DynamicTest.dynamicTest(db.kind + ": " + c, () -> check(c, batch)));
    }

    private static JsonNode run(Validator validator, Batch batch, ExpectationCases.Case c) throws Exception {
        String suiteJson = "{\"name\": \"case\", \"expectations\": [" + JSON.writeValueAsString(c.expectation()) + "]}";
        ExpectationSuite suite = SuiteFiles.parse(suiteJson, SuiteFormat.JSON, c.file());
        ValidationResult result = validator.validate(batch, suite);
        return JSON.readTree(ResultJson.toJson(result)).get("results").get(0);
    }

    private static void check(ExpectationCases.Case c, JdbcBatch batch) throws Exception {
        JsonNode json = run(VALIDATOR, batch, c);
        JsonNode inMemory = run(VALIDATOR, ExpectationCases.batch(c.dataset(), Integer.MAX_VALUE), c);
        assertThat(json.get("success")).as("success, as in memory").isEqualTo(inMemory.get("success"));
        assertThat(json.get("result")).as("result, as in memory").isEqualTo(inMemory.get("result"));
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
