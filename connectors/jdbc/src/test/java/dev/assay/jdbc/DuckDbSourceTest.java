package dev.assay.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

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

    @Override
    String timeType() {
        return "TIME";
    }
}
