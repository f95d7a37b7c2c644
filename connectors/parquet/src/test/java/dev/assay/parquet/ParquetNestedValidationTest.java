package dev.assay.parquet;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nested column fails the expectations that need its values, alone; the rest of the suite runs. */
class ParquetNestedValidationTest {
    @TempDir
    Path dir;

    @Test
    void value_expectations_on_a_nested_column_error_alone_and_schema_ones_pass() {
        ParquetFiles writer = ParquetFiles.schema("message m { required int64 id;"
                + " optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }");
        List<Group> rows = new ArrayList<>();
        for (long i = 0; i < 10; i++) {
            Group g = writer.row().append("id", i);
            g.addGroup("tags").addGroup("list").append("element", "t" + i);
            rows.add(g);
        }
        Path file = writer.write(dir.resolve("nested.parquet"), rows);
        ExpectationSuite suite = ExpectationSuite.named("nested")
                .expect(column("tags").exists().notNull())
                .expect(column("id").between(0, 9).unique())
                .expect(table().rowCountEquals(10))
                .build();

        ValidationResult result = Validator.create().validate(ParquetSource.file(file), suite);

        List<ExpectationResult> results = result.results();
        assertThat(results).hasSize(5);
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(1)).isInstanceOf(Errored.class);
        assertThat(((Errored) results.get(1)).message())
                .isEqualTo("column 'tags' is a LIST; Assay reads primitive Parquet columns only");
        assertThat(results.subList(2, 5)).allMatch(ExpectationResult::success);
    }
}
