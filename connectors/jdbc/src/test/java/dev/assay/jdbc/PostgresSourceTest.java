package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.SourceUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = ".+")
class PostgresSourceTest extends JdbcSourceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }

    @Override
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("SMALLINT", "int64");
        types.put("INTEGER", "int64");
        types.put("BIGINT", "int64");
        types.put("REAL", "float64");
        types.put("DOUBLE PRECISION", "float64");
        types.put("NUMERIC(10,2)", "decimal(10,2)");
        types.put("NUMERIC", "float64");
        types.put("VARCHAR(20)", "string");
        types.put("TEXT", "string");
        types.put("BOOLEAN", "boolean");
        types.put("DATE", "date");
        types.put("TIME", "time");
        types.put("TIMESTAMP", "timestamp");
        types.put("TIMESTAMPTZ", "timestamp_tz");
        types.put("BYTEA", "binary");
        types.put("UUID", "string");
        types.put("JSONB", "string");
        return types;
    }

    @Override
    String syntaxErrorPattern() {
        return "ERROR: syntax error at or near \"\\)\".*";
    }

    @Test
    void a_query_with_two_columns_of_one_name_is_rejected() {
        // PostgreSQL, unlike H2 or SQLite, keeps both names in a subquery.
        JdbcAsset asset = source.query("twice", "SELECT 1 AS a, 2 AS a");

        assertThatThrownBy(asset::batch)
                .isInstanceOf(AssayException.class)
                .hasMessage("Query 'twice' has more than one column named 'a'; give each column a unique alias");
    }

    @Test
    void a_view_that_fails_while_read_is_named_with_the_databases_message() {
        String view = TestDatabase.unique("failing");
        db.execute("CREATE VIEW " + db.q(view) + " AS SELECT 1 / (n - 3) AS x FROM generate_series(1, 5) n");
        db.dropLater("DROP VIEW " + db.q(view));

        assertThatThrownBy(() -> Rows.all(source.table(view).batch()))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessage("Cannot read table '" + view + "' in " + db.url + ": ERROR: division by zero");
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
