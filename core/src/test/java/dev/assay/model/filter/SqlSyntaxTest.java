package dev.assay.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlSyntaxTest {
    private static RowFilter parse(String condition) {
        return RowFilter.parse(condition);
    }

    private static Comparison compare(String column, ComparisonOperator operator, Operand right) {
        return new Comparison(column, operator, right);
    }

    private static NumberLiteral number(String value) {
        return new NumberLiteral(new BigDecimal(value));
    }

    @Nested
    class Comparisons {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "a = 1   | EQUAL",
                    "a <> 1  | NOT_EQUAL",
                    "a != 1  | NOT_EQUAL",
                    "a < 1   | LESS_THAN",
                    "a <= 1  | LESS_THAN_OR_EQUAL",
                    "a > 1   | GREATER_THAN",
                    "a >= 1  | GREATER_THAN_OR_EQUAL"
                })
        void parses_every_operator(String condition, ComparisonOperator operator) {
            assertThat(parse(condition)).isEqualTo(compare("a", operator, NumberLiteral.of(1)));
        }

        @Test
        void compares_two_columns() {
            assertThat(parse("shipped_at >= ordered_at"))
                    .isEqualTo(compare(
                            "shipped_at", ComparisonOperator.GREATER_THAN_OR_EQUAL, new ColumnRef("ordered_at")));
        }

        @Test
        void puts_the_column_first_when_the_literal_is_on_the_left() {
            assertThat(parse("5 < a")).isEqualTo(parse("a > 5"));
            assertThat(parse("5 >= a")).isEqualTo(parse("a <= 5"));
            assertThat(parse("'x' = s")).isEqualTo(parse("s = 'x'"));
            assertThat(parse("5 <> a").text()).isEqualTo("a <> 5");
        }

        @Test
        void needs_no_spaces_around_operators() {
            assertThat(parse("a>=-1")).isEqualTo(compare("a", ComparisonOperator.GREATER_THAN_OR_EQUAL, number("-1")));
        }
    }

    @Nested
    class Literals {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "42 | 42",
                    "-7 | -7",
                    "+7 | 7",
                    "3.25 | 3.25",
                    "2.50 | 2.50",
                    ".5 | 0.5",
                    "1e3 | 1000",
                    "1.5E-3 | 0.0015",
                    "- 2 | -2",
                    "123456789012345678901234567890 | 123456789012345678901234567890"
                })
        void reads_numbers_exactly(String literal, String expected) {
            Comparison comparison = (Comparison) parse("a = " + literal);
            assertThat(comparison.right()).isEqualTo(number(expected));
            assertThat(comparison.right().text()).isEqualTo(expected);
        }

        @Test
        void keeps_the_scale_of_a_decimal_as_written() {
            assertThat(parse("a = 1.0")).isNotEqualTo(parse("a = 1"));
            assertThat(parse("a = 1.0").text()).isEqualTo("a = 1.0");
        }

        @Test
        void reads_strings_with_doubled_quotes() {
            assertThat(parse("s = 'it''s'"))
                    .isEqualTo(compare("s", ComparisonOperator.EQUAL, new StringLiteral("it's")));
            assertThat(parse("s = ''")).isEqualTo(compare("s", ComparisonOperator.EQUAL, new StringLiteral("")));
            assertThat(parse("s = 'naïve \"x\" 日本'"))
                    .isEqualTo(compare("s", ComparisonOperator.EQUAL, new StringLiteral("naïve \"x\" 日本")));
        }

        @Test
        void reads_booleans_and_null_in_any_case() {
            assertThat(parse("b = TRUE")).isEqualTo(compare("b", ComparisonOperator.EQUAL, new BooleanLiteral(true)));
            assertThat(parse("b = false")).isEqualTo(compare("b", ComparisonOperator.EQUAL, new BooleanLiteral(false)));
            assertThat(parse("b = Null")).isEqualTo(compare("b", ComparisonOperator.EQUAL, new NullLiteral()));
        }

        @Test
        void reads_dates_times_and_timestamps() {
            assertThat(parse("d >= date '2024-02-29'"))
                    .isEqualTo(compare(
                            "d", ComparisonOperator.GREATER_THAN_OR_EQUAL, new DateLiteral(LocalDate.of(2024, 2, 29))));
            assertThat(parse("t < TIME '10:30'"))
                    .isEqualTo(compare("t", ComparisonOperator.LESS_THAN, new TimeLiteral(LocalTime.of(10, 30))));
            assertThat(parse("ts < TIMESTAMP '2024-01-01 10:00:00'"))
                    .isEqualTo(compare(
                            "ts",
                            ComparisonOperator.LESS_THAN,
                            TimestampLiteral.of(LocalDateTime.of(2024, 1, 1, 10, 0))));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "2024-01-01 10:00:00       | 2024-01-01T10:00      |        | TIMESTAMP '2024-01-01 10:00:00'",
                    "2024-01-01T10:00:00       | 2024-01-01T10:00      |        | TIMESTAMP '2024-01-01 10:00:00'",
                    "2024-01-01 10:00          | 2024-01-01T10:00      |        | TIMESTAMP '2024-01-01 10:00:00'",
                    "2024-01-01                | 2024-01-01T00:00      |        | TIMESTAMP '2024-01-01 00:00:00'",
                    "2024-01-01 10:00:00.120   | 2024-01-01T10:00:00.12 |       | TIMESTAMP '2024-01-01 10:00:00.12'",
                    "2024-01-01 10:00:00+02:00 | 2024-01-01T10:00      | +02:00 | TIMESTAMP '2024-01-01 10:00:00+02:00'",
                    "2024-01-01 10:00:00-05    | 2024-01-01T10:00      | -05:00 | TIMESTAMP '2024-01-01 10:00:00-05:00'",
                    "2024-01-01 10:00:00Z      | 2024-01-01T10:00      | Z      | TIMESTAMP '2024-01-01 10:00:00Z'",
                    "2024-01-01 10:00:00+00:00 | 2024-01-01T10:00      | Z      | TIMESTAMP '2024-01-01 10:00:00Z'"
                })
        void reads_timestamps_with_and_without_offset(String text, String local, String offset, String canonical) {
            TimestampLiteral literal = (TimestampLiteral) ((Comparison) parse("ts = TIMESTAMP '" + text + "'")).right();
            assertThat(literal.value()).isEqualTo(LocalDateTime.parse(local));
            assertThat(literal.offset()).isEqualTo(Optional.ofNullable(offset).map(ZoneOffset::of));
            assertThat(literal.text()).isEqualTo(canonical);
        }
    }

    @Nested
    class Identifiers {
        @Test
        void are_case_sensitive() {
            assertThat(parse("Amount > 1")).isNotEqualTo(parse("amount > 1"));
            assertThat(parse("Amount > 1").columns()).containsExactly("Amount");
        }

        @Test
        void may_be_double_quoted_to_hold_any_character() {
            assertThat(parse("\"order amount\" > 1").columns()).containsExactly("order amount");
            assertThat(parse("\"say \"\"hi\"\"\" IS NULL").columns()).containsExactly("say \"hi\"");
            assertThat(parse("\"and\" = 1").columns()).containsExactly("and");
            assertThat(parse("\"a\" = 1")).isEqualTo(parse("a = 1"));
        }

        @Test
        void are_quoted_in_the_text_only_when_needed() {
            assertThat(parse("\"order amount\" > 1").text()).isEqualTo("\"order amount\" > 1");
            assertThat(parse("\"AND\" = 1 AND \"1st\" = 2 AND \"x\"\"y\" = 3").text())
                    .isEqualTo("\"AND\" = 1 AND \"1st\" = 2 AND \"x\"\"y\" = 3");
            assertThat(parse("\"größe\" = 1 AND _id = 2").text()).isEqualTo("größe = 1 AND _id = 2");
        }

        @Test
        void may_be_date_time_timestamp_or_escape_which_are_not_reserved() {
            assertThat(parse("date >= DATE '2024-01-01' AND timestamp IS NULL AND time = escape"))
                    .isEqualTo(And.of(
                            compare(
                                    "date",
                                    ComparisonOperator.GREATER_THAN_OR_EQUAL,
                                    new DateLiteral(LocalDate.of(2024, 1, 1))),
                            new IsNull("timestamp", false),
                            compare("time", ComparisonOperator.EQUAL, new ColumnRef("escape"))));
        }
    }

    @Nested
    class Predicates {
        @Test
        void is_null_and_is_not_null() {
            assertThat(parse("a IS NULL")).isEqualTo(new IsNull("a", false));
            assertThat(parse("a is not null")).isEqualTo(new IsNull("a", true));
        }

        @Test
        void in_and_not_in_lists() {
            assertThat(parse("s IN ('a', 'b')"))
                    .isEqualTo(new InList("s", List.of(new StringLiteral("a"), new StringLiteral("b")), false));
            assertThat(parse("n NOT IN (1, NULL)"))
                    .isEqualTo(new InList("n", List.of(NumberLiteral.of(1), new NullLiteral()), true));
            assertThat(parse("n in (1)").text()).isEqualTo("n IN (1)");
        }

        @Test
        void between_and_not_between() {
            assertThat(parse("n BETWEEN 1 AND 10"))
                    .isEqualTo(new Between("n", NumberLiteral.of(1), NumberLiteral.of(10), false));
            assertThat(parse("d not between DATE '2024-01-01' and DATE '2024-12-31'")
                            .text())
                    .isEqualTo("d NOT BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'");
        }

        @Test
        void between_binds_its_and_before_the_logical_and() {
            assertThat(parse("n BETWEEN 1 AND 10 AND m = 2"))
                    .isEqualTo(And.of(
                            new Between("n", NumberLiteral.of(1), NumberLiteral.of(10), false),
                            compare("m", ComparisonOperator.EQUAL, NumberLiteral.of(2))));
        }

        @Test
        void like_and_not_like_with_an_optional_escape() {
            assertThat(parse("s LIKE 'a%_'")).isEqualTo(Like.of("s", "a%_"));
            assertThat(parse("s NOT LIKE '100\\%' ESCAPE '\\'"))
                    .isEqualTo(new Like("s", "100\\%", Optional.of('\\'), true));
            assertThat(parse("s NOT LIKE '100\\%' ESCAPE '\\'").text()).isEqualTo("s NOT LIKE '100\\%' ESCAPE '\\'");
        }

        @Test
        void boolean_columns_alone_and_negated() {
            assertThat(parse("is_active")).isEqualTo(new BooleanColumn("is_active"));
            assertThat(parse("NOT is_active")).isEqualTo(new Not(new BooleanColumn("is_active")));
            assertThat(parse("NOT is_active").text()).isEqualTo("NOT is_active");
        }

        @Test
        void not_before_a_predicate_stays_as_written() {
            assertThat(parse("NOT a IS NULL")).isEqualTo(new Not(new IsNull("a", false)));
            assertThat(parse("NOT a IS NULL").text()).isEqualTo("NOT (a IS NULL)");
            assertThat(parse("NOT NOT a > 1"))
                    .isEqualTo(new Not(new Not(compare("a", ComparisonOperator.GREATER_THAN, NumberLiteral.of(1)))));
            assertThat(parse("NOT NOT a > 1").text()).isEqualTo("NOT (NOT (a > 1))");
            assertThat(parse("NOT a LIKE 'x'").text()).isEqualTo("NOT (a LIKE 'x')");
        }
    }

    @Nested
    class Precedence {
        @Test
        void and_binds_tighter_than_or() {
            Condition a = (Condition) parse("a");
            Condition b = (Condition) parse("b");
            Condition c = (Condition) parse("c");
            assertThat(parse("a OR b AND c")).isEqualTo(Or.of(a, And.of(b, c)));
            assertThat(parse("a AND b OR c")).isEqualTo(Or.of(And.of(a, b), c));
        }

        @Test
        void not_binds_tighter_than_and() {
            Condition a = (Condition) parse("a");
            Condition b = (Condition) parse("b");
            assertThat(parse("NOT a AND b")).isEqualTo(And.of(new Not(a), b));
            assertThat(parse("NOT a OR b")).isEqualTo(Or.of(new Not(a), b));
        }

        @Test
        void comparisons_bind_tighter_than_not() {
            assertThat(parse("NOT x = 1"))
                    .isEqualTo(new Not(compare("x", ComparisonOperator.EQUAL, NumberLiteral.of(1))));
        }

        @Test
        void parentheses_override_it() {
            Condition a = (Condition) parse("a");
            Condition b = (Condition) parse("b");
            Condition c = (Condition) parse("c");
            assertThat(parse("(a OR b) AND c")).isEqualTo(And.of(Or.of(a, b), c));
            assertThat(parse("NOT (a AND b)")).isEqualTo(new Not(And.of(a, b)));
            assertThat(parse("((a))")).isEqualTo(a);
        }

        @Test
        void keywords_are_case_insensitive() {
            assertThat(parse("not a and b or c is not null")).isEqualTo(parse("NOT a AND b OR c IS NOT NULL"));
        }
    }

    @Nested
    class CanonicalText {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "a > 1",
                    "NOT (a > 1) AND b = 'x''y' OR c IS NOT NULL",
                    "a NOT IN (1, 2.50, NULL, 'x', TRUE)",
                    "x BETWEEN -1 AND 1000",
                    "name LIKE 'a\\%%' ESCAPE '\\'",
                    "date >= DATE '2024-01-01' AND ts < TIMESTAMP '2024-01-01 10:00:00.5+02:00'",
                    "t BETWEEN TIME '08:00:00' AND TIME '17:30:00.25'",
                    "\"my col\" = 1 AND \"and\" = 2",
                    "NOT is_active OR a AND b AND (c OR d)",
                    "NOT (a OR b) AND NOT (c AND d)",
                    "shipped_at >= ordered_at",
                    "NOT (NOT (a IS NOT NULL))",
                    "NOT (NOT b)"
                })
        void is_stable_and_parses_back_to_an_equal_filter(String canonical) {
            RowFilter filter = parse(canonical);
            assertThat(filter.text()).isEqualTo(canonical);
            assertThat(parse(filter.text())).isEqualTo(filter).hasSameHashCodeAs(filter);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "a  >  1                                  | a > 1",
                    "a>1                                      | a > 1",
                    "A > 1 and b<>2                           | A > 1 AND b <> 2",
                    "a != 1                                   | a <> 1",
                    "(a = 1 AND b = 2) AND c = 3              | a = 1 AND b = 2 AND c = 3",
                    "a = 1 OR (b = 2 OR c = 3)                | a = 1 OR b = 2 OR c = 3",
                    "(a = 1 OR b = 2) AND c = 3               | (a = 1 OR b = 2) AND c = 3",
                    "NOT NOT a IS NULL                        | NOT (NOT (a IS NULL))",
                    "NOT NOT b                                | NOT (NOT b)",
                    "\"amount\" >= +1.50e0                    | amount >= 1.50",
                    "d = date '2024-01-01'                    | d = DATE '2024-01-01'",
                    "ts = timestamp '2024-01-01T10:00'        | ts = TIMESTAMP '2024-01-01 10:00:00'"
                })
        void renders_equal_filters_the_same_way(String condition, String canonical) {
            assertThat(parse(condition).text()).isEqualTo(canonical);
            assertThat(parse(condition)).isEqualTo(parse(canonical));
        }

        @Test
        void makes_equal_filters_for_differently_spaced_conditions() {
            assertThat(parse("a > 1")).isEqualTo(parse("a  >  1")).isEqualTo(parse(" a>1 "));
            assertThat(parse("a > 1")).hasSameHashCodeAs(parse("a  >  1"));
            assertThat(parse("a > 1")).isNotEqualTo(parse("a > 2"));
        }

        @Test
        void is_what_to_string_shows() {
            assertThat(parse("a  >  1")).hasToString("a > 1");
        }
    }

    @Nested
    class Columns {
        @Test
        void lists_every_column_once_in_order_of_appearance() {
            assertThat(parse(
                                    "b > 1 AND (a = c OR b IS NULL) AND NOT d AND e IN (1) AND f BETWEEN 1 AND 2 AND g LIKE 'x'")
                            .columns())
                    .containsExactly("b", "a", "c", "d", "e", "f", "g");
        }

        @Test
        void are_none_for_the_empty_filter() {
            assertThat(RowFilter.none().columns()).isEmpty();
        }
    }

    @Nested
    class BlankConditions {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t\n"})
        void keep_every_row(String condition) {
            assertThat(parse(condition)).isSameAs(RowFilter.none());
            assertThat(RowFilter.parse(condition, "pandas")).isSameAs(RowFilter.none());
        }
    }

    @Nested
    class SyntaxErrors {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "amount >> 5          | 9  | expected a value after '>'",
                    "amount >             | 9  | expected a value after '>'",
                    "a == 5               | 3  | '==' is not an SQL operator; use '='",
                    "(a > 5               | 7  | expected AND, OR or ')' after '5'",
                    "a > 5)               | 6  | expected AND, OR or the end of the condition after '5'",
                    "a > 5 b              | 7  | expected AND, OR or the end of the condition after '5'",
                    "a b                  | 3  | expected a comparison operator, IS, IN, BETWEEN or LIKE after 'a'",
                    "a 5                  | 3  | expected a comparison operator, IS, IN, BETWEEN or LIKE after 'a'",
                    "AND a                | 1  | expected a condition",
                    "a AND                | 6  | expected a condition after 'AND'",
                    "a AND OR b           | 7  | expected a condition after 'AND'",
                    "()                   | 2  | expected a condition after '('",
                    "NOT                  | 4  | expected a condition after 'NOT'",
                    "a = 'x               | 5  | unterminated string",
                    "\"a = 1              | 1  | unterminated quoted name",
                    "\"\" = 1             | 1  | empty quoted name",
                    "a = 1 ; b = 2        | 7  | unexpected character ';'",
                    "a = 1 && b = 2       | 7  | unexpected character '&'",
                    "a IN ()              | 7  | expected a literal value after '('",
                    "a IN 1               | 6  | expected '(' after 'IN'",
                    "a IN (1, 2           | 11 | expected ',' or ')' after '2'",
                    "a IN (1,)            | 9  | expected a literal value after ','",
                    "a IN (b)             | 7  | expected a literal value after '('",
                    "a BETWEEN 1          | 12 | expected AND after '1'",
                    "a BETWEEN 1 OR 2     | 13 | expected AND after '1'",
                    "a BETWEEN b AND 2    | 11 | expected a literal value after 'BETWEEN'",
                    "a IS 5               | 6  | expected NULL or NOT NULL after 'IS'",
                    "a IS NOT 5           | 10 | expected NULL after 'NOT'",
                    "a NOT 5              | 7  | expected IN, BETWEEN or LIKE after 'NOT'",
                    "a LIKE 5             | 8  | expected a string pattern after 'LIKE'",
                    "a LIKE b             | 8  | expected a string pattern after 'LIKE'",
                    "a LIKE 'x' ESCAPE '' | 19 | expected a single escape character after 'ESCAPE'",
                    "a LIKE 'x!' ESCAPE '!'| 8 | the LIKE pattern ends with its escape character",
                    "5 > 3                | 5  | expected a column after '>' (one side of a comparison must be a column)",
                    "5                    | 2  | expected a comparison operator after '5'",
                    "TRUE                 | 5  | expected a comparison operator after 'TRUE'",
                    "'x' LIKE 'y'         | 5  | expected a comparison operator after 'x'",
                    "a = -                | 5  | expected a value after '='",
                    "a > b > c            | 7  | expected AND, OR or the end of the condition after 'b'",
                    "d = DATE '2024-13-01'| 10 | invalid DATE literal: '2024-13-01' is not a date (yyyy-MM-dd)",
                    "t = TIME '25:00'     | 10 | invalid TIME literal: '25:00' is not a time (HH:mm[:ss[.fffffffff]])",
                    "ts > TIMESTAMP 'now' | 16 | invalid TIMESTAMP literal: 'now' is not a timestamp (yyyy-MM-dd HH:mm[:ss[.fffffffff]][+HH:mm])"
                })
        void say_where_and_what_was_expected(String condition, int position, String problem) {
            assertThatThrownBy(() -> parse(condition))
                    .isInstanceOfSatisfying(
                            AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_CONDITION))
                    .hasMessage("Invalid row_condition \"" + condition + "\" at position " + position + ": " + problem);
        }

        @Test
        void quote_the_example_from_the_documentation() {
            assertThatThrownBy(() -> parse("amount >> 5"))
                    .hasMessage("Invalid row_condition \"amount >> 5\" at position 9: expected a value after '>'");
        }

        @Test
        void count_positions_from_one_at_the_start() {
            assertThatThrownBy(() -> parse("= 1"))
                    .hasMessage("Invalid row_condition \"= 1\" at position 1: expected a condition");
        }

        @Test
        void reject_absurdly_deep_nesting_instead_of_overflowing_the_stack() {
            String condition = "(".repeat(500) + "a" + ")".repeat(500);
            assertThatThrownBy(() -> parse(condition))
                    .hasMessageEndingWith("at position 201: the condition is nested more than 200 levels deep");
            assertThat(parse("(".repeat(200) + "a" + ")".repeat(200))).isEqualTo(new BooleanColumn("a"));
        }

        @Test
        void reject_a_null_condition() {
            assertThatThrownBy(() -> RowFilter.parse(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("condition is null");
        }
    }
}
