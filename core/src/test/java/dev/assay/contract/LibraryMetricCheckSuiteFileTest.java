package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.Assay;
import dev.assay.error.SuiteFormatException;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code expect_contract_metric_to_meet_threshold} in suite files: written, read back, and refused when wrong. */
class LibraryMetricCheckSuiteFileTest {
    /** One property per library metric the compiler cannot say with a GX expectation, and a rowCount. */
    private static final String CONTRACT = Contracts.withObject(
                    """
                quality:
                  - rule: rowCount
                    mustNotBe: 3
                  - rule: duplicateValues
                    arguments: {properties: [a, s]}
                    mustBeLessThan: 2
                    unit: rows
                properties:
                  - name: a
                    logicalType: integer
                    quality:
                      - rule: nullValues
                        mustBeLessOrEqualTo: 1
                        unit: rows
                      - rule: duplicateValues
                        mustBeLessThan: 50
                        mustBeGreaterThan: 0
                        unit: percent
                  - name: s
                    logicalType: string
                    quality:
                      - rule: missingValues
                        arguments: {missingValues: ['N/A', '']}
                        mustBeLessThan: 40
                        unit: percent
                        dimension: consistency
                      - rule: invalidValues
                        arguments: {pattern: '^[a-z]+$'}
                        mustNotBeBetween: [1, 2]
                      - rule: invalidValues
                        arguments: {validValues: [x, y, 'N/A']}
                        mustBe: 2
                """
                            .indent(4))
            // ODCS 3.0.x (rule: rather than metric:) lets a rule hold several operators; written here out of order.
            .replace("apiVersion: v3.1.0", "apiVersion: v3.0.2");

    /** 5 rows: a has one null and 1 repeated; s has one null, one '', one 'N/A'. */
    private static final Batch BATCH = InMemoryBatch.named("t")
            .column("a", "int64", 1L, 1L, null, 2L, 3L)
            .column("s", "string", "x", "", "N/A", null, "Y")
            .build();

    private static ExpectationSuite compiled() {
        return ContractCompiler.compile(DataContract.parse(CONTRACT, "c.yaml"))
                .suite("t")
                .orElseThrow();
    }

    private static List<Expectation> checks(ExpectationSuite suite) {
        return suite.expectations().stream()
                .filter(e -> e.type().name().equals(LibraryMetricCheck.NAME))
                .toList();
    }

    /** Per check of the suite, in order: success, observed value and dimension. */
    private static List<List<Object>> outcomes(ValidationResult result) {
        return result.results().stream()
                .filter(r -> r.expectation().type().name().equals(LibraryMetricCheck.NAME))
                .map(r -> List.<Object>of(
                        r.success(),
                        r.details()
                                .observedValue()
                                .map(v -> v instanceof BigDecimal d ? d.toPlainString() : v.toString())
                                .orElse("none"),
                        r.expectation().type().dimension()))
                .toList();
    }

    @Nested
    class A_contracts_compiled_suite {
        @Test
        void holds_the_check_for_each_rule_without_a_gx_equivalent() {
            assertThat(checks(compiled())).hasSize(7);
        }

        @Test
        void reads_back_from_json_and_yaml_equal_and_validates_the_same() {
            ExpectationSuite suite = compiled();
            ValidationResult before = Assay.validate(BATCH, suite);

            ExpectationSuite json = SuiteFiles.parse(SuiteFiles.toJson(suite), SuiteFormat.JSON, "t.json");
            ExpectationSuite yaml = SuiteFiles.parse(SuiteFiles.toYaml(suite), SuiteFormat.YAML, "t.yaml");

            assertThat(checks(json)).containsExactlyElementsOf(checks(suite));
            assertThat(checks(yaml)).containsExactlyElementsOf(checks(suite));
            assertThat(outcomes(Assay.validate(BATCH, json))).isEqualTo(outcomes(before));
            assertThat(outcomes(Assay.validate(BATCH, yaml))).isEqualTo(outcomes(before));
            assertThat(outcomes(before))
                    .containsExactly(
                            List.of(true, "1", Dimension.COMPLETENESS),
                            List.of(true, "40", Dimension.UNIQUENESS),
                            List.of(false, "60", Dimension.CONSISTENCY),
                            List.of(true, "3", Dimension.VALIDITY),
                            List.of(true, "2", Dimension.VALIDITY),
                            List.of(true, "5", Dimension.VOLUME),
                            List.of(true, "0", Dimension.UNIQUENESS));
        }

        @Test
        void writes_the_kwargs_a_reader_can_follow() {
            Map<String, Object> kwargs = SuiteFiles.kwargs(checks(compiled()).get(2));

            assertThat(kwargs)
                    .containsExactly(
                            Map.entry("metric", "missingValues"),
                            Map.entry("column", "s"),
                            Map.entry("unit", "percent"),
                            Map.entry("mustBeLessThan", 40L),
                            Map.entry("missing_values", List.of("N/A", "")),
                            Map.entry("dimension", "consistency"));
        }
    }

    /** The message of reading a suite whose only expectation is the check with these kwargs (' for "). */
    private static String error(String kwargs) {
        String json = ("{'name': 's', 'expectations': [{'type': '" + LibraryMetricCheck.NAME + "', 'kwargs': " + kwargs
                        + "}]}")
                .replace('\'', '"');
        Throwable thrown = catchThrowable(() -> SuiteFiles.parse(json, SuiteFormat.JSON, "s.json"));
        assertThat(thrown).isInstanceOf(SuiteFormatException.class);
        return thrown.getMessage().replace("s.json: expectation #1 (" + LibraryMetricCheck.NAME + "): ", "");
    }

    @Nested
    class Reading_refuses {
        @Test
        void an_unknown_metric_or_unit_naming_the_choices() {
            assertThat(error("{'metric': 'nulls', 'column': 'a', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'metric': must be one of [nullValues, missingValues, invalidValues,"
                            + " duplicateValues, rowCount], got 'nulls'");
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'unit': 'row', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'unit': must be rows or percent, got 'row'");
        }

        @Test
        void a_check_without_a_threshold() {
            assertThat(error("{'metric': 'nullValues', 'column': 'a'}"))
                    .isEqualTo("kwarg 'mustBe': a threshold is required: give at least one of [mustBe, mustNotBe,"
                            + " mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo,"
                            + " mustBeBetween, mustNotBeBetween]");
        }

        @Test
        void a_bad_operand_naming_the_operator() {
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBeBetween': [5, 1]}"))
                    .isEqualTo("kwarg 'mustBeBetween': mustBeBetween needs the smaller bound first, got 5 and 1");
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBeBetween': [5]}"))
                    .isEqualTo("kwarg 'mustBeBetween': mustBeBetween takes 2 operands, got [5]");
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBeLessThan': 'ten'}"))
                    .isEqualTo("kwarg 'mustBeLessThan': mustBeLessThan compares numbers, got 'ten'");
        }

        @Test
        void columns_the_metric_does_not_take() {
            assertThat(error("{'metric': 'rowCount', 'column': 'a', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'column': metric rowCount counts the rows of the table and takes no column");
            assertThat(error("{'metric': 'nullValues', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'column': is required for metric nullValues");
            assertThat(error("{'metric': 'nullValues', 'column_list': ['a', 'b'], 'mustBe': 0}"))
                    .isEqualTo("kwarg 'column_list': only metric duplicateValues counts on several columns;"
                            + " nullValues takes one column");
            assertThat(error("{'metric': 'duplicateValues', 'column': 'a', 'column_list': ['a', 'b'], 'mustBe': 0}"))
                    .isEqualTo("kwarg 'column_list': give either column or column_list, not both");
            assertThat(error("{'metric': 'rowCount', 'unit': 'percent', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'unit': metric rowCount is a number of rows; unit percent does not apply");
        }

        @Test
        void arguments_of_another_metric() {
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBe': 0, 'missing_values': ['']}"))
                    .isEqualTo("kwarg 'missing_values': applies only to metric missingValues, not nullValues");
            assertThat(error("{'metric': 'missingValues', 'column': 'a', 'mustBe': 0, 'valid_values': ['x']}"))
                    .isEqualTo("kwarg 'valid_values': applies only to metric invalidValues, not missingValues");
            assertThat(error("{'metric': 'duplicateValues', 'column': 'a', 'mustBe': 0, 'pattern': 'x'}"))
                    .isEqualTo("kwarg 'pattern': applies only to metric invalidValues, not duplicateValues");
        }

        @Test
        void invalid_values_without_exactly_one_of_valid_values_and_pattern() {
            assertThat(error("{'metric': 'invalidValues', 'column': 'a', 'mustBe': 0}"))
                    .isEqualTo("kwarg 'valid_values': metric invalidValues needs either valid_values or pattern"
                            + " (not both)");
            assertThat(
                            error(
                                    "{'metric': 'invalidValues', 'column': 'a', 'mustBe': 0, 'valid_values': ['x'], 'pattern': 'x'}"))
                    .isEqualTo("kwarg 'pattern': metric invalidValues needs either valid_values or pattern (not both)");
            assertThat(error("{'metric': 'invalidValues', 'column': 'a', 'mustBe': 0, 'valid_values': []}"))
                    .isEqualTo("kwarg 'valid_values': must list at least one value");
            assertThat(error("{'metric': 'invalidValues', 'column': 'a', 'mustBe': 0, 'pattern': '(a'}"))
                    .startsWith("kwarg 'pattern': is not a valid regular expression: ");
        }

        @Test
        void an_unknown_dimension_naming_the_choices() {
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBe': 0, 'dimension': 'Completeness'}"))
                    .isEqualTo("kwarg 'dimension': must be one of [completeness, validity, uniqueness, consistency,"
                            + " accuracy, timeliness, volume, schema], got 'Completeness'");
        }

        @Test
        void a_misspelt_operator_with_the_nearest() {
            assertThat(error("{'metric': 'nullValues', 'column': 'a', 'mustBeLesThan': 1}"))
                    .isEqualTo("unknown kwarg 'mustBeLesThan'; did you mean 'mustBeLessThan'?");
        }
    }

    @Test
    void a_check_read_from_a_file_reports_under_its_own_dimension() {
        String json = ("{'name': 's', 'expectations': [{'type': '" + LibraryMetricCheck.NAME
                        + "', 'kwargs': {'metric': 'rowCount', 'mustBeGreaterThan': 3, 'row_condition': 'a > 1'}}]}")
                .replace('\'', '"');
        ExpectationSuite suite = SuiteFiles.parse(json, SuiteFormat.JSON, "s.json");

        ExpectationResult result = Assay.validate(BATCH, suite).results().get(0);

        assertThat(result.expectation().type().dimension()).isEqualTo(Dimension.VOLUME);
        assertThat(result.details().observedValue()).contains(2L);
        assertThat(result.success()).isFalse();
    }
}
