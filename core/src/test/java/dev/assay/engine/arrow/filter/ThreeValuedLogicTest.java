package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreeValuedLogicTest {
    @Nested
    class TruthTables {
        // Every pair of TRUE, FALSE and NULL (unknown) as rows 0..8: p is row / 3, q is row % 3.
        private TestBatch batch;

        @BeforeEach
        void nine_combinations() {
            Boolean[] values = {true, false, null};
            Boolean[] p = new Boolean[9];
            Boolean[] q = new Boolean[9];
            for (int row = 0; row < 9; row++) {
                p[row] = values[row / 3];
                q[row] = values[row % 3];
            }
            batch = new TestBatch().bit("p", p).bit("q", q);
        }

        @AfterEach
        void close() {
            batch.close();
        }

        @Test
        void and_is_true_only_when_both_are_true() {
            assertThat(batch.select("p AND q")).containsExactly(0);
            // NOT (p AND q) is true where p AND q is false: either side false.
            assertThat(batch.select("NOT (p AND q)")).containsExactly(1, 3, 4, 5, 7);
        }

        @Test
        void or_is_true_when_either_is_true_even_if_the_other_is_unknown() {
            assertThat(batch.select("p OR q")).containsExactly(0, 1, 2, 3, 6);
            assertThat(batch.select("NOT (p OR q)")).containsExactly(4);
        }

        @Test
        void not_of_unknown_is_unknown() {
            assertThat(batch.select("p")).containsExactly(0, 1, 2);
            assertThat(batch.select("NOT p")).containsExactly(3, 4, 5);
            assertThat(batch.select("NOT NOT p")).containsExactly(0, 1, 2);
        }

        @Test
        void is_null_is_never_unknown() {
            assertThat(batch.select("p IS NULL")).containsExactly(6, 7, 8);
            assertThat(batch.select("p IS NOT NULL")).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(batch.select("NOT (p IS NULL)")).containsExactly(0, 1, 2, 3, 4, 5);
        }

        @Test
        void three_operands_follow_the_same_rules() {
            assertThat(batch.select("p OR q OR p IS NULL")).containsExactly(0, 1, 2, 3, 6, 7, 8);
            assertThat(batch.select("p AND q AND p IS NOT NULL")).containsExactly(0);
            // q IS NOT NULL is false where q is null, which makes the AND false there, not unknown.
            assertThat(batch.select("NOT (p AND q AND q IS NOT NULL)")).containsExactly(1, 2, 3, 4, 5, 7, 8);
        }
    }

    @Nested
    class Comparisons {
        private TestBatch batch;

        @BeforeEach
        void rows() {
            batch = new TestBatch().bigInt("a", 1L, null, 5L, 9L).bigInt("b", null, 2L, 5L, 1L);
        }

        @AfterEach
        void close() {
            batch.close();
        }

        @Test
        void with_a_null_operand_are_unknown_and_so_is_their_negation() {
            assertThat(batch.select("a > 0")).containsExactly(0, 2, 3);
            assertThat(batch.select("NOT (a > 0)")).isEmpty();
            assertThat(batch.select("a <> 5")).containsExactly(0, 3);
            assertThat(batch.select("a = b")).containsExactly(2);
            assertThat(batch.select("NOT (a = b)")).containsExactly(3);
        }

        @Test
        void with_null_are_unknown_for_every_row() {
            assertThat(batch.select("a = NULL")).isEmpty();
            assertThat(batch.select("a <> NULL")).isEmpty();
            assertThat(batch.select("NOT (a = NULL)")).isEmpty();
            assertThat(batch.select("a = NULL OR b = 2")).containsExactly(1);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "a IN (1, 5)              | 0, 2",
                    "a NOT IN (1, 5)          | 3",
                    "a IN (1, NULL)           | 0",
                    "a NOT IN (1, NULL)       | ''",
                    "a NOT IN (NULL)          | ''",
                    "a BETWEEN 1 AND 5        | 0, 2",
                    "a NOT BETWEEN 1 AND 5    | 3",
                    "a BETWEEN NULL AND 5     | ''",
                    "a NOT BETWEEN NULL AND 5 | 3",
                    "a NOT BETWEEN 2 AND NULL | 0"
                })
        void follow_sql_for_lists_and_ranges_with_nulls(String condition, String rows) {
            assertThat(batch.select(condition)).isEqualTo(rowList(rows));
        }

        private List<Integer> rowList(String rows) {
            return rows.isEmpty()
                    ? List.of()
                    : java.util.Arrays.stream(rows.split(",\\s*"))
                            .map(Integer::valueOf)
                            .toList();
        }
    }
}
