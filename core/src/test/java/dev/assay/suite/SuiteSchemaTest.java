package dev.assay.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.expectation.ExpectationCatalog;
import dev.assay.model.ExpectationSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SuiteSchemaTest {
    /** The committed schema, relative to the core module (Surefire's working directory). */
    private static final Path COMMITTED = Path.of("../docs/suite.schema.json");

    private static final String REGENERATE =
            "./mvnw -q -o -pl core test -Dtest=SuiteSchemaTest -Dassay.updateSchema=true";

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.properties().forEach(e -> keys.add(e.getKey()));
        return keys;
    }

    private static JsonNode schema() throws IOException {
        return SuiteFiles.JSON_MAPPER.readTree(SuiteSchema.jsonSchema());
    }

    private static List<String> problems(String text, SuiteFormat format) throws IOException {
        JsonNode suite = (format == SuiteFormat.JSON ? SuiteFiles.JSON_MAPPER : SuiteFiles.YAML_MAPPER).readTree(text);
        return new SchemaCheck(schema()).problems(suite);
    }

    @Test
    void the_committed_schema_is_the_generated_one() throws IOException {
        String generated = SuiteSchema.jsonSchema();
        if (Boolean.getBoolean("assay.updateSchema")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }

        assertThat(Files.exists(COMMITTED))
                .as("docs/suite.schema.json is missing; generate it with: " + REGENERATE)
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/suite.schema.json is out of date with the expectation catalog; regenerate it with: "
                        + REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void is_the_same_text_on_every_call() {
        assertThat(SuiteSchema.jsonSchema()).isEqualTo(SuiteSchema.jsonSchema());
    }

    @Nested
    class Describes {
        @Test
        void every_catalog_type_in_one_branch_with_closed_kwargs() throws IOException {
            JsonNode schema = schema();
            List<String> branches = new ArrayList<>();
            schema.at("/$defs/expectation/oneOf")
                    .forEach(b -> branches.add(b.get("$ref").textValue()));

            assertThat(branches)
                    .containsExactlyElementsOf(ExpectationCatalog.names().stream()
                            .map(n -> "#/$defs/" + n)
                            .toList());
            for (String name : ExpectationCatalog.names()) {
                JsonNode kwargs = schema.at("/$defs/" + name + "/properties/kwargs");
                assertThat(kwargs.get("additionalProperties").booleanValue())
                        .as(name)
                        .isFalse();
            }
        }

        @Test
        void the_kwargs_of_a_type_as_its_reader_reads_them() throws IOException {
            JsonNode kwargs = schema().at("/$defs/expect_column_values_to_be_between/properties/kwargs");

            assertThat(keys(kwargs.get("properties")))
                    .containsExactly(
                            "column",
                            "min_value",
                            "max_value",
                            "strict_min",
                            "strict_max",
                            "mostly",
                            "row_condition",
                            "condition_parser",
                            "result_format",
                            "catch_exceptions",
                            "include_config");
            assertThat(kwargs.get("required").toString()).isEqualTo("[\"column\"]");
            assertThat(kwargs.at("/properties/min_value").toString())
                    .isEqualTo("{\"type\":[\"number\",\"string\",\"boolean\",\"null\"]}");
            assertThat(kwargs.at("/properties/strict_min").toString())
                    .isEqualTo("{\"type\":[\"boolean\",\"null\"],\"default\":false}");
        }

        @Test
        void shared_kwargs_by_kind() throws IOException {
            JsonNode schema = schema();

            assertThat(schema.at("/$defs/expect_column_mean_to_be_between/properties/kwargs/properties")
                            .has("mostly"))
                    .isFalse();
            assertThat(schema.at("/$defs/expect_column_to_exist/properties/kwargs/properties")
                            .has("row_condition"))
                    .isFalse();
            assertThat(schema.at("/$defs/expect_column_values_to_be_unique/properties/kwargs/properties")
                            .has("mostly"))
                    .isTrue();
        }

        @Test
        void nested_objects_with_closed_keys() throws IOException {
            JsonNode ranges = schema().at(
                            "/$defs/expect_column_quantile_values_to_be_between/properties/kwargs/properties/quantile_ranges");

            assertThat(keys(ranges.get("properties"))).containsExactly("quantiles", "value_ranges");
            assertThat(ranges.get("additionalProperties").booleanValue()).isFalse();
        }
    }

    @Nested
    class Accepts {
        @Test
        void every_sample_suite() throws IOException {
            for (String name : List.of("gx1-taxi.json", "gx0-taxi.json", "gx1-orders.yaml", "gx0-orders.yml")) {
                Path file = SuiteFilesTest.resource(name);
                SuiteFormat format = SuiteFormat.of(file);

                assertThat(problems(Files.readString(file), format)).as(name).isEmpty();
            }
        }

        @Test
        void a_suite_with_every_type_as_written() throws IOException {
            ExpectationSuite suite = EveryType.suite();

            assertThat(problems(SuiteFiles.toJson(suite), SuiteFormat.JSON)).isEmpty();
        }
    }

    @Nested
    class Refuses {
        @Test
        void a_misspelt_kwarg() throws IOException {
            String suite = "{\"name\": \"s\", \"expectations\": [{\"type\": \"expect_column_values_to_be_between\","
                    + " \"kwargs\": {\"column\": \"a\", \"max_vale\": 6}}]}";

            assertThat(problems(suite, SuiteFormat.JSON))
                    .containsExactly("$.expectations[0]: matches 0 of the oneOf branches, not 1");
        }

        @Test
        void mostly_on_an_aggregate() throws IOException {
            String suite = "name: s\nexpectations:\n  - type: expect_column_mean_to_be_between\n"
                    + "    kwargs: {column: a, min_value: 1, mostly: 0.5}\n";

            assertThat(problems(suite, SuiteFormat.YAML)).hasSize(1);
        }

        @Test
        void a_suite_without_a_name() throws IOException {
            assertThat(problems("{\"expectations\": []}", SuiteFormat.JSON))
                    .containsExactly("$: matches 0 of the oneOf branches, not 1");
        }

        @Test
        void an_unknown_result_format() throws IOException {
            String suite = "name: s\nexpectations:\n  - type: expect_column_values_to_be_unique\n"
                    + "    kwargs: {column: a, result_format: SUMARY}\n";

            assertThat(problems(suite, SuiteFormat.YAML)).hasSize(1);
        }
    }
}
