package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class H2SourceTest extends JdbcSourceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }

    @Override
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("SMALLINT", "int64");
        types.put("INTEGER", "int64");
        types.put("BIGINT", "int64");
        types.put("REAL", "float64");
        types.put("DOUBLE PRECISION", "float64");
        types.put("DECIMAL(10,2)", "decimal(10,2)");
        types.put("NUMERIC(60,2)", "float64");
        types.put("VARCHAR(20)", "string");
        types.put("CHAR(3)", "string");
        types.put("CLOB", "string");
        types.put("BOOLEAN", "boolean");
        types.put("DATE", "date");
        types.put("TIME", "time");
        types.put("TIMESTAMP", "timestamp");
        types.put("TIMESTAMP WITH TIME ZONE", "timestamp_tz");
        types.put("VARBINARY(8)", "binary");
        types.put("UUID", "string");
        return types;
    }

    @Override
    String syntaxErrorPattern() {
        return "Syntax error in SQL statement .*";
    }

    @Test
    void a_table_in_another_case_is_suggested() {
        db.execute("CREATE TABLE PLAIN (N BIGINT)");
        db.dropLater("DROP TABLE PLAIN");

        assertThatThrownBy(() -> source.table("plain").batch().schema())
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("Table 'plain' not found in " + db.url
                        + "; did you mean 'PLAIN'? (names are quoted, so case matters)");
        assertThat(Rows.all(source.table("PLAIN").batch()).rows()).isEmpty();
    }

    @Test
    void a_query_that_fails_mid_read_frees_its_memory() {
        JdbcSource lazy = JdbcSource.of(db.url + ";LAZY_QUERY_EXECUTION=TRUE");
        JdbcBatch batch = lazy.query("divide", "SELECT X, 1 / (X - 25000) AS Y FROM SYSTEM_RANGE(1, 30000)")
                .batch();
        List<Integer> seen = new ArrayList<>();

        try (BufferAllocator allocator = new RootAllocator()) {
            Split split = batch.splits(new ScanRequest(List.of("X", "Y"), allocator, 1000))
                    .get(0);
            assertThatThrownBy(() -> split.read(b -> seen.add(b.rowCount())))
                    .isInstanceOf(AssayException.class)
                    .hasMessageStartingWith("Query 'divide' failed: Division by zero");
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }

    @Test
    void reads_through_a_data_source_and_through_a_jdbi() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(db.url);
        String table = create(TestDatabase.unique("pooled"), "n", "BIGINT");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (7)");

        assertThat(Rows.all(JdbcSource.of(dataSource).table(table).batch()).rows())
                .containsExactly(List.of(7L));
        assertThat(Rows.all(JdbcSource.of(Jdbi.create(dataSource)).table(table).batch())
                        .rows())
                .containsExactly(List.of(7L));
        assertThat(JdbcSource.of(dataSource)).hasToString("JdbcSource[a DataSource (org.h2.jdbcx.JdbcDataSource)]");
    }

    @Test
    void a_wrong_password_is_the_drivers_message_without_the_password() {
        String url = "jdbc:h2:mem:" + TestDatabase.unique("secured") + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "owner", "right-horse")) {
            JdbcSource source = JdbcSource.of(url, "owner", "wrong-horse");

            assertThatThrownBy(() -> source.table("T").batch().schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("Cannot connect to " + url + ": Wrong user name or password [28000-252]");
            owner.createStatement().execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reads_over_connections_that_start_without_auto_commit() {
        String table = create(TestDatabase.unique("manual"), "n", "BIGINT");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (1), (2)");
        JdbcBatch batch = JdbcSource.of(db.url + ";AUTOCOMMIT=OFF").table(table).batch();

        assertThat(Rows.all(batch).rows()).containsExactly(List.of(1L), List.of(2L));
        assertThat(Rows.all(batch).rows()).hasSize(2);
    }

    @Test
    void a_timestamp_with_a_time_zone_reads_as_an_instant() {
        checkZonedTimestamp("TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void a_time_reads_as_a_time_of_day() {
        checkTime("TIME(6)");
    }
}
