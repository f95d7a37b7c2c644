package dev.assay.jdbc;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.DataSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables as data assets: batches by day, month, year, value and range, on every database at hand. */
class JdbcAssetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<TestDatabase> OPEN = new ArrayList<>();

    static Stream<String> databases() {
        return SqlPushdownTest.databases();
    }

    @AfterAll
    static void close() {
        OPEN.forEach(TestDatabase::close);
    }

    /** Orders over three days of January and one of February 2024. */
    private static JsonNode orders() {
        ObjectNode dataset = JSON.createObjectNode().put("name", "orders");
        ArrayNode columns = dataset.putArray("columns");
        String[] created = {
            "2024-01-30T09:00", "2024-01-30T23:59:59", "2024-01-31T00:00", "2024-01-31T12:30",
            "2024-01-31T18:00", "2024-02-01T08:00", "2024-02-01T09:00", "2023-12-31T23:00"
        };
        addColumn(columns, "id", "int64", i -> (long) i + 1, created.length);
        addColumn(columns, "created_at", "timestamp", i -> created[i], created.length);
        addColumn(columns, "day", "date", i -> created[i].substring(0, 10), created.length);
        addColumn(columns, "region", "string", i -> i % 2 == 0 ? "eu" : "us", created.length);
        addColumn(columns, "amount", "float64", i -> 10.0 * i, created.length);
        addColumn(columns, "paid", "boolean", i -> i % 3 != 0, created.length);
        return dataset;
    }

    private static void addColumn(
            ArrayNode columns, String name, String type, java.util.function.IntFunction<Object> value, int rows) {
        ArrayNode values =
                columns.addObject().put("name", name).put("type", type).putArray("values");
        for (int i = 0; i < rows; i++) {
            values.addPOJO(value.apply(i));
        }
    }

    private static JdbcAsset orders(String kind) {
        TestDatabase db = TestDatabase.of(kind);
        OPEN.add(db);
        return db.source()
                .table(db.load(orders(), TestDatabase.unique("orders")))
                .named("orders");
    }

    private static long rows(JdbcBatch batch) {
        ValidationResult result = Validator.create()
                .validate(
                        batch,
                        ExpectationSuite.named("count")
                                .expect(table().rowCountBetween(0, 0))
                                .build());
        try {
            return JSON.readTree(ResultJson.toJson(result))
                    .at("/results/0/result/observed_value")
                    .asLong(-1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_request_selects_the_rows_of_a_day_month_year_value_or_range(String kind) {
        JdbcAsset orders = orders(kind);

        assertThat(rows(orders.batch())).isEqualTo(8);
        assertThat(rows(orders.batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31)))))
                .isEqualTo(3);
        assertThat(rows(orders.batch(BatchRequest.partition("created_at", YearMonth.of(2024, 1)))))
                .isEqualTo(5);
        assertThat(rows(orders.batch(BatchRequest.partition("created_at", Year.of(2024)))))
                .isEqualTo(7);
        assertThat(rows(orders.batch(
                        BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1)))))
                .isEqualTo(5);
        assertThat(rows(orders.batch(BatchRequest.partition("day", LocalDate.of(2024, 1, 30)))))
                .isEqualTo(2);
        assertThat(rows(orders.batch(BatchRequest.partition("day", YearMonth.of(2023, 12), YearMonth.of(2024, 1)))))
                .isEqualTo(6);
        assertThat(rows(orders.batch(BatchRequest.partition("region", "eu")))).isEqualTo(4);
        assertThat(rows(orders.batch(BatchRequest.partition("amount", 20, 50)))).isEqualTo(4);
        assertThat(rows(orders.batch(BatchRequest.partition("paid", false)))).isEqualTo(3);
        assertThat(rows(orders.batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31))
                        .and("region", "eu"))))
                .isEqualTo(2);
        assertThat(rows(orders.batch(BatchRequest.partition("created_at", LocalDate.of(2025, 1, 1)))))
                .as("a day without rows is an empty batch")
                .isZero();
        if (!kind.equals("sqlite")) {
            assertThat(rows(orders.batch(BatchRequest.partition("created_at", LocalDateTime.of(2024, 1, 31, 12, 30)))))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_partitioned_asset_lists_its_batches_and_validates_the_latest(String kind) {
        JdbcAsset orders = orders(kind);

        assertThat(orders.partitionedBy("created_at", ChronoUnit.DAYS).availableBatches())
                .containsExactly(
                        BatchRequest.partition("created_at", LocalDate.of(2023, 12, 31)),
                        BatchRequest.partition("created_at", LocalDate.of(2024, 1, 30)),
                        BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31)),
                        BatchRequest.partition("created_at", LocalDate.of(2024, 2, 1)));
        assertThat(orders.partitionedBy("day", ChronoUnit.MONTHS).availableBatches())
                .containsExactly(
                        BatchRequest.partition("day", YearMonth.of(2023, 12)),
                        BatchRequest.partition("day", YearMonth.of(2024, 1)),
                        BatchRequest.partition("day", YearMonth.of(2024, 2)));
        assertThat(orders.partitionedBy("region").availableBatches())
                .containsExactly(BatchRequest.partition("region", "eu"), BatchRequest.partition("region", "us"));
        assertThat(orders.availableBatches()).containsExactly(BatchRequest.all());

        JdbcBatch latest = orders.partitionedBy("created_at", ChronoUnit.MONTHS).latestBatch();
        ValidationResult result = Validator.create()
                .validate(
                        latest,
                        ExpectationSuite.named("latest")
                                .expect(table().rowCountEquals(2))
                                .expect(column("amount").minBetween(50, 50))
                                .build());

        assertThat(result.success()).as(ResultJson.toJson(result)).isTrue();
        assertThat(latest.name()).isEqualTo("orders [created_at=2024-02]");
        assertThat(result.batchIdentity()).hasValueSatisfying(id -> {
            assertThat(id.asset()).isEqualTo("orders");
            assertThat(id.request()).isEqualTo("{created_at=2024-02}");
            assertThat(id.groups()).containsEntry("created_at", "2024-02");
        });
        // A streamed partition reads only its own rows.
        ValidationResult streamed = Validator.create()
                .validate(
                        latest.streamed(),
                        ExpectationSuite.named("latest")
                                .expect(column("amount").minBetween(50, 50))
                                .build());
        assertThat(streamed.run().rowsScanned()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_request_that_does_not_fit_the_table_is_a_configuration_error(String kind) {
        JdbcAsset orders = orders(kind);

        assertThatThrownBy(() -> orders.batch(BatchRequest.partition("created", LocalDate.of(2024, 1, 31))))
                .isInstanceOf(AssayException.class)
                .hasMessageStartingWith("asset 'orders' has no column 'created' to select a batch by (columns: [")
                .hasMessageEndingWith("; did you mean 'created_at'?")
                .extracting(e -> ((AssayException) e).code())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThatThrownBy(() -> orders.batch(BatchRequest.of("created_at", "2024-13")))
                .isInstanceOf(AssayException.class)
                .hasMessageStartingWith("batch request created_at=2024-13 of asset 'orders' does not fit column "
                        + "'created_at' (timestamp): ");
        assertThatThrownBy(() -> orders.batch(BatchRequest.of("amount", "ten")))
                .isInstanceOf(AssayException.class)
                .hasMessageStartingWith("batch request amount=ten of asset 'orders' does not fit column 'amount'");
        assertThatThrownBy(() -> orders.batch(BatchRequest.of("paid", "yes")))
                .hasMessageContaining("'yes' is neither true nor false");
        assertThatThrownBy(() -> orders.partitionedBy("region", ChronoUnit.DAYS).availableBatches())
                .isInstanceOf(AssayException.class)
                .hasMessage("asset 'orders' is partitioned by the days of 'region', which is not a date or timestamp"
                        + " column");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_jdbc_source_is_a_data_source_and_its_tables_are_data_assets(String kind) {
        JdbcAsset orders = orders(kind);
        DataAsset asset = orders;
        TestDatabase other = TestDatabase.of(kind);
        OPEN.add(other);
        DataSource source = other.source();

        assertThat(asset.batch().name()).isEqualTo("orders");
        assertThat(asset.name()).isEqualTo("orders");
        assertThat(source.root()).doesNotContain("password=").isNotBlank();
    }
}
