package dev.assay.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GreatExpectationsSyntaxTest {
    private static RowFilter parse(String condition) {
        return RowFilter.parse(condition, "great_expectations");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "col(\"x\") > 5 => x > 5",
                "col(\"x\")>=-2.5 => x >= -2.5",
                "col(\"x\") == 5 => x = 5",
                "col(\"x\") != 5 => x <> 5",
                "col(\"x\") < 5 => x < 5",
                "col(\"x\") <= 5 => x <= 5",
                "col(\"status\") == \"active\" => status = 'active'",
                "col('status') == 'it\\'s' => status = 'it''s'",
                "col(\"order date\") >= date(\"2024-01-01\") => \"order date\" >= DATE '2024-01-01'",
                "col(\"x\").notNull() => x IS NOT NULL",
                "col(\"x\").notnull() => x IS NOT NULL",
                "col(\"x\").isNull() => x IS NULL",
                "col(\"a\") > col(\"b\") => a > b",
                "col(\"x\") > 5 & col(\"y\") == 'a' => x > 5 AND y = 'a'",
                "col(\"x\") > 5 | col(\"y\") == 'a' => x > 5 OR y = 'a'",
                "col(\"a\") > 1 | col(\"b\") > 1 & col(\"c\") > 1 => a > 1 OR b > 1 AND c > 1",
                "(col(\"a\") > 1 | col(\"b\") > 1) & col(\"c\") > 1 => (a > 1 OR b > 1) AND c > 1",
                "~col(\"x\").notNull() => NOT (x IS NOT NULL)",
                "~(col(\"x\") > 5) => NOT (x > 5)",
                "~(col(\"x\") > 5 & col(\"y\") > 5) => NOT (x > 5 AND y > 5)"
            })
    void parses_to_the_same_tree_as_sql(String condition, String sql) {
        assertThat(parse(condition)).isEqualTo(RowFilter.parse(sql));
        assertThat(parse(condition).text()).isEqualTo(sql);
    }

    @Test
    void accepts_the_former_parser_name() {
        assertThat(RowFilter.parse("col(\"x\") > 5", "great_expectations__experimental__"))
                .isEqualTo(RowFilter.parse("x > 5"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "col(\"x\") >> 5 => 11 => expected a number, a quoted string, date(\"yyyy-MM-dd\") or col(\"name\") after '>'",
                "x > 5 => 1 => expected a condition such as col(\"name\") > 5",
                "col(x) > 5 => 5 => expected a quoted column name after '('",
                "col(\"x\" > 5 => 9 => expected ')' after \"x\"",
                "col(\"x\") = 5 => 10 => '=' is not a comparison; use '=='",
                "col(\"x\") 5 => 10 => expected a comparison (==, !=, <, <=, >, >=) or .notNull() after ')'",
                "col(\"x\").isEmpty() => 10 => expected notNull() or isNull() after '.'",
                "col(\"x\").notNull => 17 => expected '(' after 'notNull'",
                "col(\"x\") > 5 and col(\"y\") > 1 => 14 => expected '&', '|' or the end of the condition after '5'",
                "(col(\"x\") > 5 => 14 => expected '&', '|' or ')' after '5'",
                "col(\"d\") > date(\"2024-02-30\") => 17 => invalid date: '2024-02-30' is not a date (yyyy-MM-dd)",
                "col(\"d\") > date(5) => 17 => expected a quoted date after '('"
            })
    void rejects_what_it_cannot_parse_saying_where(String condition, int position, String problem) {
        assertThatThrownBy(() -> parse(condition))
                .isInstanceOfSatisfying(
                        AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_CONDITION))
                .hasMessage("Invalid row_condition \"" + condition
                        + "\" (condition_parser great_expectations) at position " + position + ": " + problem);
    }
}
