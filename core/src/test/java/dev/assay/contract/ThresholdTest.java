package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.contract.Threshold.Operator;
import dev.assay.error.InvalidExpectationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    @Nested
    class every_operator {
        @Test
        void must_be_and_must_not_be() {
            assertThat(Threshold.of(Operator.MUST_BE, 0L).test(0L)).isTrue();
            assertThat(Threshold.of(Operator.MUST_BE, 0L).test(new BigDecimal("0.0")))
                    .isTrue();
            assertThat(Threshold.of(Operator.MUST_BE, 0L).test(1L)).isFalse();
            assertThat(Threshold.of(Operator.MUST_NOT_BE, 3L).test(2L)).isTrue();
            assertThat(Threshold.of(Operator.MUST_NOT_BE, 3L).test(3L)).isFalse();
        }

        @Test
        void greater_and_less() {
            assertThat(Threshold.of(Operator.MUST_BE_GREATER_THAN, 5L).test(6L)).isTrue();
            assertThat(Threshold.of(Operator.MUST_BE_GREATER_THAN, 5L).test(5L)).isFalse();
            assertThat(Threshold.of(Operator.MUST_BE_GREATER_OR_EQUAL_TO, 5L).test(5L))
                    .isTrue();
            assertThat(Threshold.of(Operator.MUST_BE_GREATER_OR_EQUAL_TO, 5L).test(4.99))
                    .isFalse();
            assertThat(Threshold.of(Operator.MUST_BE_LESS_THAN, new BigDecimal("1.5"))
                            .test(1L))
                    .isTrue();
            assertThat(Threshold.of(Operator.MUST_BE_LESS_THAN, new BigDecimal("1.5"))
                            .test(new BigDecimal("1.5")))
                    .isFalse();
            assertThat(Threshold.of(Operator.MUST_BE_LESS_OR_EQUAL_TO, 10L).test(10L))
                    .isTrue();
            assertThat(Threshold.of(Operator.MUST_BE_LESS_OR_EQUAL_TO, 10L).test(11L))
                    .isFalse();
        }

        @Test
        void between_and_not_between_include_their_bounds() {
            Threshold between = Threshold.of(Operator.MUST_BE_BETWEEN, 100L, 120L);
            Threshold notBetween = Threshold.of(Operator.MUST_NOT_BE_BETWEEN, 100L, 120L);

            assertThat(List.of(99L, 100L, 120L, 121L)).map(between::test).containsExactly(false, true, true, false);
            assertThat(List.of(99L, 100L, 120L, 121L)).map(notBetween::test).containsExactly(true, false, false, true);
        }

        @Test
        void a_sql_boolean_compares_with_true_or_one() {
            assertThat(Threshold.of(Operator.MUST_BE, true).test(true)).isTrue();
            assertThat(Threshold.of(Operator.MUST_BE, 1L).test(true)).isTrue();
            assertThat(Threshold.of(Operator.MUST_BE, 1L).test(false)).isFalse();
        }

        @Test
        void a_number_operator_fails_on_a_value_that_is_not_a_number() {
            assertThat(Threshold.of(Operator.MUST_BE_LESS_THAN, 5L).test("3")).isFalse();
        }
    }

    @Test
    void several_conditions_must_all_hold() {
        Threshold t = new Threshold(List.of(
                new Threshold.Condition(Operator.MUST_BE_GREATER_THAN, List.of(0L)),
                new Threshold.Condition(Operator.MUST_BE_LESS_THAN, List.of(10L))));

        assertThat(t.test(5L)).isTrue();
        assertThat(t.test(10L)).isFalse();
        assertThat(t.describe()).isEqualTo("mustBeGreaterThan 0 and mustBeLessThan 10");
    }

    @Test
    void knows_when_no_count_can_satisfy_it() {
        assertThat(Threshold.of(Operator.MUST_BE_LESS_THAN, 0L).impossibleForCounts())
                .isTrue();
        assertThat(Threshold.of(Operator.MUST_BE, -1L).impossibleForCounts()).isTrue();
        assertThat(new Threshold(List.of(
                                new Threshold.Condition(Operator.MUST_BE_GREATER_THAN, List.of(5L)),
                                new Threshold.Condition(Operator.MUST_BE_LESS_THAN, List.of(3L))))
                        .impossibleForCounts())
                .isTrue();
        assertThat(Threshold.of(Operator.MUST_BE_GREATER_THAN, 100L)
                        .impossibleWithin(java.util.Optional.of(BigDecimal.valueOf(100))))
                .isTrue();
        assertThat(Threshold.of(Operator.MUST_BE_LESS_THAN, 1L).impossibleForCounts())
                .isFalse();
        assertThat(Threshold.of(Operator.MUST_NOT_BE_BETWEEN, 0L, 10L).impossibleForCounts())
                .isFalse();
        assertThat(Threshold.of(Operator.MUST_BE_GREATER_THAN, 1_000_000L).impossibleForCounts())
                .isFalse();
    }

    @Test
    void rejects_bad_operands() {
        assertThatThrownBy(() -> Threshold.of(Operator.MUST_BE_BETWEEN, 5L))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("mustBeBetween takes 2 operands, got [5]");
        assertThatThrownBy(() -> Threshold.of(Operator.MUST_BE_BETWEEN, 5L, 1L))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("mustBeBetween needs the smaller bound first, got 5 and 1");
        assertThatThrownBy(() -> Threshold.of(Operator.MUST_BE_LESS_THAN, "ten"))
                .isInstanceOf(InvalidExpectationException.class)
                .hasMessage("mustBeLessThan compares numbers, got 'ten'");
    }
}
