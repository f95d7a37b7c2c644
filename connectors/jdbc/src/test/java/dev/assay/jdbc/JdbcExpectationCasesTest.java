package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.cases.ExpectationCases;
import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** H2 spoken to in plain SQL-92, as Assay speaks to a database it does not know. */
    @TestFactory
    Stream<DynamicTest> every_case_on_an_unknown_database() {
        return cases(TestDatabase.h2(), "ansi");
    }

    private static Stream<DynamicTest> cases(TestDatabase db) {
        return cases(db, null);
    }

    private static Stream<DynamicTest> cases(TestDatabase db, String dialect) {
        DATABASES.add(db);
        List<ExpectationCases.Case> all = ExpectationCases.all();
        String table = db.load(all.get(0).dataset(), TestDatabase.unique("trips"));
        JdbcSource source = dialect == null ? db.source() : db.source().withDialect(dialect);
        JdbcBatch batch = source.table(table).named("trips").batch();
        return all.stream().map(c -> DynamicTest.dynamicTest(db.kind + ": " + c, () -> check(c, batch, db)));
    }

    private static final Set<String> TEMPORAL = Set.of("day", "pickup", "dropoff");

    /**
     * Where a case's metrics must be computed: in the database, except what its dialect cannot say exactly,
     * which is streamed; nothing for cases that read no data or fail before computing.
     */
    private static final Set<String> TEXT = Set.of("payment", "code", "empty");

    private static String expectedSource(JdbcBatch batch, ExpectationCases.Case c, JsonNode reference) {
        String type = c.expectation().get("type").asText();
        if (c.error() != null
                || type.contains("_of_type")
                || type.contains("in_type_list")
                || type.contains("column_to_exist")
                || type.startsWith("expect_table_column")) {
            return null;
        }
        Dialect dialect = batch.relation().dialect();
        Set<String> columns = new java.util.HashSet<>();
        c.expectation().get("kwargs").properties().forEach(e -> {
            if (e.getKey().startsWith("column")) {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> columns.add(v.asText()));
                } else {
                    columns.add(e.getValue().asText());
                }
            }
        });
        if (type.equals("expect_contract_metric_to_meet_threshold")) {
            return contractMetricSource(dialect, c, reference, columns);
        }
        if (dialect == Dialect.ANSI) {
            // Text, deviations, medians, quantiles and the samples of failed row checks stream; the rest is SQL.
            String condition =
                    c.expectation().get("kwargs").path("row_condition").asText("");
            boolean rowCheck = (type.startsWith("expect_column_values_to") && !type.contains("fresh"))
                    || type.startsWith("expect_column_pair_values")
                    || type.startsWith("expect_compound_columns");
            boolean samples = reference.at("/result/unexpected_count").asLong(0) > 0
                    && rowCheck
                    && !c.expectation().toString().contains("BOOLEAN_ONLY");
            boolean nullsOnly = type.contains("be_null") || type.contains("non_null");
            boolean streams = (!nullsOnly && columns.stream().anyMatch(TEXT::contains))
                    || TEXT.stream().anyMatch(condition::contains)
                    || type.contains("stdev")
                    || type.contains("median")
                    || type.contains("quantile")
                    || samples;
            return streams ? "arrow" : "sql";
        }
        boolean streams = (dialect == Dialect.SQLITE
                        && (type.contains("regex")
                                || columns.stream().anyMatch(TEMPORAL::contains)
                                || type.contains("median")
                                || type.contains("stdev")
                                || type.contains("quantile")))
                || (dialect == Dialect.MARIADB && (type.contains("median") || type.contains("quantile")));
        return streams ? "arrow" : "sql";
    }

    /**
     * Where a contract metric's counts and its row count are computed: the counts stream as a row check's do
     * (text, or the samples of unexpected rows, in plain SQL; a pattern in SQLite), the row count only when the
     * row condition is on text in plain SQL; each part says where it ran.
     */
    private static String contractMetricSource(
            Dialect dialect, ExpectationCases.Case c, JsonNode reference, Set<String> columns) {
        JsonNode kwargs = c.expectation().get("kwargs");
        String metric = kwargs.path("metric").asText();
        String condition = kwargs.path("row_condition").asText("");
        boolean counts = !metric.equals("rowCount");
        boolean countsStream;
        boolean rowCountStreams;
        if (dialect == Dialect.ANSI) {
            boolean textCondition = TEXT.stream().anyMatch(condition::contains);
            countsStream = (!metric.equals("nullValues") && columns.stream().anyMatch(TEXT::contains))
                    || textCondition
                    || reference.at("/result/unexpected_count").asLong(0) > 0;
            rowCountStreams = textCondition;
        } else {
            countsStream = dialect == Dialect.SQLITE
                    && (kwargs.has("pattern") || columns.stream().anyMatch(TEMPORAL::contains));
            rowCountStreams = false;
        }
        if (!counts || countsStream == rowCountStreams) {
            return rowCountStreams ? "arrow" : "sql";
        }
        return "arrow+sql";
    }

    /** The case through SQL pushdown and streamed, each against the case and the Arrow engine in memory. */
    private static void check(ExpectationCases.Case c, JdbcBatch batch, TestDatabase db) throws SQLException {
        JsonNode inMemory = ExpectationCases.run(c, VALIDATOR, ExpectationCases.batch(c.dataset(), Integer.MAX_VALUE));
        JsonNode pushedDown = ExpectationCases.run(c, VALIDATOR, batch);
        ExpectationCases.assertSameResult(pushedDown, inMemory);
        ExpectationCases.check(c, pushedDown);
        assertThat(pushedDown.path("metrics_source").asText(null))
                .as("where the metrics were computed")
                .isEqualTo(expectedSource(batch, c, inMemory));
        JsonNode query = pushedDown.path("result").path("unexpected_index_query");
        if (!query.isMissingNode()) {
            // The query lists every unexpected row when run as it is written.
            try (Connection connection = DriverManager.getConnection(db.url);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(query.asText())) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                assertThat(n)
                        .as(query.asText())
                        .isEqualTo(pushedDown.at("/result/unexpected_count").asInt());
            }
        } else {
            assertThat(c.expectation().toString().contains("COMPLETE")
                            && "sql".equals(expectedSource(batch, c, inMemory)))
                    .as("a complete result of the SQL engine gives the index query: %s", pushedDown)
                    .isFalse();
        }
        JsonNode streamed = ExpectationCases.run(c, VALIDATOR, batch.streamed());
        ExpectationCases.assertSameResult(streamed, inMemory);
        assertThat(streamed.get("metrics_source"))
                .as("streamed results name no source")
                .isNull();
    }
}
