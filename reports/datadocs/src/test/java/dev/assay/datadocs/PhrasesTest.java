package dev.assay.datadocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.expectation.ExpectationCatalog;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PhrasesTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One expectation of every catalog type, as a suite file has it, and the phrase each must read as. */
    private static final String[][] CASES = {
        {"expect_column_values_to_not_be_null", "{\"column\": \"id\"}", "id", "values must not be null"},
        {
            "expect_column_values_to_be_null",
            "{\"column\": \"x\", \"mostly\": 0.9}",
            "x",
            "values must be null, at least 90% of the time"
        },
        {
            "expect_column_proportion_of_non_null_values_to_be_between",
            "{\"column\": \"x\", \"min_value\": 0.95, \"max_value\": 1}",
            "x",
            "the proportion of non-null values must be between 0.95 and 1"
        },
        {
            "expect_column_values_to_be_between",
            "{\"column\": \"passengers\", \"min_value\": 0, \"max_value\": 6, \"mostly\": 0.999}",
            "passengers",
            "values must be between 0 and 6, at least 99.9% of the time"
        },
        {
            "expect_column_min_to_be_between",
            "{\"column\": \"x\", \"min_value\": 1}",
            "x",
            "the minimum must be at least 1"
        },
        {
            "expect_column_max_to_be_between",
            "{\"column\": \"x\", \"max_value\": 10, \"strict_max\": true}",
            "x",
            "the maximum must be less than 10"
        },
        {
            "expect_column_mean_to_be_between",
            "{\"column\": \"fare\", \"min_value\": 5, \"max_value\": 50, \"strict_min\": true}",
            "fare",
            "the mean must be greater than 5 and at most 50"
        },
        {
            "expect_column_median_to_be_between",
            "{\"column\": \"x\", \"min_value\": 2.5, \"max_value\": 3}",
            "x",
            "the median must be between 2.5 and 3"
        },
        {"expect_column_sum_to_be_between", "{\"column\": \"x\", \"min_value\": 0}", "x", "the sum must be at least 0"},
        {
            "expect_column_stdev_to_be_between",
            "{\"column\": \"x\", \"max_value\": 3}",
            "x",
            "the standard deviation must be at most 3"
        },
        {
            "expect_column_quantile_values_to_be_between",
            "{\"column\": \"d\", \"quantile_ranges\": {\"quantiles\": [0.5, 0.95], \"value_ranges\": [[2, 15], [10, null]]}}",
            "d",
            "the 50% quantile between 2 and 15; the 95% quantile at least 10"
        },
        {
            "expect_column_values_to_be_in_set",
            "{\"column\": \"pay\", \"value_set\": [\"CARD\", \"CASH\"]}",
            "pay",
            "values must be one of {\"CARD\", \"CASH\"}"
        },
        {
            "expect_column_values_to_not_be_in_set",
            "{\"column\": \"n\", \"value_set\": [0, -1]}",
            "n",
            "values must not be any of {0, -1}"
        },
        {
            "expect_column_values_to_match_regex",
            "{\"column\": \"code\", \"regex\": \"^B\\\\d{5}$\"}",
            "code",
            "values must match the regular expression ^B\\d{5}$"
        },
        {
            "expect_column_values_to_not_match_regex",
            "{\"column\": \"code\", \"regex\": \"test\"}",
            "code",
            "values must not match the regular expression test"
        },
        {
            "expect_column_value_lengths_to_be_between",
            "{\"column\": \"s\", \"min_value\": 1, \"max_value\": 8}",
            "s",
            "value lengths must be between 1 and 8"
        },
        {
            "expect_column_value_lengths_to_equal",
            "{\"column\": \"s\", \"value\": 5}",
            "s",
            "value lengths must be exactly 5"
        },
        {
            "expect_column_pair_values_a_to_be_greater_than_b",
            "{\"column_A\": \"dropoff\", \"column_B\": \"pickup\", \"or_equal\": true}",
            "dropoff, pickup",
            "dropoff must be greater than or equal to pickup"
        },
        {"expect_column_pair_values_to_be_equal", "{\"column_A\": \"a\", \"column_B\": \"b\"}", "a, b", "a must equal b"
        },
        {"expect_column_values_to_be_unique", "{\"column\": \"id\"}", "id", "values must be unique"},
        {
            "expect_compound_columns_to_be_unique",
            "{\"column_list\": [\"vendor\", \"trip\"]}",
            "vendor, trip",
            "the combination of vendor, trip must be unique"
        },
        {
            "expect_column_unique_value_count_to_be_between",
            "{\"column\": \"v\", \"min_value\": 2, \"max_value\": 4}",
            "v",
            "the number of distinct values must be between 2 and 4"
        },
        {
            "expect_column_proportion_of_unique_values_to_be_between",
            "{\"column\": \"v\", \"min_value\": 0.5}",
            "v",
            "the proportion of unique values must be at least 0.5"
        },
        {
            "expect_column_distinct_values_to_be_in_set",
            "{\"column\": \"v\", \"value_set\": [\"a\", \"b\"]}",
            "v",
            "every distinct value must be one of {\"a\", \"b\"}"
        },
        {
            "expect_column_distinct_values_to_contain_set",
            "{\"column\": \"v\", \"value_set\": [\"a\"]}",
            "v",
            "the distinct values must include {\"a\"}"
        },
        {
            "expect_column_distinct_values_to_equal_set",
            "{\"column\": \"v\", \"value_set\": [1, 2]}",
            "v",
            "the distinct values must be exactly {1, 2}"
        },
        {
            "expect_column_values_to_be_fresh",
            "{\"column\": \"ts\", \"max_age\": \"36h\"}",
            "ts",
            "the newest value must be at most 1 day 12 hours old"
        },
        {
            "expect_table_row_count_to_be_between",
            "{\"min_value\": 100, \"max_value\": 10000}",
            "Table",
            "the row count must be between 100 and 10000"
        },
        {"expect_table_row_count_to_equal", "{\"value\": 3}", "Table", "the row count must be exactly 3"},
        {
            "expect_table_row_count_to_change_by_at_most",
            "{\"max_change\": 0.2, \"max_change_rows\": 1000, \"compared_to\": \"mean_of_last\", \"runs\": 5}",
            "Table",
            "the row count must change by at most 20% and 1000 rows from the mean of the last 5 runs"
        },
        {
            "expect_metric_to_not_be_anomalous",
            "{\"metric\": \"column.null_fraction\", \"column\": \"tip\", \"max_change\": 0.5}",
            "tip",
            "the null fraction must change by at most 50% from the previous run"
        },
        {
            "expect_column_to_exist",
            "{\"column\": \"id\", \"column_index\": 0}",
            "id",
            "the column must exist at position 0"
        },
        {
            "expect_table_columns_to_match_ordered_list",
            "{\"column_list\": [\"id\", \"name\"]}",
            "id, name",
            "the columns must be, in this order: id, name"
        },
        {
            "expect_table_columns_to_match_set",
            "{\"column_set\": [\"id\", \"name\"], \"exact_match\": false}",
            "Table",
            "the columns must include {\"id\", \"name\"}"
        },
        {
            "expect_table_column_count_to_be_between",
            "{\"min_value\": 2, \"max_value\": 5}",
            "Table",
            "the number of columns must be between 2 and 5"
        },
        {"expect_table_column_count_to_equal", "{\"value\": 13}", "Table", "the number of columns must be exactly 13"},
        {
            "expect_column_values_to_be_of_type",
            "{\"column\": \"fare\", \"type_\": \"float64\"}",
            "fare",
            "values must be of type float64"
        },
        {
            "expect_column_values_to_be_in_type_list",
            "{\"column\": \"n\", \"type_list\": [\"int64\", \"float64\"]}",
            "n",
            "values must be of one of the types int64, float64"
        },
        {
            "expect_contract_metric_to_meet_threshold",
            "{\"metric\": \"nullValues\", \"column\": \"tip\", \"unit\": \"percent\", \"mustBeLessOrEqualTo\": 1}",
            "tip",
            "the share of null values must be at most 1%"
        },
    };

    @Test
    void every_catalog_type_reads_in_plain_language_from_the_kwargs_core_writes() throws Exception {
        StringBuilder suite = new StringBuilder("{\"name\": \"all\", \"expectations\": [");
        for (int i = 0; i < CASES.length; i++) {
            suite.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"")
                    .append(CASES[i][0])
                    .append("\", \"kwargs\": ")
                    .append(CASES[i][1])
                    .append('}');
        }
        suite.append("]}");
        ExpectationSuite parsed = SuiteFiles.parse(suite.toString(), SuiteFormat.JSON, "all.json");

        Map<String, String> phrases = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (Expectation e : parsed.expectations()) {
            JsonNode kwargs = JSON.valueToTree(SuiteFiles.kwargs(e));
            phrases.put(e.type().name(), Phrases.phrase(e.type().name(), kwargs));
            groups.put(e.type().name(), Phrases.group(kwargs));
        }

        assertThat(phrases.keySet()).containsExactlyInAnyOrderElementsOf(ExpectationCatalog.names());
        for (String[] c : CASES) {
            assertThat(phrases.get(c[0])).as(c[0]).isEqualTo(c[3]);
            assertThat(groups.get(c[0])).as(c[0] + " group").isEqualTo(c[2]);
        }
    }

    @Nested
    class Options {
        @Test
        void a_row_condition_says_which_rows() throws Exception {
            JsonNode kwargs = JSON.readTree(
                    "{\"column\": \"fare\", \"min_value\": 0, \"row_condition\": \"status <> 'test'\", \"mostly\": 0.95}");

            assertThat(Phrases.phrase("expect_column_values_to_be_between", kwargs))
                    .isEqualTo(
                            "values must be at least 0, at least 95% of the time (only rows where status <> 'test')");
        }

        @Test
        void mostly_of_one_is_not_mentioned() throws Exception {
            JsonNode kwargs = JSON.readTree("{\"column\": \"id\", \"mostly\": 1.0}");

            assertThat(Phrases.phrase("expect_column_values_to_not_be_null", kwargs))
                    .isEqualTo("values must not be null");
        }

        @Test
        void a_long_set_shows_its_first_twenty_values() throws Exception {
            JsonNode kwargs =
                    JSON.readTree("{\"value_set\": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22]}");

            assertThat(Phrases.set(kwargs.get("value_set")))
                    .isEqualTo("{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, … 2 more}");
        }

        @Test
        void a_type_without_a_phrase_reads_as_its_name_and_kwargs() throws Exception {
            JsonNode kwargs = JSON.readTree("{\"column\": \"x\", \"strictly\": true}");

            assertThat(Phrases.phrase("expect_column_values_to_be_increasing", kwargs))
                    .isEqualTo("column values to be increasing (strictly: true)");
        }

        @Test
        void an_unbounded_range_says_so() throws Exception {
            assertThat(Phrases.range(JSON.readTree("{}"))).isEqualTo("anything (no bounds given)");
        }
    }

    @Test
    void percents_keep_three_significant_digits() {
        assertThat(List.of(Texts.percent(66.66666), Texts.percent(0.012345), Texts.percent(100.0), Texts.percent(0)))
                .containsExactly("66.7%", "0.0123%", "100%", "0%");
    }

    @Test
    void contract_metrics_say_what_they_count_and_the_threshold() throws Exception {
        assertThat(
                        Phrases.phrase(
                                "expect_contract_metric_to_meet_threshold",
                                JSON.readTree(
                                        "{\"metric\": \"missingValues\", \"column\": \"s\", \"unit\": \"percent\","
                                                + " \"mustBeBetween\": [0, 2.5], \"mustNotBe\": 1, \"missing_values\": [null, \"N/A\"]}")))
                .isEqualTo("the share of missing values (null or one of {\"N/A\"}) must not be 1% and must be between"
                        + " 0% and 2.5%");
        assertThat(Phrases.phrase(
                        "expect_contract_metric_to_meet_threshold",
                        JSON.readTree("{\"metric\": \"invalidValues\", \"column\": \"s\","
                                + " \"pattern\": \"^[a-z]+$\", \"mustBeLessThan\": 3}")))
                .isEqualTo("the number of values not matching \"^[a-z]+$\" must be less than 3");
        assertThat(Phrases.phrase(
                        "expect_contract_metric_to_meet_threshold",
                        JSON.readTree("{\"metric\": \"invalidValues\", \"column\": \"s\","
                                + " \"valid_values\": [\"x\", 1], \"mustBe\": 0}")))
                .isEqualTo("the number of values not in {\"x\", 1} must be 0");
        JsonNode duplicates = JSON.readTree(
                "{\"metric\": \"duplicateValues\", \"column_list\": [\"a\", \"b\"], \"mustBeLessThan\": 2}");
        assertThat(Phrases.phrase("expect_contract_metric_to_meet_threshold", duplicates))
                .isEqualTo("the number of rows repeating a combination of a, b must be less than 2");
        assertThat(Phrases.group(duplicates)).isEqualTo("a, b");
        JsonNode rows = JSON.readTree(
                "{\"metric\": \"rowCount\", \"mustNotBeBetween\": [10, 20]," + " \"row_condition\": \"a > 1\"}");
        assertThat(Phrases.phrase("expect_contract_metric_to_meet_threshold", rows))
                .isEqualTo("the row count must not be between 10 and 20 (only rows where a > 1)");
        assertThat(Phrases.group(rows)).isEqualTo(Phrases.TABLE);
    }

    @Test
    void anomaly_checks_say_what_they_compare_with() throws Exception {
        assertThat(Phrases.phrase(
                        "expect_metric_to_not_be_anomalous",
                        JSON.readTree("{\"metric\": \"column.mean\", \"column\": \"fare\", \"strategy\": \"z_score\","
                                + " \"runs\": 14, \"threshold\": 3}")))
                .isEqualTo("the mean must be within 3 standard deviations of the last 14 runs");
        assertThat(Phrases.phrase(
                        "expect_table_row_count_to_change_by_at_most", JSON.readTree("{\"max_change_rows\": 500}")))
                .isEqualTo("the row count must change by at most 500 rows from the previous run");
    }
}
