package dev.assay.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.InvalidExpectationException;
import dev.assay.error.SuiteFormatException;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every way a suite file can be wrong, with the whole message. Quotes in the inputs are written as '. */
class SuiteFilesErrorTest {
    private static final String FILE = "suites/trips.json";
    private static final String VALID =
            "{'type': 'expect_column_values_to_not_be_null', 'kwargs': {'column': 'trip_id'}}";

    /** The message of reading {@code json} (with ' for "), asserting it is a SuiteFormatException. */
    private static String error(String json) {
        return error(json.replace('\'', '"'), SuiteFormat.JSON, FILE);
    }

    private static String error(String text, SuiteFormat format, String source) {
        Throwable thrown = catchThrowable(() -> SuiteFiles.parse(text, format, source));
        assertThat(thrown).isInstanceOf(SuiteFormatException.class);
        assertThat(((AssayException) thrown).code()).isEqualTo(ErrorCode.INVALID_SUITE);
        return thrown.getMessage();
    }

    /** A suite whose third expectation is {@code expectation}. */
    private static String third(String expectation) {
        return "{'name': 'trips', 'expectations': [" + VALID + ", " + VALID + ", " + expectation + "]}";
    }

    /** A suite whose only expectation has this type and kwargs. */
    private static String kwargs(String type, String kwargs) {
        return "{'name': 'trips', 'expectations': [{'type': '" + type + "', 'kwargs': " + kwargs + "}]}";
    }

    @Nested
    class Malformed_text {
        @Test
        void json_names_line_and_column() {
            assertThat(error("{\"name\": \"trips\",\n  \"expectations\": ]\n}", SuiteFormat.JSON, FILE))
                    .isEqualTo("suites/trips.json: malformed JSON at line 2, column 19: Unexpected character (']'"
                            + " (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null',"
                            + " 'true' or 'false')");
        }

        @Test
        void yaml_names_line_and_column_and_the_problem() {
            assertThat(error("name: trips\nexpectations:\n  - type: x\n kwargs: {}\n", SuiteFormat.YAML, "s.yaml"))
                    .isEqualTo("s.yaml: malformed YAML at line 4, column 2: expected <block end>, but found"
                            + " '<block mapping start>'");
        }

        @Test
        void a_duplicate_key_is_refused() {
            assertThat(error("name: a\nname: b\nexpectations: []\n", SuiteFormat.YAML, "s.yaml"))
                    .isEqualTo("s.yaml: malformed YAML at line 2, column 5: Duplicate field 'name'");
        }

        @Test
        void trailing_content_is_refused() {
            assertThat(error("{\"name\": \"a\", \"expectations\": []} {}", SuiteFormat.JSON, FILE))
                    .isEqualTo("suites/trips.json: malformed JSON at line 1, column 35: more content after the end"
                            + " of the suite (one suite per file)");
        }

        @Test
        void a_second_yaml_document_is_refused() {
            assertThat(error("name: a\nexpectations: []\n---\nname: b\n", SuiteFormat.YAML, "s.yaml"))
                    .isEqualTo("s.yaml: malformed YAML at line 4, column 1: more content after the end of the suite"
                            + " (one suite per file)");
        }

        @Test
        void an_empty_file_is_refused() {
            assertThat(error("# nothing yet\n", SuiteFormat.YAML, "s.yaml"))
                    .isEqualTo("s.yaml: the file is empty; a suite needs 'name' and 'expectations'");
        }
    }

    @Nested
    class The_suite {
        @Test
        void must_be_an_object() {
            assertThat(error("[]"))
                    .isEqualTo(
                            "suites/trips.json: a suite must be an object with 'name' and 'expectations', got a list");
        }

        @Test
        void names_a_misspelt_key_with_the_nearest() {
            assertThat(error("{'nmae': 'trips', 'expectations': []}"))
                    .isEqualTo("suites/trips.json: unknown key 'nmae'; did you mean 'name'?");
        }

        @Test
        void lists_the_valid_keys_when_none_is_near() {
            assertThat(error("{'name': 'trips', 'expectations': [], 'owner': 'me'}"))
                    .isEqualTo("suites/trips.json: unknown key 'owner'; valid keys are name, expectation_suite_name,"
                            + " expectations, meta");
        }

        @Test
        void needs_a_name() {
            assertThat(error("{'expectations': []}"))
                    .isEqualTo("suites/trips.json: missing 'name' (or 'expectation_suite_name' in GX 0.x files)");
        }

        @Test
        void takes_one_name_only() {
            assertThat(error("{'name': 'a', 'expectation_suite_name': 'b', 'expectations': []}"))
                    .isEqualTo("suites/trips.json: both 'name' (GX 1.x) and 'expectation_suite_name' (GX 0.x) are"
                            + " set; keep one");
        }

        @Test
        void needs_a_non_blank_name() {
            assertThat(error("{'name': ' ', 'expectations': []}"))
                    .isEqualTo("suites/trips.json: 'name' must be the suite name, a non-empty string, got the string"
                            + " ' '");
        }

        @Test
        void needs_expectations() {
            assertThat(error("{'name': 'trips'}"))
                    .isEqualTo("suites/trips.json: missing 'expectations' (a list, possibly empty)");
        }

        @Test
        void needs_a_list_of_expectations() {
            assertThat(error("{'name': 'trips', 'expectations': {}}"))
                    .isEqualTo("suites/trips.json: 'expectations' must be a list, got an object");
        }

        @Test
        void needs_meta_to_be_an_object() {
            assertThat(error("{'name': 'trips', 'expectations': [], 'meta': 'x'}"))
                    .isEqualTo("suites/trips.json: 'meta' must be an object, got the string 'x'");
        }

        @Test
        void refuses_suite_parameters() {
            assertThat(error("{'name': 'trips', 'expectations': [], 'suite_parameters': {'max': 5}}"))
                    .isEqualTo("suites/trips.json: 'suite_parameters' is not supported: Assay does not substitute"
                            + " suite parameters; write the values into the kwargs");
        }
    }

    @Nested
    class An_expectation {
        @Test
        void must_be_an_object() {
            assertThat(error(third("'x'")))
                    .isEqualTo("suites/trips.json: expectation #3: an expectation must be an object with 'type' and"
                            + " 'kwargs', got the string 'x'");
        }

        @Test
        void needs_a_type() {
            assertThat(error(third("{'kwargs': {}}")))
                    .isEqualTo("suites/trips.json: expectation #3: missing 'type' (or 'expectation_type' in GX 0.x"
                            + " files)");
        }

        @Test
        void names_a_misspelt_type_key() {
            assertThat(error(third("{'typ': 'expect_column_values_to_be_unique', 'kwargs': {}}")))
                    .isEqualTo("suites/trips.json: expectation #3: unknown key 'typ'; did you mean 'type'?");
        }

        @Test
        void takes_one_type_only() {
            assertThat(error(third("{'type': 'a', 'expectation_type': 'b'}")))
                    .isEqualTo("suites/trips.json: expectation #3: both 'type' (GX 1.x) and 'expectation_type' (GX"
                            + " 0.x) are set; keep one");
        }

        @Test
        void names_an_unknown_type_with_the_nearest() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_nul', 'kwargs': {'column': 'a'}}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_nul): unknown"
                            + " expectation type 'expect_column_values_to_be_nul'; did you mean"
                            + " 'expect_column_values_to_be_null'?");
        }

        @Test
        void points_to_the_catalog_for_a_type_that_is_nowhere_near() {
            assertThat(error(third("{'type': 'expect_magic', 'kwargs': {}}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_magic): unknown expectation type"
                            + " 'expect_magic'; docs/expectations.md lists the types Assay knows");
        }

        @Test
        void names_a_misspelt_key_with_the_nearest() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_unique', 'kwarg': {'column': 'a'}}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_unique): unknown key"
                            + " 'kwarg'; did you mean 'kwargs'?");
        }

        @Test
        void needs_kwargs_to_be_an_object() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_unique', 'kwargs': ['a']}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_unique): 'kwargs' must"
                            + " be an object, got a list");
        }

        @Test
        void needs_notes_to_be_text() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_unique', 'kwargs': {'column': 'a'},"
                            + " 'notes': 5}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_unique): 'notes' must"
                            + " be a string or a list of strings, got the number 5");
        }

        @Test
        void needs_the_id_to_be_a_string() {
            assertThat(error(third(
                            "{'type': 'expect_column_values_to_be_unique', 'kwargs': {'column': 'a'}," + " 'id': 7}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_unique): 'id' must be"
                            + " a string, got the number 7");
        }

        @Test
        void needs_meta_to_be_an_object() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_unique', 'kwargs': {'column': 'a'},"
                            + " 'meta': [1]}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_unique): 'meta' must"
                            + " be an object, got a list");
        }
    }

    @Nested
    class Kwargs {
        @Test
        void name_a_misspelt_kwarg_with_the_nearest() {
            assertThat(error(third("{'type': 'expect_column_values_to_be_between',"
                            + " 'kwargs': {'column': 'passenger_count', 'min_value': 0, 'max_vale': 6}}")))
                    .isEqualTo("suites/trips.json: expectation #3 (expect_column_values_to_be_between): unknown kwarg"
                            + " 'max_vale'; did you mean 'max_value'?");
        }

        @Test
        void report_a_misspelt_required_kwarg_as_misspelt_not_missing() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'colum': 'a'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): unknown kwarg"
                            + " 'colum'; did you mean 'column'?");
        }

        @Test
        void list_the_valid_kwargs_when_none_is_near() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'severity': 'high'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): unknown kwarg"
                            + " 'severity'; valid kwargs are column, mostly, row_condition, condition_parser,"
                            + " result_format, catch_exceptions, include_config");
        }

        @Test
        void refuse_an_unknown_kwarg_even_when_null() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'mostli': null}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): unknown kwarg"
                            + " 'mostli'; did you mean 'mostly'?");
        }

        @Test
        void say_where_meta_belongs() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'meta': {}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg 'meta' is"
                            + " not read inside kwargs; put meta beside 'kwargs', at the expectation level");
        }

        @Test
        void need_the_required_ones() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): missing required"
                            + " kwarg 'column'");
        }

        @Test
        void read_null_as_absent() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': null}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): missing required"
                            + " kwarg 'column'");
        }

        @Test
        void must_have_the_right_type() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 5}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg 'column'"
                            + " must be a string, got the number 5");
            assertThat(error(kwargs("expect_column_values_to_be_between", "{'column': 'a', 'min_value': {}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_between): kwarg"
                            + " 'min_value' must be a number, string or boolean, got an object");
            assertThat(error(kwargs(
                            "expect_column_values_to_be_between",
                            "{'column': 'a', 'min_value': 1, 'strict_min': 'yes'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_between): kwarg"
                            + " 'strict_min' must be true or false, got the string 'yes'");
            assertThat(error(kwargs("expect_table_row_count_to_equal", "{'value': 12.5}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_table_row_count_to_equal): kwarg 'value'"
                            + " must be a whole number, got the number 12.5");
            assertThat(error(kwargs("expect_column_values_to_be_in_set", "{'column': 'a', 'value_set': 'CARD'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_in_set): kwarg"
                            + " 'value_set' must be a list of numbers, strings or booleans, got the string 'CARD'");
        }

        @Test
        void must_have_list_items_of_the_right_type() {
            assertThat(error(kwargs("expect_compound_columns_to_be_unique", "{'column_list': ['a', 5]}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_compound_columns_to_be_unique): kwarg"
                            + " 'column_list' must be a list of strings, but item 2 is the number 5");
            assertThat(error(kwargs("expect_column_values_to_be_in_set", "{'column': 'a', 'value_set': [1, [2]]}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_in_set): kwarg"
                            + " 'value_set' must be a list of numbers, strings or booleans, but item 2 is a list");
        }

        @Test
        void refuse_integers_beyond_64_bits() {
            assertThat(error(kwargs("expect_table_row_count_to_equal", "{'value': 123456789012345678901}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_table_row_count_to_equal): kwarg 'value':"
                            + " 123456789012345678901 is too large for a 64-bit integer");
        }

        @Test
        void name_nested_keys_with_their_path() {
            assertThat(error(kwargs(
                            "expect_column_quantile_values_to_be_between",
                            "{'column': 'a', 'quantile_ranges': {'quantile': [0.5], 'value_ranges': [[1, 2]]}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_quantile_values_to_be_between):"
                            + " unknown kwarg 'quantile_ranges.quantile'; did you mean 'quantile_ranges.quantiles'?");
            assertThat(error(kwargs(
                            "expect_column_quantile_values_to_be_between",
                            "{'column': 'a', 'quantile_ranges': {'quantiles': [0.5]}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_quantile_values_to_be_between):"
                            + " missing required kwarg 'quantile_ranges.value_ranges'");
            assertThat(error(kwargs(
                            "expect_column_quantile_values_to_be_between",
                            "{'column': 'a', 'quantile_ranges': {'quantiles': [0.5], 'value_ranges': [1]}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_quantile_values_to_be_between):"
                            + " kwarg 'quantile_ranges.value_ranges' must be a list of lists of numbers, strings or"
                            + " booleans, but item 1 is the number 1");
        }

        @Test
        void report_a_value_the_type_rejects() {
            assertThat(error(kwargs("expect_column_values_to_be_fresh", "{'column': 'ts', 'max_age': '5 parsecs'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_fresh): kwarg 'max_age':"
                            + " '5 parsecs' is not a duration; use ISO-8601 (PT6H, P2D) or a number with ms, s, m, h,"
                            + " d or w");
        }

        @Test
        void report_an_unknown_kwarg_before_a_value_the_type_rejects() {
            assertThat(error(kwargs(
                            "expect_column_values_to_be_fresh",
                            "{'column': 'ts', 'max_age': 'x', 'now': 'y', 'nw': 1}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_fresh): unknown kwarg"
                            + " 'nw'; did you mean 'now'?");
        }

        @Test
        void wrap_an_invalid_expectation_with_the_place() {
            Throwable thrown = catchThrowable(() -> SuiteFiles.parse(
                    kwargs("expect_column_values_to_be_between", "{'column': 'a', 'min_value': 6, 'max_value': 1}")
                            .replace('\'', '"'),
                    SuiteFormat.JSON,
                    FILE));

            assertThat(thrown)
                    .isInstanceOf(SuiteFormatException.class)
                    .hasMessage("suites/trips.json: expectation #1 (expect_column_values_to_be_between): min_value 6"
                            + " must be <= max_value 1")
                    .hasCauseInstanceOf(InvalidExpectationException.class);
            assertThat(error(kwargs("expect_column_values_to_be_between", "{'column': 'a'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_between):"
                            + " expect_column_values_to_be_between on 'a' needs min_value or max_value");
        }

        @Test
        void are_checked_the_same_way_in_yaml() {
            String yaml = "name: trips\nexpectations:\n  - type: expect_column_values_to_be_between\n"
                    + "    kwargs: {column: passenger_count, min_value: 0, max_vale: 6}\n";

            assertThat(error(yaml, SuiteFormat.YAML, "suites/trips.yaml"))
                    .isEqualTo("suites/trips.yaml: expectation #1 (expect_column_values_to_be_between): unknown kwarg"
                            + " 'max_vale'; did you mean 'max_value'?");
        }
    }

    @Nested
    class Shared_kwargs {
        @Test
        void mostly_applies_only_to_row_by_row_types() {
            assertThat(error(kwargs(
                            "expect_column_mean_to_be_between", "{'column': 'a', 'min_value': 1, 'mostly': 0.9}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_mean_to_be_between): kwarg 'mostly'"
                            + " applies only to row-by-row expectations (column_map, column_pair_map,"
                            + " multicolumn_map); expect_column_mean_to_be_between is column_aggregate");
        }

        @Test
        void mostly_is_a_share() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'mostly': 1.5}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg 'mostly'"
                            + " must be between 0 and 1, got 1.5");
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'mostly': '0.9'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg 'mostly'"
                            + " must be a number, got the string '0.9'");
        }

        @Test
        void row_condition_is_refused_by_types_that_read_no_rows() {
            assertThat(error(kwargs("expect_column_to_exist", "{'column': 'a', 'row_condition': 'b > 1'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_to_exist): kwarg 'row_condition' is"
                            + " not supported: expect_column_to_exist does not read rows");
        }

        @Test
        void condition_parser_needs_a_row_condition() {
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique", "{'column': 'a', 'condition_parser': 'pandas'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'condition_parser' is set but 'row_condition' is not");
        }

        @Test
        void a_row_condition_the_parser_rejects_is_reported_with_the_place() {
            String json = kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'row_condition': 'b >'}")
                    .replace('\'', '"');
            SharedKwargs.ConditionParser failing = (condition, parser) -> {
                throw new AssayException(
                        ErrorCode.INVALID_ROW_CONDITION, "expected a value after '>' at position 3 in 'b >'");
            };

            Throwable thrown = catchThrowable(() -> SuiteFiles.parse(json, SuiteFormat.JSON, FILE, failing));

            assertThat(thrown)
                    .isInstanceOf(SuiteFormatException.class)
                    .hasMessage("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'row_condition': expected a value after '>' at position 3 in 'b >'")
                    .hasCauseInstanceOf(AssayException.class);
        }

        @Test
        void result_format_names_a_misspelt_level() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'result_format': 'SUMARY'}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format': 'SUMARY' is not a result format; did you mean 'SUMMARY'?");
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'result_format': 'complete'}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format': 'complete' is not a result format; did you mean 'COMPLETE'?");
        }

        @Test
        void result_format_is_a_level_or_an_object() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'result_format': 3}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format' must be BOOLEAN_ONLY, BASIC, SUMMARY, COMPLETE or an object, got the"
                            + " number 3");
        }

        @Test
        void result_format_names_a_misspelt_key() {
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'result_format': 'SUMMARY',"
                                    + " 'partial_unexpected_cout': 5}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): unknown kwarg"
                            + " 'result_format.partial_unexpected_cout'; did you mean"
                            + " 'result_format.partial_unexpected_count'?");
        }

        @Test
        void result_format_refuses_what_assay_does_not_support() {
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'result_format': 'COMPLETE',"
                                    + " 'include_unexpected_rows': true}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format.include_unexpected_rows' is not supported: Assay does not return whole"
                            + " unexpected rows; use 'unexpected_index_column_names' to identify them");
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'result_format': 'COMPLETE',"
                                    + " 'return_unexpected_index_query': true}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format.return_unexpected_index_query' is not supported: Assay does not"
                            + " generate queries that select the unexpected rows");
        }

        @Test
        void result_format_checks_its_values() {
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'partial_unexpected_count': -1}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format.partial_unexpected_count' must be between 0 and 2147483647, got -1");
            assertThat(error(kwargs(
                            "expect_column_values_to_be_unique",
                            "{'column': 'a', 'result_format': {'unexpected_index_column_names': 'id'}}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'result_format.unexpected_index_column_names' must be a list of strings, got the"
                            + " string 'id'");
        }

        @Test
        void catch_exceptions_is_a_boolean() {
            assertThat(error(kwargs("expect_column_values_to_be_unique", "{'column': 'a', 'catch_exceptions': 0}")))
                    .isEqualTo("suites/trips.json: expectation #1 (expect_column_values_to_be_unique): kwarg"
                            + " 'catch_exceptions' must be true or false, got the number 0");
        }
    }

    @Test
    void a_condition_parser_is_given_the_syntax_named() {
        String json = kwargs(
                        "expect_column_values_to_be_unique",
                        "{'column': 'a', 'row_condition': 'b > 1', 'condition_parser': 'great_expectations'}")
                .replace('\'', '"');
        String[] seen = new String[2];
        SharedKwargs.ConditionParser recording = (condition, parser) -> {
            seen[0] = condition;
            seen[1] = parser.orElse("none");
            return FakeFilter.parse(condition, parser);
        };

        SuiteFiles.parse(json, SuiteFormat.JSON, FILE, recording);

        assertThat(seen).containsExactly("b > 1", "great_expectations");
        assertThat(Optional.of(seen[1])).contains("great_expectations");
    }
}
