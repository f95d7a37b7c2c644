package dev.assay.jdbc;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    @Test
    void a_column_declared_nocase_still_compares_by_code_point_when_pushed_down() {
        String table = TestDatabase.unique("nocase");
        db.execute("CREATE TABLE " + db.q(table) + " (" + db.q("code") + " TEXT COLLATE NOCASE)");
        db.dropLater("DROP TABLE " + db.q(table));
        db.execute("INSERT INTO " + db.q(table) + " VALUES ('a'), ('A'), ('b')");
        JdbcBatch batch = source.table(table).batch();
        ExpectationSuite suite = ExpectationSuite.named("nocase")
                .expect(column("code").inSet("a", "b").unique().maxBetween("b", "b"))
                .build();

        ValidationResult pushed = Validator.create().validate(batch, suite);

        assertThat(pushed.run().engine()).isEqualTo("sql");
        assertThat(pushed.results())
                .isEqualTo(Validator.create().validate(batch.streamed(), suite).results());
        assertThat(pushed.statistics().unsuccessful()).isEqualTo(1); // 'A' is not in the set
    }
}
