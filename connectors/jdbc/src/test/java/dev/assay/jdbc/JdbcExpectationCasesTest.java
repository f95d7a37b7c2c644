package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.cases.ExpectationCases;
import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    private static void check(ExpectationCases.Case c, JdbcBatch batch) {
        JsonNode json = ExpectationCases.run(c, VALIDATOR, batch);
        JsonNode inMemory = ExpectationCases.run(c, VALIDATOR, ExpectationCases.batch(c.dataset(), Integer.MAX_VALUE));
        assertThat(json.get("success")).as("success, as in memory").isEqualTo(inMemory.get("success"));
        assertThat(json.get("result")).as("result, as in memory").isEqualTo(inMemory.get("result"));
        ExpectationCases.check(c, json);
    }
}
