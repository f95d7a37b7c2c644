package dev.assay.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

class SqliteSourceTest extends JdbcSourceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.sqlite();
    }

    @Override
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("INTEGER", "int64");
        types.put("BIGINT", "int64");
        types.put("REAL", "float64");
        types.put("DOUBLE", "float64");
        types.put("DECIMAL(10,2)", "decimal(10,2)");
        types.put("TEXT", "string");
        types.put("VARCHAR(20)", "string");
        types.put("BOOLEAN", "boolean");
        types.put("DATE", "date");
        types.put("TIMESTAMP", "timestamp");
        types.put("BLOB", "binary");
        return types;
    }

    @Override
    String syntaxErrorPattern() {
        return ".*syntax error.*";
    }

    @Override
    String schemaToCreate() {
        return "main";
    }

    @Override
    String existingSchema() {
        return "main";
    }
}
