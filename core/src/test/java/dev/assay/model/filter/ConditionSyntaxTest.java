package dev.assay.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionSyntaxTest {
    @ParameterizedTest
    @CsvSource({
        "sql, SQL",
        "SQL, SQL",
        "great_expectations, GREAT_EXPECTATIONS",
        "great_expectations__experimental__, GREAT_EXPECTATIONS",
        "' pandas ', PANDAS"
    })
    void is_chosen_by_the_condition_parser_name(String name, ConditionSyntax syntax) {
        assertThat(ConditionSyntax.fromParserName(name)).isEqualTo(syntax);
    }

    @Test
    void rejects_parsers_it_does_not_have() {
        assertThatThrownBy(() -> RowFilter.parse("x > 5", "spark"))
                .isInstanceOfSatisfying(
                        AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_CONDITION))
                .hasMessage("Unknown condition_parser \"spark\"; expected one of: sql, great_expectations, pandas");
    }

    @Test
    void names_each_syntax_as_gx_does() {
        assertThat(ConditionSyntax.SQL.parserName()).isEqualTo("sql");
        assertThat(ConditionSyntax.GREAT_EXPECTATIONS.parserName()).isEqualTo("great_expectations");
        assertThat(ConditionSyntax.PANDAS.parserName()).isEqualTo("pandas");
    }

    @Test
    void parses_to_a_condition_and_rejects_blank_input() {
        assertThat(ConditionSyntax.SQL.parse("a > 1")).isEqualTo(RowFilter.parse("a > 1"));
        assertThatThrownBy(() -> ConditionSyntax.SQL.parse(" "))
                .hasMessage("Invalid row_condition \" \" at position 2: expected a condition");
    }

    @Test
    void gives_the_same_filter_for_the_same_condition_in_every_syntax() {
        RowFilter sql = RowFilter.parse("amount > 0 AND status <> 'test'");
        assertThat(RowFilter.parse("col(\"amount\") > 0 & col(\"status\") != \"test\"", "great_expectations"))
                .isEqualTo(sql);
        assertThat(RowFilter.parse("amount > 0 and status != 'test'", "pandas")).isEqualTo(sql);
    }
}
