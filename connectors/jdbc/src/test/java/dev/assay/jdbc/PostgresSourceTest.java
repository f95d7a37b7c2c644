package dev.assay.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
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
}
