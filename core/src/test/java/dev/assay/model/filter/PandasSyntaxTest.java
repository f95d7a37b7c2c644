package dev.assay.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PandasSyntaxTest {
    private static RowFilter parse(String condition) {
        return RowFilter.parse(condition, "pandas");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '#',
            value = {
                "x > 5 => x > 5",
                "x == 5 and status == 'a' => x = 5 AND status = 'a'",
                "x != 5 or status == \"a\" => x <> 5 OR status = 'a'",
                "x > 5 & y < 3 => x > 5 AND y < 3",
                "x > 5 | y < 3 & z > 1 => x > 5 OR y < 3 AND z > 1",
                "not x > 5 => NOT (x > 5)",
                "~(x > 5) => NOT (x > 5)",
                "not is_active => NOT is_active",
                "~is_active => NOT is_active",
                "is_active and not is_deleted => is_active AND NOT is_deleted",
                "is_active == True => is_active = TRUE",
                "5 < x => x > 5",
                "1 < x <= 5 => x > 1 AND x <= 5",
                "a < b => a < b",
                "x in [1, 2, 3] => x IN (1, 2, 3)",
                "x in (1, 2,) => x IN (1, 2)",
                "s not in ['a', 'b'] => s NOT IN ('a', 'b')",
                "not s in ['a'] => NOT (s IN ('a'))",
                "x.isnull() => x IS NULL",
                "x.isna() or y.notna() => x IS NULL OR y IS NOT NULL",
                "x.notnull() => x IS NOT NULL",
                "`order amount` >= -1.5 => \"order amount\" >= -1.5",
                "`order amount`.isnull() => \"order amount\" IS NULL",
                "s == 'tab\\there' => s = 'tab\there'",
                "(x > 1 or y > 1) and z > 1 => (x > 1 OR y > 1) AND z > 1"
            })
    void parses_to_the_same_tree_as_sql(String condition, String sql) {
        assertThat(parse(condition)).isEqualTo(RowFilter.parse(sql));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '#',
            value = {
                "x = 5 => 3 => '=' is not a comparison; use '=='",
                "x >> 5 => 4 => expected a value after '>'",
                "x == None => 6 => None is not supported; use x.isnull() or x.notnull()",
                "x == @limit => 6 => unexpected character '@'",
                "x + 1 > 5 => 3 => expected 'and', 'or' or the end of the condition after 'x'",
                "x.str.len() > 5 => 3 => expected isnull(), notnull(), isna() or notna() after '.'",
                "x > 5 AND y > 1 => 7 => expected 'and', 'or' or the end of the condition after '5'",
                "5 => 2 => expected a comparison operator after '5'",
                "5 > 3 => 5 => expected a column after '>' (one side of a comparison must be a column)",
                "~5 => 3 => expected a comparison operator after '5'",
                "~x > 5 => 4 => expected a column or a value before '>'",
                "5 in [1] => 3 => expected a column before 'in'",
                "x in 5 => 6 => expected '[' or '(' after 'in'",
                "x in [] => 7 => expected a literal value after '['",
                "x in [1 2] => 9 => expected ',' or ']' after '1'",
                "x in [y] => 7 => expected a literal value after '['",
                "(x > 5 => 7 => expected 'and', 'or' or ')' after '5'",
                "and x => 1 => expected a condition",
                "s == 'abc => 6 => unterminated string"
            })
    void rejects_what_does_not_map_onto_sql_saying_where(String condition, int position, String problem) {
        assertThatThrownBy(() -> parse(condition))
                .isInstanceOfSatisfying(
                        AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_CONDITION))
                .hasMessage("Invalid row_condition \"" + condition + "\" (condition_parser pandas) at position "
                        + position + ": " + problem);
    }
}
