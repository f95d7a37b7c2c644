package dev.assay.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuckDbSourceTest extends JdbcSourceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.duckdb();
    }

    @Override
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("TINYINT", "int64");
        types.put("SMALLINT", "int64");
        types.put("INTEGER", "int64");
        types.put("BIGINT", "int64");
        types.put("REAL", "float64");
        types.put("DOUBLE", "float64");
        types.put("DECIMAL(10,2)", "decimal(10,2)");
        types.put("VARCHAR", "string");
        types.put("BOOLEAN", "boolean");
        types.put("DATE", "date");
        types.put("TIME", "time");
        types.put("TIMESTAMP", "timestamp");
        types.put("TIMESTAMPTZ", "timestamp_tz");
        types.put("BLOB", "binary");
        types.put("UUID", "string");
        return types;
    }

    @Override
    String syntaxErrorPattern() {
        return "Parser Error: syntax error at or near \"\\)\".*";
    }

    @Override
    boolean reportsNotNull() {
        return false;
    }

    @Test
    void a_timestamp_with_a_time_zone_reads_as_an_instant() {
        checkZonedTimestamp("TIMESTAMP WITH TIME ZONE");
    }

    @Test
    void a_time_reads_as_a_time_of_day() {
        checkTime("TIME");
    }
}
