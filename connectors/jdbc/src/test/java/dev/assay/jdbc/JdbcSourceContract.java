package dev.assay.jdbc;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.engine.Validator;
import dev.assay.engine.arrow.TypeNames;
import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchRequest;
import dev.assay.source.ScanRequest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database must do as a {@link JdbcSource}; one subclass per database says how it spells its
 * types and what its errors say.
 */
abstract class JdbcSourceContract {
    TestDatabase db;
    JdbcSource source;

    /** The test database, opened before each test and closed (its tables dropped) after. */
    abstract TestDatabase open();

    /** Column DDL type → the Assay type name it maps to, for this database's common types. */
    abstract Map<String, String> types();

    /** A pattern the database's message for {@code SELECT 1 +} matches. */
    abstract String syntaxErrorPattern();

    /** A schema to create a table in (created and dropped by the test, or an existing one). */
    String schemaToCreate() {
        return TestDatabase.unique("s");
    }

    @BeforeEach
    void openDatabase() {
        db = open();
        source = db.source();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** Creates {@code table} with the columns {@code name type, ...}; dropped after the test. */
    String create(String table, String... columns) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + db.q(table) + " (");
        for (int i = 0; i < columns.length; i += 2) {
            ddl.append(i == 0 ? "" : ", ").append(db.q(columns[i])).append(' ').append(columns[i + 1]);
        }
        db.execute(ddl.append(')').toString());
        db.dropLater("DROP TABLE " + db.q(table));
        return table;
    }

    private String numbers(int rows) {
        String table = create(TestDatabase.unique("numbers"), "n", "BIGINT", "label", "VARCHAR(20)");
        StringBuilder insert = new StringBuilder("INSERT INTO " + db.q(table) + " VALUES ");
        for (int i = 1; i <= rows; i++) {
            insert.append(i == 1 ? "" : ", ")
                    .append('(')
                    .append(i)
                    .append(", ")
                    .append(i % 3 == 0 ? "NULL" : "'n" + i + "'")
                    .append(')');
        }
        db.execute(insert.toString());
        return table;
    }

    @Test
    void maps_the_common_types_to_arrow() {
        List<String> columns = new ArrayList<>();
        int i = 0;
        for (String type : types().keySet()) {
            columns.add("c" + i++);
            columns.add(type);
        }
        String table = create(TestDatabase.unique("types"), columns.toArray(String[]::new));

        Map<String, String> actual = new LinkedHashMap<>();
        List<Field> fields = source.table(table).batch().schema().fields();
        for (int c = 0; c < fields.size(); c++) {
            actual.put(columns.get(2 * c + 1), TypeNames.of(fields.get(c)));
        }

        assertThat(actual).containsExactlyEntriesOf(types());
    }

    @Test
    void reads_values_of_the_common_types() {
        String table = create(
                TestDatabase.unique("values"),
                "id",
                "BIGINT NOT NULL",
                "name",
                "VARCHAR(50)",
                "fare",
                "DOUBLE PRECISION",
                "day",
                "DATE");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (1, 'it''s \"quoted\"', 2.5, '2024-02-29'),"
                + " (2, NULL, NULL, NULL)");
        JdbcBatch batch = source.table(table).batch();

        assertThat(batch.schema().fields())
                .extracting(Field::isNullable)
                .containsExactly(!reportsNotNull(), true, true, true);
        assertThat(Rows.all(batch).rows())
                .containsExactly(
                        List.of(1L, "it's \"quoted\"", 2.5, LocalDate.of(2024, 2, 29)),
                        Arrays.asList(2L, null, null, null));
    }

    @Test
    void reads_rows_in_batches_of_batch_rows_with_increasing_ordinals() {
        JdbcBatch batch = source.table(numbers(10)).batch();

        Rows rows = Rows.of(batch, List.of("label", "n"), 3);

        assertThat(rows.batchSizes()).containsExactly(3, 3, 3, 1);
        assertThat(rows.rows()).hasSize(10);
        assertThat(rows.rows().get(0)).containsExactly("n1", 1L);
        assertThat(rows.rows().get(2)).containsExactly(null, 3L);
    }

    @Test
    void counts_rows_when_no_column_is_requested() {
        JdbcBatch batch = source.table(numbers(7)).batch();

        assertThat(Rows.of(batch, List.of(), 5).batchSizes()).containsExactly(5, 2);
    }

    @Test
    void an_empty_table_has_no_record_batches() {
        JdbcBatch batch = source.table(create(TestDatabase.unique("empty"), "n", "BIGINT"))
                .batch();

        assertThat(Rows.all(batch).batchSizes()).isEmpty();
    }

    @Test
    void reads_a_query_as_a_batch() {
        String table = numbers(5);
        String n = db.q("n");
        JdbcBatch batch = source.query(
                        "doubled",
                        "SELECT " + n + ", " + n + " * 2 AS " + db.q("twice") + " FROM " + db.q(table) + " WHERE " + n
                                + " > 2 ORDER BY " + n + ";")
                .batch();

        assertThat(batch.name()).isEqualTo("doubled");
        assertThat(batch.isQuery()).isTrue();
        assertThat(batch.schema().columnNames()).containsExactly("n", "twice");
        // SQLite gives an expression no type: it reads as a double there.
        assertThat(Rows.of(batch, List.of("twice"), 100).rows())
                .extracting(row -> ((Number) row.get(0)).longValue())
                .containsExactly(6L, 8L, 10L);
    }

    @Test
    void reads_a_schema_qualified_table() {
        String schema = schemaToCreate();
        if (!schema.equals(existingSchema())) {
            db.execute("CREATE SCHEMA " + db.q(schema));
            db.dropLater("DROP SCHEMA " + db.q(schema));
        }
        String table = TestDatabase.unique("qualified");
        db.execute("CREATE TABLE " + db.q(schema) + "." + db.q(table) + " (n BIGINT)");
        db.dropLater("DROP TABLE " + db.q(schema) + "." + db.q(table));
        db.execute("INSERT INTO " + db.q(schema) + "." + db.q(table) + " VALUES (42)");

        assertThat(Rows.all(source.table(schema + "." + table).batch()).rows()).containsExactly(List.of(42L));
        assertThat(Rows.all(source.table(schema, table).batch()).rows()).containsExactly(List.of(42L));
    }

    /** A schema that exists already, or null when the test creates one. */
    String existingSchema() {
        return null;
    }

    @Test
    void names_that_look_like_sql_injection_are_just_names() {
        String victim = numbers(2);
        String table = "x\"; DROP TABLE " + victim + "; --";
        create(table, "a\"b", "BIGINT", "c`d", "VARCHAR(20)", "e'f", "VARCHAR(20)");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (1, 'x''; DROP TABLE y; --', '\"')");
        JdbcBatch batch = source.table(table).batch();

        assertThat(batch.schema().columnNames()).containsExactly("a\"b", "c`d", "e'f");
        assertThat(Rows.all(batch).rows()).containsExactly(List.of(1L, "x'; DROP TABLE y; --", "\""));
        assertThat(Rows.all(source.table(victim).batch()).rows()).hasSize(2);

        // Pushed down: names are quoted, values bound, in aggregates, samples, conditions and batch requests.
        ExpectationSuite suite = ExpectationSuite.named("injection")
                .expect(column("a\"b").between(0, 10).notNull().unique())
                .expect(column("c`d")
                        .inSet("x'; DROP TABLE y; --", "'); DROP TABLE " + victim + "; --")
                        .lengthBetween(0, 40)
                        .matches("^x'; DROP")
                        .distinctValuesInSet("x'; DROP TABLE y; --"))
                .expect(column("e'f")
                        .notInSet("' OR '1'='1")
                        .where(RowFilter.parse("\"c`d\" <> 'x'' OR ''1''=''1' AND \"a\"\"b\" < 5")))
                .expect(column("c`d").inSet("'; DROP TABLE " + victim + "; --")) // fails: samples are fetched
                .build();
        ValidationResult pushed = Validator.create().validate(batch, suite);
        ValidationResult streamed = Validator.create().validate(batch.streamed(), suite);

        assertThat(pushed.run().engine()).isEqualTo("sql");
        assertThat(pushed.results()).isEqualTo(streamed.results());
        assertThat(pushed.statistics().successful())
                .isEqualTo(suite.expectations().size() - 1);
        JdbcBatch selected = source.table(table).batch(BatchRequest.of("c`d", "x'; DROP TABLE y; --"));
        assertThat(Rows.all(selected).rows()).hasSize(1);
        assertThat(Rows.all(source.table(table).batch(BatchRequest.of("c`d", "x' OR '1'='1")))
                        .rows())
                .isEmpty();
        assertThat(Rows.all(source.table(victim).batch()).rows()).hasSize(2);
    }

    @Test
    void a_missing_table_is_named() {
        JdbcAsset asset = source.table("no_such_table");

        assertThatThrownBy(asset::batch)
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("Table 'no_such_table' not found in " + db.url);
    }

    @Test
    void a_query_with_a_syntax_error_fails_with_the_databases_message_wrapped_once() {
        JdbcAsset asset = source.query("bad", "SELECT 1 +");

        AssayException e = catchThrowableOfType(AssayException.class, asset::batch);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(e).hasMessage("Query 'bad' failed: " + e.getCause().getMessage());
        assertThat(e.getMessage()).matches("(?s)Query 'bad' failed: " + syntaxErrorPattern());
    }

    @Test
    void a_requested_column_that_is_not_there_is_named() {
        JdbcBatch batch = source.table(numbers(1)).named("numbers").batch();

        try (BufferAllocator allocator = new RootAllocator()) {
            assertThatThrownBy(() -> batch.splits(new ScanRequest(List.of("m"), allocator, 10)))
                    .isInstanceOf(ColumnNotFoundException.class)
                    .hasMessage(
                            "Column 'm' not found in dataset 'numbers'; available columns: [n, label]; did you mean 'n'?");
        }
    }

    @Test
    void memory_is_freed_when_reading_fails_after_the_first_batch() {
        JdbcBatch batch = source.table(numbers(50)).batch();
        List<Integer> seen = new ArrayList<>();

        try (BufferAllocator allocator = new RootAllocator()) {
            var split = batch.splits(new ScanRequest(List.of("n", "label"), allocator, 10))
                    .get(0);
            assertThatThrownBy(() -> split.read(b -> {
                        seen.add(b.rowCount());
                        if (seen.size() == 2) {
                            throw new IllegalStateException("sink gave up");
                        }
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("sink gave up");
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(seen).containsExactly(10, 10);
        // The connection was given back in a usable state: the table reads again.
        assertThat(Rows.all(batch).rows()).hasSize(50);
    }

    @Test
    void a_timestamp_reads_as_a_local_timestamp() {
        String table = create(TestDatabase.unique("stamps"), "at", timestampType());
        db.execute("INSERT INTO " + db.q(table) + " VALUES ('2024-01-02 03:04:05.123456')");

        assertThat(Rows.all(source.table(table).batch()).rows())
                .containsExactly(List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)));
    }

    /** False for a driver that says every column of a query may hold nulls (DuckDB). */
    boolean reportsNotNull() {
        return true;
    }

    String timestampType() {
        return "TIMESTAMP";
    }

    @Test
    void a_decimal_reads_exactly() {
        String table = create(TestDatabase.unique("decimals"), "d", "DECIMAL(12,2)");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (1234567890.12), (-0.5)");

        assertThat(Rows.all(source.table(table).batch()).rows())
                .containsExactly(List.of(new BigDecimal("1234567890.12")), List.of(new BigDecimal("-0.50")));
    }

    /** A timestamp with a time zone, of DDL type {@code ddl}, reads as an instant (databases that have one). */
    void checkZonedTimestamp(String ddl) {
        String table = create(TestDatabase.unique("zoned"), "at", ddl);
        db.execute("INSERT INTO " + db.q(table) + " VALUES ('2024-01-02 03:04:05.123456+02:00')");

        assertThat(Rows.all(source.table(table).batch()).rows())
                .containsExactly(List.of(Instant.parse("2024-01-02T01:04:05.123456Z")));
    }

    /** A time of day, of DDL type {@code ddl}, reads as a {@code LocalTime} (databases that have one). */
    void checkTime(String ddl) {
        String table = create(TestDatabase.unique("times"), "t", ddl);
        db.execute("INSERT INTO " + db.q(table) + " VALUES ('13:14:15.25')");

        assertThat(Rows.all(source.table(table).batch()).rows())
                .containsExactly(List.of(LocalTime.of(13, 14, 15, 250_000_000)));
    }

    @Test
    void validates_a_query_through_the_engine() {
        String table = numbers(9);
        JdbcBatch batch = source.query("labels", "SELECT * FROM " + db.q(table)).batch();
        ExpectationSuite suite = ExpectationSuite.named("labels")
                .column("label", c -> c.notNull())
                .build();

        ValidationResult result = Validator.create().validate(batch, suite);

        assertThat(result.success()).isFalse();
        assertThat(result.results()).hasSize(1);
    }
}
