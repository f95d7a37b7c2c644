package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.contract.DataContract;
import dev.assay.contract.gate.Change.Severity;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractDiffTest {
    private static final String HEAD =
            "apiVersion: v3.1.0\nkind: DataContract\nid: shop\nversion: 1.0.0\nstatus: active\n";

    /** A contract whose object {@code orders} has the property {@code amount} with the given YAML. */
    private static String amount(String yaml) {
        return HEAD + "schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: integer\n"
                + "      - name: amount\n" + yaml;
    }

    private static List<Change> diff(String before, String after) {
        return ContractDiff.diff(
                new ContractVersion("old.yaml", before, DataContract.parse(before, "old.yaml")),
                new ContractVersion("new.yaml", after, DataContract.parse(after, "new.yaml")));
    }

    static Stream<Arguments> propertyChanges() {
        return Stream.of(
                Arguments.of(
                        "string to integer is narrowed",
                        "        logicalType: string\n",
                        "        logicalType: integer\n",
                        Severity.BREAKING,
                        "property 'orders.amount': logicalType narrowed from string to integer"),
                Arguments.of(
                        "number to integer is narrowed",
                        "        logicalType: number\n",
                        "        logicalType: integer\n",
                        Severity.BREAKING,
                        "property 'orders.amount': logicalType narrowed from number to integer"),
                Arguments.of(
                        "integer to number is widened",
                        "        logicalType: integer\n",
                        "        logicalType: number\n",
                        Severity.WARNING,
                        "property 'orders.amount': logicalType widened from integer to number"),
                Arguments.of(
                        "a shorter varchar is narrowed",
                        "        physicalType: varchar(100)\n",
                        "        physicalType: VARCHAR(50)\n",
                        Severity.BREAKING,
                        "property 'orders.amount': narrowed physicalType varchar(100) to VARCHAR(50)"),
                Arguments.of(
                        "a longer varchar is widened",
                        "        physicalType: varchar(50)\n",
                        "        physicalType: varchar(100)\n",
                        Severity.WARNING,
                        "property 'orders.amount': widened physicalType varchar(50) to varchar(100)"),
                Arguments.of(
                        "lower decimal precision is narrowed",
                        "        physicalType: decimal(12,2)\n",
                        "        physicalType: numeric(10,2)\n",
                        Severity.BREAKING,
                        "property 'orders.amount': narrowed physicalType decimal(12,2) to numeric(10,2)"),
                Arguments.of(
                        "int to bigint is widened",
                        "        physicalType: int\n",
                        "        physicalType: bigint\n",
                        Severity.WARNING,
                        "property 'orders.amount': widened physicalType int to bigint"),
                Arguments.of(
                        "optional to required",
                        "        logicalType: number\n",
                        "        logicalType: number\n        required: true\n",
                        Severity.BREAKING,
                        "property 'orders.amount': optional to required"),
                Arguments.of(
                        "required to optional",
                        "        logicalType: number\n        required: true\n",
                        "        logicalType: number\n        required: false\n",
                        Severity.WARNING,
                        "property 'orders.amount': required to optional"),
                Arguments.of(
                        "unique added",
                        "        logicalType: number\n",
                        "        logicalType: number\n        unique: true\n",
                        Severity.BREAKING,
                        "property 'orders.amount': unique added"),
                Arguments.of(
                        "a raised minimum is tightened",
                        "        logicalType: number\n        logicalTypeOptions:\n          minimum: 0\n",
                        "        logicalType: number\n        logicalTypeOptions:\n          minimum: 5\n",
                        Severity.BREAKING,
                        "property 'orders.amount': minimum tightened from 0 to 5"),
                Arguments.of(
                        "a raised maximum is loosened",
                        "        logicalType: number\n        logicalTypeOptions:\n          maximum: 10\n",
                        "        logicalType: number\n        logicalTypeOptions:\n          maximum: 20\n",
                        Severity.WARNING,
                        "property 'orders.amount': maximum loosened from 10 to 20"),
                Arguments.of(
                        "a maxLength added",
                        "        logicalType: string\n",
                        "        logicalType: string\n        logicalTypeOptions:\n          maxLength: 20\n",
                        Severity.BREAKING,
                        "property 'orders.amount': maxLength 20 added"),
                Arguments.of(
                        "a rule's bound moved inward",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBeLessThan: 10\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBeLessThan: 5\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'nullValues mustBeLessThan 5': threshold tightened from"
                                + " mustBeLessThan 10 to mustBeLessThan 5"),
                Arguments.of(
                        "a rule's bound moved outward",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBeBetween: [0, 5]\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBeLessOrEqualTo: 10\n",
                        Severity.WARNING,
                        "property 'orders.amount': rule 'nullValues mustBeLessOrEqualTo 10': threshold loosened from"
                                + " mustBeBetween [0, 5] to mustBeLessOrEqualTo 10"),
                Arguments.of(
                        "mustBe changed",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 1\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'nullValues mustBe 1': threshold changed from mustBe 0 to"
                                + " mustBe 1"),
                Arguments.of(
                        "a rule added on existing data",
                        "        logicalType: number\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'nullValues mustBe 0' added; data written before may not"
                                + " meet it"),
                Arguments.of(
                        "a rule removed",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n",
                        "        logicalType: number\n",
                        Severity.WARNING,
                        "property 'orders.amount': rule 'nullValues mustBe 0' removed (loosened)"),
                Arguments.of(
                        "fewer valid values",
                        "        logicalType: string\n        quality:\n          - metric: invalidValues\n"
                                + "            arguments:\n              validValues: [a, b, c]\n"
                                + "            mustBe: 0\n",
                        "        logicalType: string\n        quality:\n          - metric: invalidValues\n"
                                + "            arguments:\n              validValues: [a, b]\n"
                                + "            mustBe: 0\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'invalidValues mustBe 0': argument validValues tightened"
                                + " from [a, b, c] to [a, b]"),
                Arguments.of(
                        "a warning rule made an error",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n            severity: warning\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n            severity: error\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'nullValues mustBe 0': severity changed from warning to"
                                + " error; a failure now breaks the contract"),
                Arguments.of(
                        "rows to percent is breaking, whatever the numbers",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBe: 0\n",
                        "        logicalType: number\n        quality:\n          - metric: nullValues\n"
                                + "            mustBeLessThan: 1\n            unit: percent\n",
                        Severity.BREAKING,
                        "property 'orders.amount': rule 'nullValues mustBeLessThan 1': unit changed from rows to"
                                + " percent (threshold was mustBe 0)"),
                Arguments.of(
                        "a description changed",
                        "        logicalType: number\n        description: old\n",
                        "        logicalType: number\n        description: new\n",
                        Severity.INFO,
                        "property 'orders.amount': description changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertyChanges")
    void classifies_a_change_of_a_property(
            String title, String before, String after, Severity severity, String message) {
        List<Change> changes = diff(amount(before), amount(after));

        assertThat(changes)
                .extracting(Change::severity, Change::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(severity, message));
    }

    @Nested
    class Structure {
        @Test
        void a_removed_property_is_breaking_and_says_a_rename_is_a_removal() {
            String before = amount("        logicalType: number\n");
            String after = HEAD + "schema:\n  - name: orders\n    properties:\n      - name: id\n"
                    + "        logicalType: integer\n      - name: total\n        logicalType: number\n";

            List<Change> changes = diff(before, after);

            assertThat(changes)
                    .containsExactly(
                            new Change(
                                    "schema[0].properties[1]",
                                    OptionalInt.of(11),
                                    Severity.BREAKING,
                                    "property 'orders.amount' removed (a rename is a removal plus an addition)"),
                            new Change(
                                    "schema[0].properties[1]",
                                    OptionalInt.of(11),
                                    Severity.INFO,
                                    "optional property 'orders.total' added"));
        }

        @Test
        void an_added_required_property_is_breaking() {
            String before = amount("        logicalType: number\n");
            String after = before + "      - name: currency\n        logicalType: string\n        required: true\n";

            assertThat(diff(before, after))
                    .extracting(Change::severity, Change::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            Severity.BREAKING,
                            "required property 'orders.currency' added; data written before lacks it"));
        }

        @Test
        void a_removed_object_is_breaking_and_an_added_one_is_info() {
            String before = amount("        logicalType: number\n");
            String after = HEAD + "schema:\n  - name: invoices\n    properties:\n      - name: id\n"
                    + "        logicalType: integer\n";

            assertThat(diff(before, after))
                    .extracting(Change::severity, Change::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    Severity.BREAKING,
                                    "object 'orders' removed (a rename is a removal plus an addition)"),
                            org.assertj.core.groups.Tuple.tuple(Severity.INFO, "object 'invoices' added"));
        }

        @Test
        void a_changed_physical_name_is_breaking() {
            String before = amount("        logicalType: number\n");
            String after = before.replace("  - name: orders\n", "  - name: orders\n    physicalName: orders_v2\n");

            assertThat(diff(before, after))
                    .extracting(Change::severity, Change::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            Severity.BREAKING,
                            "object 'orders': physicalName changed from 'orders' to 'orders_v2'; readers of 'orders'"
                                    + " break"));
        }

        @Test
        void metadata_and_version_are_info_and_servers_a_warning() {
            String before = amount("        logicalType: number\n")
                    .replace(
                            "status: active\n",
                            "status: active\ntags: [sales]\nservers:\n  - server: db\n"
                                    + "    type: postgres\n    host: a\n    port: 5432\n    database: shop\n    schema: public\n");
            String after = before.replace("version: 1.0.0", "version: 1.1.0")
                    .replace("tags: [sales]", "tags: [sales, orders]")
                    .replace("host: a", "host: b");

            assertThat(diff(before, after))
                    .extracting(Change::severity, Change::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    Severity.INFO, "version changed from '1.0.0' to '1.1.0'"),
                            org.assertj.core.groups.Tuple.tuple(
                                    Severity.WARNING, "server 'db': host changed from 'a' to 'b'"),
                            org.assertj.core.groups.Tuple.tuple(Severity.INFO, "tags changed"));
        }

        @Test
        void identical_versions_have_no_changes() {
            String text = amount("        logicalType: number\n        required: true\n");

            assertThat(diff(text, text)).isEmpty();
        }

        @Test
        void the_model_only_diff_leaves_text_metadata_out() {
            String before = amount("        logicalType: number\n        description: old\n");
            String after = amount("        logicalType: number\n        description: new\n");

            assertThat(ContractDiff.diff(DataContract.parse(before, "a"), DataContract.parse(after, "b")))
                    .isEmpty();
        }
    }
}
