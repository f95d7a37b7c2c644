package dev.assay.jdbc;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the SQL engine promises beyond the case table, on every database at hand: one aggregate row however
 * large the table, row conditions with the streamed meaning, names and values that look like SQL staying
 * names and values, and suites too large for one statement.
 */
class SqlPushdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validator.create();
    private static final List<TestDatabase> OPEN = new ArrayList<>();

    static Stream<String> databases() {
        List<String> kinds = new ArrayList<>(List.of("h2", "sqlite", "duckdb"));
        if (System.getenv(TestDatabase.POSTGRES_ENV) != null) {
            kinds.add("postgresql");
        }
        if (System.getenv(TestDatabase.MARIADB_ENV) != null) {
            kinds.add("mariadb");
        }
        return kinds.stream();
    }

    private static TestDatabase open(String kind) {
        TestDatabase db = TestDatabase.of(kind);
        OPEN.add(db);
        return db;
    }

    @AfterAll
    static void close() {
        OPEN.forEach(TestDatabase::close);
    }

    /** A dataset of {@code rows} rows: an id, a number with nulls, a word, a flag. */
    private static JsonNode numbers(int rows) {
        ObjectNode dataset = JSON.createObjectNode().put("name", "numbers");
        ArrayNode columns = dataset.putArray("columns");
        addColumn(columns, "id", "int64", rows, i -> i);
        addColumn(columns, "amount", "float64", rows, i -> i % 10 == 0 ? null : (i % 97) * 1.5);
        addColumn(columns, "word", "string", rows, i -> List.of("alpha", "beta", "gamma", "delta")
                .get(i % 4));
        addColumn(columns, "flag", "boolean", rows, i -> i % 3 == 0);
        return dataset;
    }

    private static void addColumn(ArrayNode columns, String name, String type, int rows, IntFunction<Object> value) {
        ObjectNode column = columns.addObject().put("name", name).put("type", type);
        ArrayNode values = column.putArray("values");
        for (int i = 0; i < rows; i++) {
            values.addPOJO(value.apply(i));
        }
    }

    private static final ExpectationSuite PASSING = ExpectationSuite.named("passing")
            .expect(table().rowCountBetween(1, 1_000_000))
            .expect(column("id").notNull().unique().between(0, 1_000_000).minBetween(0, 0))
            .expect(column("amount").between(0, 200).meanBetween(0, 200).sumBetween(0, 1e9))
            .expect(column("amount").nonNullProportionBetween(0.8, 1.0))
            .expect(column("word").inSet("alpha", "beta", "gamma", "delta"))
            .expect(column("word").lengthBetween(4, 5).uniqueValueCountBetween(4, 4))
            .expect(column("word").maxBetween("a", "z"))
            .build();

    @ParameterizedTest
    @MethodSource("databases")
    void the_database_returns_one_aggregate_row_however_large_the_table(String kind) {
        TestDatabase db = open(kind);
        JdbcSource source = db.source();
        String small = db.load(numbers(100), TestDatabase.unique("small"));
        String large = db.load(numbers(20_000), TestDatabase.unique("large"));

        ValidationResult onSmall = VALIDATOR.validate(source.table(small).batch(), PASSING);
        ValidationResult onLarge = VALIDATOR.validate(source.table(large).batch(), PASSING);

        assertThat(onSmall.success()).as(ResultJson.toJson(onSmall)).isTrue();
        assertThat(onLarge.success()).as(ResultJson.toJson(onLarge)).isTrue();
        assertThat(onLarge.run().engine()).isEqualTo("sql");
        // The aggregate, and beside it the grouping that counts repeated ids: one row each, whatever the size.
        assertThat(onLarge.run().scans()).as("queries").isEqualTo(2);
        assertThat(onLarge.run().rowsScanned()).as("rows transferred").isEqualTo(2);
        assertThat(onSmall.run().rowsScanned()).isEqualTo(2);
        assertThat(onLarge.run().metricsSources())
                .hasSize(PASSING.expectations().size())
                .containsValue("sql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_failed_check_fetches_at_most_its_sample_of_rows(String kind) {
        TestDatabase db = open(kind);
        JdbcBatch batch = db.source()
                .table(db.load(numbers(5_000), TestDatabase.unique("failing")))
                .batch();
        ExpectationSuite suite = ExpectationSuite.named("failing")
                .expect(column("amount").between(0, 10)) // most rows break it
                .expect(column("word").notInSet("beta")) // a quarter break it
                .build();

        ValidationResult pushed = VALIDATOR.validate(batch, suite);
        ValidationResult streamed = VALIDATOR.validate(batch.streamed(), suite);

        assertThat(pushed.results()).isEqualTo(streamed.results());
        // One aggregate, then one query per failed check returning at most the BASIC sample of 20 rows.
        assertThat(pushed.run().scans()).isEqualTo(3);
        assertThat(pushed.run().rowsScanned()).isEqualTo(1 + 20 + 20);
        assertThat(streamed.run().rowsScanned()).isEqualTo(5_000);
    }

    /** Rows with edge values for row conditions: case, trailing spaces, LIKE's wildcards, quotes, nulls. */
    private static JsonNode edges() {
        ObjectNode dataset = JSON.createObjectNode().put("name", "edges");
        ArrayNode columns = dataset.putArray("columns");
        List<String> words = java.util.Arrays.asList(
                "a", "A", "a ", "b", "B", "10%", "100", "a_b", "a!b", "it's", "", null, "ab", "Ab", "é", "z");
        int rows = words.size();
        addColumn(columns, "n", "int64", rows, i -> i % 5 == 4 ? null : (long) (i % 7));
        addColumn(columns, "x", "float64", rows, i -> i % 6 == 5 ? null : i * 0.75);
        addColumn(columns, "s", "string", rows, words::get);
        addColumn(columns, "flag", "boolean", rows, i -> i % 4 == 3 ? null : i % 2 == 0);
        addColumn(columns, "d", "date", rows, i -> i % 8 == 7 ? null : "2024-01-0" + (1 + i % 5));
        addColumn(columns, "t", "timestamp", rows, i -> "2024-01-0" + (1 + i % 3) + "T" + (10 + i % 12) + ":30");
        return dataset;
    }

    private static final List<String> CONDITIONS = List.of(
            "n > 2",
            "n >= 2.5",
            "n = 3",
            "n <> 3",
            "n < 1.5",
            "x < 4.5",
            "x >= 3",
            "n > x",
            "n BETWEEN 2 AND 4",
            "n NOT BETWEEN 2 AND 4",
            "n IN (1, 3)",
            "n IN (1, 3, NULL)",
            "n NOT IN (1, 3)",
            "n NOT IN (1, NULL)",
            "s = 'a'",
            "s = 'A'",
            "s = 'a '",
            "s <> 'a'",
            "s > 'B'",
            "s < 'a'",
            "s = 'it''s'",
            "s IN ('a', 'b', 'é')",
            "s LIKE 'a%'",
            "s LIKE 'A%'",
            "s NOT LIKE '_b'",
            "s LIKE '%!%'",
            "s LIKE '10\\%' ESCAPE '\\'",
            "s LIKE 'a\\_b' ESCAPE '\\'",
            "s IS NULL",
            "s IS NOT NULL",
            "flag",
            "NOT flag",
            "flag = false",
            "d >= DATE '2024-01-03'",
            "d = DATE '2024-01-02'",
            "t < TIMESTAMP '2024-01-02 12:00:00'",
            "t >= DATE '2024-01-02'",
            "(n > 1 AND s <> 'z') OR flag",
            "NOT (n > 1 OR s IS NULL)");

    @ParameterizedTest
    @MethodSource("databases")
    void row_conditions_keep_the_rows_the_arrow_engine_keeps(String kind) {
        TestDatabase db = open(kind);
        JdbcBatch batch = db.source()
                .table(db.load(edges(), TestDatabase.unique("edges")))
                .batch();
        ExpectationSuite.Builder builder = ExpectationSuite.named("conditions");
        for (String condition : CONDITIONS) {
            builder.expect(table().rowCountBetween(0, 100).where(RowFilter.parse(condition)));
            builder.expect(column("s").notNull().where(RowFilter.parse(condition)));
        }
        ExpectationSuite suite = builder.build();

        ValidationResult pushed = VALIDATOR.validate(batch, suite);
        ValidationResult streamed = VALIDATOR.validate(batch.streamed(), suite);

        for (int i = 0; i < suite.expectations().size(); i++) {
            ExpectationResult p = pushed.results().get(i);
            assertThat(p).as(CONDITIONS.get(i / 2)).isEqualTo(streamed.results().get(i));
        }
        assertThat(pushed.results()).isEqualTo(streamed.results());
        long inSql = pushed.run().metricsSources().values().stream()
                .filter("sql"::equals)
                .count();
        // SQLite streams LIKE (it ignores case) and conditions on its text dates; everything else is SQL.
        assertThat(inSql)
                .isGreaterThanOrEqualTo(
                        kind.equals("sqlite") ? 50 : suite.expectations().size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void unexpected_rows_are_named_by_the_primary_key_and_listed_by_a_query(String kind) throws Exception {
        TestDatabase db = open(kind);
        String t = TestDatabase.unique("keyed");
        db.execute("CREATE TABLE " + db.q(t) + " (" + db.q("code") + " VARCHAR(10) NOT NULL, " + db.q("line")
                + " BIGINT NOT NULL, " + db.q("v") + " BIGINT, PRIMARY KEY (" + db.q("code") + ", " + db.q("line")
                + "))");
        db.dropLater("DROP TABLE " + db.q(t));
        db.execute("INSERT INTO " + db.q(t) + " VALUES ('a', 1, 5), ('a', 2, 50), ('b', 1, 60), ('b', 2, NULL)");
        JdbcBatch batch = db.source().table(t).batch();
        ExpectationSuite suite = ExpectationSuite.named("keyed")
                .expect(column("v").between(0, 10))
                .build();
        Validator complete = Validator.create().withResultFormat(dev.assay.model.ResultFormat.COMPLETE);

        JsonNode pushed = JSON.readTree(ResultJson.toJson(complete.validate(batch, suite)))
                .at("/results/0/result");
        JsonNode streamed = JSON.readTree(ResultJson.toJson(complete.validate(batch.streamed(), suite)))
                .at("/results/0/result");

        assertThat(batch.rowIdColumns()).containsExactly("code", "line");
        assertThat(pushed.get("unexpected_index_column_names").toString()).isEqualTo("[\"code\",\"line\"]");
        assertThat(pushed.get("unexpected_index_list").toString())
                .isEqualTo("[{\"code\":\"a\",\"line\":2},{\"code\":\"b\",\"line\":1}]");
        assertThat(pushed.get("unexpected_index_query").asText())
                .startsWith("SELECT " + db.q("v") + ", " + db.q("code") + ", " + db.q("line") + " FROM ");
        ((ObjectNode) pushed).remove("unexpected_index_query");
        assertThat(pushed).isEqualTo(streamed);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_suite_too_large_for_one_statement_is_split_within_the_dialects_limits(String kind) {
        TestDatabase db = open(kind);
        JdbcBatch batch = db.source()
                .table(db.load(numbers(50), TestDatabase.unique("wide")))
                .batch();
        ExpectationSuite.Builder builder = ExpectationSuite.named("wide");
        for (int i = 0; i < 1_400; i++) {
            // 1,400 distinct range checks: three select items each, more than any dialect takes at once.
            builder.expect(column("id").between(-i, 1_000_000 + i));
        }
        ExpectationSuite suite = builder.build();

        ValidationResult pushed = VALIDATOR.validate(batch, suite);

        assertThat(pushed.success()).isTrue();
        assertThat(pushed.run().metricsSources()).hasSize(1_400);
        assertThat(pushed.run().metricsSources().values()).containsOnly("sql");
        Dialect dialect = batch.relation().dialect();
        int statements = (3 * 1_400 + dialect.maxSelectItems() - 1) / dialect.maxSelectItems();
        assertThat(pushed.run().scans()).isEqualTo(statements).isGreaterThan(1);
        assertThat(pushed.results())
                .isEqualTo(VALIDATOR.validate(batch.streamed(), suite).results());
    }
}
