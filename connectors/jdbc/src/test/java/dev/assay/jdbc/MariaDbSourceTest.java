package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_ENV, matches = ".+")
class MariaDbSourceTest extends JdbcSourceContract {
    @Override
    TestDatabase open() {
        return TestDatabase.mariadb();
    }

    @Override
    Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("TINYINT", "int64");
        types.put("INT", "int64");
        types.put("BIGINT", "int64");
        types.put("BIGINT UNSIGNED", "decimal(20,0)");
        types.put("DOUBLE", "float64");
        types.put("DECIMAL(10,2)", "decimal(10,2)");
        types.put("VARCHAR(20)", "string");
        types.put("TEXT", "string");
        types.put("BOOLEAN", "boolean");
        types.put("DATE", "date");
        types.put("TIME(6)", "time");
        types.put("DATETIME(6)", "timestamp");
        types.put("VARBINARY(8)", "binary");
        return types;
    }

    @Override
    String syntaxErrorPattern() {
        return ".*You have an error in your SQL syntax.*";
    }

    @Override
    String schemaToCreate() {
        return "test";
    }

    @Override
    String existingSchema() {
        return "test";
    }

    @Override
    String timestampType() {
        return "DATETIME(6)";
    }

    @Test
    void an_unsigned_bigint_reads_as_an_exact_decimal() {
        String table = create(TestDatabase.unique("unsigned"), "n", "BIGINT UNSIGNED");
        db.execute("INSERT INTO " + db.q(table) + " VALUES (18446744073709551615), (0)");

        assertThat(Rows.all(source.table(table).batch()).rows())
                .containsExactly(List.of(new BigDecimal("18446744073709551615")), List.of(BigDecimal.ZERO));
    }

    @Test
    void a_time_reads_as_a_time_of_day() {
        checkTime("TIME(6)");
    }
}
