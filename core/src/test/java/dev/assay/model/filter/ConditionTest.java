package dev.assay.model.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.RowFilter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final Condition A = new BooleanColumn("a");
    private static final Condition B = new BooleanColumn("b");
    private static final Condition C = new BooleanColumn("c");

    @Nested
    class Construction {
        @Test
        void flattens_nested_and_and_or() {
            assertThat(And.of(A, And.of(B, C))).isEqualTo(And.of(And.of(A, B), C));
            assertThat(And.of(A, And.of(B, C)).operands()).containsExactly(A, B, C);
            assertThat(Or.of(Or.of(A, B), C).operands()).containsExactly(A, B, C);
            assertThat(And.of(A, Or.of(B, C)).operands()).hasSize(2);
        }

        @Test
        void requires_two_operands_for_and_and_or() {
            assertThatThrownBy(() -> new And(List.of(A)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("AND needs at least two operands: [a]");
            assertThatThrownBy(() -> new Or(List.of())).hasMessage("OR needs at least two operands: []");
        }

        @Test
        void rejects_nulls_and_empty_names() {
            assertThatThrownBy(() -> new IsNull(null, false)).hasMessage("column is null");
            assertThatThrownBy(() -> new ColumnRef("")).hasMessage("column name is empty");
            assertThatThrownBy(() -> new Comparison("a", null, NumberLiteral.of(1)))
                    .hasMessage("operator is null");
            assertThatThrownBy(() -> new Not(null)).hasMessage("operand is null");
            assertThatThrownBy(() -> new InList("a", List.of(), false)).hasMessage("IN list of column 'a' is empty");
            assertThatThrownBy(() -> new Like("a", "x!", Optional.of('!'), false))
                    .hasMessage("LIKE pattern 'x!' ends with its escape character");
        }

        @Test
        void copies_the_in_list() {
            List<Literal> values = new java.util.ArrayList<>(List.of(NumberLiteral.of(1)));
            InList in = new InList("a", values, false);
            values.add(NumberLiteral.of(2));
            assertThat(in.values()).hasSize(1);
        }

        @Test
        void normalizes_numbers_with_a_negative_scale() {
            assertThat(new NumberLiteral(new BigDecimal("1E+3"))).isEqualTo(new NumberLiteral(new BigDecimal("1000")));
        }
    }

    @Nested
    class Text {
        @Test
        void renders_nodes_built_in_code() {
            Condition condition = And.of(
                    Or.of(A, new Comparison("x y", ComparisonOperator.NOT_EQUAL, new StringLiteral("it's"))),
                    new Not(new Comparison("n", ComparisonOperator.LESS_THAN, new ColumnRef("OR"))),
                    new Between(
                            "t", new TimeLiteral(LocalTime.of(8, 0)), new TimeLiteral(LocalTime.of(9, 0, 0, 5)), true),
                    new InList(
                            "ts",
                            List.of(new TimestampLiteral(
                                    LocalDateTime.of(2024, 1, 1, 0, 0), Optional.of(ZoneOffset.ofHours(-3)))),
                            false));
            assertThat(condition.text())
                    .isEqualTo("(a OR \"x y\" <> 'it''s') AND NOT (n < \"OR\") AND t NOT BETWEEN TIME '08:00:00'"
                            + " AND TIME '09:00:00.000000005' AND ts IN (TIMESTAMP '2024-01-01 00:00:00-03:00')");
            assertThat(RowFilter.parse(condition.text())).isEqualTo(condition);
        }

        @Test
        void describes_literals_for_error_messages() {
            assertThat(NumberLiteral.of(5).describe()).isEqualTo("the number 5");
            assertThat(new StringLiteral("a").describe()).isEqualTo("the string 'a'");
            assertThat(new BooleanLiteral(true).describe()).isEqualTo("the boolean TRUE");
            assertThat(new NullLiteral().describe()).isEqualTo("NULL");
        }

        @Test
        void parses_temporal_literal_text_or_says_why_not() {
            assertThat(DateLiteral.parse("2024-01-31").text()).isEqualTo("DATE '2024-01-31'");
            assertThatThrownBy(() -> DateLiteral.parse("31/01/2024"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'31/01/2024' is not a date (yyyy-MM-dd)");
            assertThat(TimeLiteral.parse("23:59:59.999").text()).isEqualTo("TIME '23:59:59.999'");
            assertThat(TimestampLiteral.parse("2024-01-31").text()).isEqualTo("TIMESTAMP '2024-01-31 00:00:00'");
        }
    }

    @Nested
    class TheEmptyFilter {
        @Test
        void is_none_with_no_text() {
            assertThat(RowFilter.none().isNone()).isTrue();
            assertThat(RowFilter.none().text()).isEmpty();
            assertThat(RowFilter.parse("a").isNone()).isFalse();
        }
    }
}
