package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractLinterTest {
    private static List<String> lint(String objectYaml) {
        return ContractLinter.lint(DataContract.parse(Contracts.withObject(objectYaml), "c.yaml")).stream()
                .map(p -> p.severity() + " " + p)
                .toList();
    }

    @Test
    void a_clean_contract_has_no_problems() {
        assertThat(ContractLinter.lint(Contracts.shop())).isEmpty();
    }

    @Test
    void reports_the_rules_the_fixture_leaves_unexecuted() {
        assertThat(ContractLinter.lint(Contracts.orders()))
                .extracting(p -> p.severity() + " " + p.path())
                .containsExactly(
                        "WARNING schema[0].quality[2]", "WARNING schema[0].quality[3]", "WARNING slaProperties[1]");
    }

    @Test
    void finds_duplicates_types_keys_ranges_units_and_patterns() {
        assertThat(lint("    properties:\n"
                        + "      - name: a\n        logicalType: string\n        primaryKey: true\n"
                        + "      - name: a\n        logicalType: integer\n"
                        + "        logicalTypeOptions:\n          minimum: 10\n          maximum: 5\n"
                        + "      - name: b\n"
                        + "        quality:\n"
                        + "          - metric: nullValues\n            mustBeLessThan: 0\n"
                        + "          - metric: nullValues\n            mustBeGreaterThan: 100\n            unit: percent\n"
                        + "          - metric: nullValues\n            mustBe: 0\n            unit: bytes\n"
                        + "          - metric: invalidValues\n            arguments:\n              pattern: '[a-'\n"
                        + "            mustBe: 0\n"))
                .containsExactly(
                        "ERROR c.yaml:12: schema[0].properties[1].name: property name 'a' is used twice in object 't'"
                                + " (first at schema[0].properties[0])",
                        "ERROR c.yaml:14: schema[0].properties[1].logicalTypeOptions: no value can lie between minimum"
                                + " 10 and maximum 5",
                        "ERROR c.yaml:19: schema[0].properties[2].quality[0]: no count (0 or more) satisfies"
                                + " mustBeLessThan 0; the rule always fails",
                        "ERROR c.yaml:21: schema[0].properties[2].quality[1]: no percent (0 to 100) satisfies"
                                + " mustBeGreaterThan 100; the rule always fails",
                        "ERROR c.yaml:29: schema[0].properties[2].quality[3].arguments.pattern: invalid regular"
                                + " expression '[a-': Illegal character range",
                        "WARNING c.yaml:11: schema[0].properties[0].primaryKey: primary key column 'a' is not marked"
                                + " required: true; a key cannot be null, and Assay checks that it is not",
                        "WARNING c.yaml:17: schema[0].properties[2]: property 'b' has no logicalType or physicalType;"
                                + " its type is not checked",
                        "WARNING c.yaml:26: schema[0].properties[2].quality[2].unit: unit 'bytes' is neither rows nor"
                                + " percent",
                        "WARNING c.yaml:14: schema[0].properties[1].logicalTypeOptions: logicalTypeOptions"
                                + " minimum/maximum will not be executed: it cannot be checked as written: min_value 10"
                                + " must be <= max_value 5",
                        "WARNING c.yaml:24: schema[0].properties[2].quality[2]: library rule 'nullValues' will not be"
                                + " executed: unit 'bytes' is neither rows nor percent",
                        "WARNING c.yaml:27: schema[0].properties[2].quality[3]: quality rule will not be executed: it"
                                + " cannot be checked as written: invalid regex '[a-': Illegal character range near"
                                + " index 3");
    }
}
