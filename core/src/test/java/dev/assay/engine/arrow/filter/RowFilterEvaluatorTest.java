package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowFilterEvaluatorTest {
    private static final Schema ORDERS = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("amount", new ArrowType.Int(64, true)),
            Field.nullable("status", ArrowType.Utf8.INSTANCE),
            Field.nullable("created_at", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
            Field.nullable("is_paid", ArrowType.Bool.INSTANCE),
            Field.nullable("tags", new ArrowType.List()))); // a list column: only IS NULL applies

    private static void compile(String condition) {
        RowFilterEvaluator.compile(RowFilter.parse(condition), ORDERS);
    }

    @Nested
    class Selection {
        @Test
        void writes_the_kept_rows_in_ascending_order_and_returns_their_count() {
            try (TestBatch batch = new TestBatch().bigInt("a", 5L, 1L, 7L, null, 9L)) {
                RowFilterEvaluator evaluator = RowFilterEvaluator.compile(
                        RowFilter.parse("a > 4"), batch.root().getSchema());
                int[] selected = new int[] {-1, -1, -1, -1, -1, -1};
                assertThat(evaluator.select(batch.root(), selected)).isEqualTo(3);
                assertThat(selected).containsExactly(0, 2, 4, -1, -1, -1);
            }
        }

        @Test
        void keeps_every_row_without_a_filter() {
            try (TestBatch batch = new TestBatch().bigInt("a", 5L, null, 7L)) {
                assertThat(batch.select(RowFilter.none())).containsExactly(0, 1, 2);
                assertThat(RowFilterEvaluator.compile(RowFilter.none(), ORDERS).filter())
                        .isSameAs(RowFilter.none());
            }
        }

        @Test
        void handles_an_empty_batch() {
            try (TestBatch batch = new TestBatch().bigInt("a").varChar("s")) {
                assertThat(batch.select("a > 1 AND s LIKE 'x%' AND s IN ('a')")).isEmpty();
            }
        }

        @Test
        void finds_columns_by_name_so_batches_may_be_pruned_or_reordered() {
            RowFilterEvaluator evaluator = RowFilterEvaluator.compile(RowFilter.parse("amount > 10"), ORDERS);
            try (TestBatch batch = new TestBatch().varChar("other", "x", "y").bigInt("amount", 11L, 10L)) {
                int[] selected = new int[2];
                assertThat(evaluator.select(batch.root(), selected)).isEqualTo(1);
                assertThat(selected[0]).isZero();
            }
        }

        @Test
        void rejects_a_selection_array_shorter_than_the_batch() {
            try (TestBatch batch = new TestBatch().bigInt("a", 1L, 2L)) {
                RowFilterEvaluator evaluator = RowFilterEvaluator.compile(
                        RowFilter.parse("a > 0"), batch.root().getSchema());
                assertThatThrownBy(() -> evaluator.select(batch.root(), new int[1]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("selected has room for 1 indexes, but the batch has 2 rows");
            }
        }

        @Test
        void rejects_a_batch_that_does_not_match_the_compiled_schema() {
            RowFilterEvaluator evaluator = RowFilterEvaluator.compile(RowFilter.parse("amount > 10"), ORDERS);
            try (TestBatch batch = new TestBatch().bigInt("id", 1L)) {
                assertThatThrownBy(() -> evaluator.select(batch.root(), new int[1]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("the batch has no column 'amount' for the row_condition");
            }
            try (TestBatch batch = new TestBatch().integer("amount", 1)) {
                assertThatThrownBy(() -> evaluator.select(batch.root(), new int[1]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("column 'amount' of the batch has type Int(32, true), but the row_condition was"
                                + " compiled for Int(64, true)");
            }
        }

        @Test
        void spans_many_words_and_decoding_chunks() {
            int rows = 5000;
            Long[] values = new Long[rows];
            String[] strings = new String[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = i % 11 == 0 ? null : (long) (i % 100);
                strings[i] = i % 13 == 0 ? null : "v" + (i % 7);
            }
            try (TestBatch batch = new TestBatch().bigInt("a", values).varChar("s", strings)) {
                List<Integer> expected = IntStream.range(0, rows)
                        .filter(i -> values[i] != null && strings[i] != null)
                        .filter(i -> values[i] >= 50 && (strings[i].equals("v3") || strings[i].compareTo("v5") > 0))
                        .boxed()
                        .collect(Collectors.toList());
                assertThat(batch.select("a >= 50 AND (s = 'v3' OR s > 'v5')")).isEqualTo(expected);
                List<Integer> negated = IntStream.range(0, rows)
                        .filter(i -> values[i] != null && values[i] < 50)
                        .boxed()
                        .collect(Collectors.toList());
                assertThat(batch.select("NOT (a >= 50)")).isEqualTo(negated);
            }
        }

        @Test
        void is_thread_safe() throws Exception {
            int rows = 10_000;
            Long[] values = new Long[rows];
            Arrays.setAll(values, i -> (long) i);
            try (TestBatch batch = new TestBatch().bigInt("a", values)) {
                RowFilterEvaluator evaluator = RowFilterEvaluator.compile(
                        RowFilter.parse("a >= 5000"), batch.root().getSchema());
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Future<Integer>> counts = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        counts.add(pool.submit(() -> evaluator.select(batch.root(), new int[rows])));
                    }
                    for (Future<Integer> count : counts) {
                        assertThat(count.get()).isEqualTo(5000);
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }

        @Test
        void tests_any_column_for_null_even_of_unsupported_types() {
            try (BufferAllocator allocator = new RootAllocator();
                    ListVector tags = ListVector.empty("tags", allocator);
                    BigIntVector id = new BigIntVector("id", allocator)) {
                UnionListWriter writer = tags.getWriter();
                writer.setPosition(0);
                writer.startList();
                writer.bigInt().writeBigInt(1);
                writer.endList();
                writer.setPosition(2);
                writer.startList();
                writer.endList();
                writer.setValueCount(3);
                tags.setValueCount(3);
                id.allocateNew(3);
                id.setValueCount(3);
                VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, tags));
                root.setRowCount(3);
                RowFilterEvaluator evaluator =
                        RowFilterEvaluator.compile(RowFilter.parse("tags IS NULL"), root.getSchema());
                int[] selected = new int[3];
                assertThat(evaluator.select(root, selected)).isEqualTo(1);
                assertThat(selected[0]).isEqualTo(1);
            }
        }

        @Test
        void shows_its_filter() {
            assertThat(RowFilterEvaluator.compile(RowFilter.parse("amount>1"), ORDERS))
                    .hasToString("RowFilterEvaluator[amount > 1]");
            assertThat(RowFilterEvaluator.compile(RowFilter.none(), ORDERS)).hasToString("RowFilterEvaluator[none]");
        }
    }

    @Nested
    class UnknownColumns {
        @Test
        void are_rejected_naming_the_available_columns_and_the_nearest() {
            assertThatThrownBy(() -> compile("amont > 1"))
                    .isInstanceOfSatisfying(ColumnNotFoundException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
                    .hasMessage("row_condition \"amont > 1\": column 'amont' not found; available columns: [id, amount,"
                            + " status, created_at, is_paid, tags]; did you mean 'amount'?");
        }

        @Test
        void are_rejected_without_a_guess_when_none_is_close() {
            assertThatThrownBy(() -> compile("discount_code > 1"))
                    .isInstanceOf(ColumnNotFoundException.class)
                    .hasMessage("row_condition \"discount_code > 1\": column 'discount_code' not found; available"
                            + " columns: [id, amount, status, created_at, is_paid, tags]");
        }

        @Test
        void are_found_wherever_they_appear() {
            for (String condition : Set.of(
                    "amount > Amount",
                    "Status IS NULL",
                    "paid",
                    "amount > 1 AND (status = 'x' OR NOT Id IN (1))",
                    "x LIKE 'a'",
                    "x BETWEEN 1 AND 2")) {
                assertThatThrownBy(() -> compile(condition))
                        .as(condition)
                        .isInstanceOf(ColumnNotFoundException.class)
                        .hasMessageContaining(
                                "not found; available columns: [id, amount, status, created_at, is_paid," + " tags]");
            }
        }

        @Test
        void are_rejected_for_the_empty_filter_never() {
            assertThat(RowFilterEvaluator.compile(RowFilter.none(), new Schema(List.of())))
                    .isNotNull();
        }
    }

    @Nested
    class TypeMismatches {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "amount > 'abc'              | cannot compare column 'amount' of type Int(64, true) with the string"
                            + " 'abc'",
                    "amount = TRUE               | cannot compare column 'amount' of type Int(64, true) with the boolean"
                            + " TRUE",
                    "amount IN (1, 'x')          | cannot compare column 'amount' of type Int(64, true) with the string"
                            + " 'x'",
                    "amount < DATE '2024-01-01'  | cannot compare column 'amount' of type Int(64, true) with DATE"
                            + " '2024-01-01'",
                    "status > 5                  | cannot compare column 'status' of type Utf8 with the number 5",
                    "status IN ('a', 5)          | cannot compare column 'status' of type Utf8 with the number 5",
                    "status BETWEEN 'a' AND 5    | cannot compare column 'status' of type Utf8 with the number 5",
                    "created_at > 5              | cannot compare column 'created_at' of type Date(DAY) with the number"
                            + " 5",
                    "created_at > TIME '10:00:00' | cannot compare column 'created_at' of type Date(DAY) with TIME"
                            + " '10:00:00'",
                    "created_at > 'yesterday'    | cannot compare column 'created_at' of type Date(DAY) with the string"
                            + " 'yesterday': 'yesterday' is not a timestamp (yyyy-MM-dd HH:mm[:ss[.fffffffff]][+HH:mm])",
                    "is_paid = 1                 | cannot compare column 'is_paid' of type Bool with the number 1",
                    "amount                      | column 'amount' of type Int(64, true) is not boolean, so it cannot be"
                            + " a condition by itself; compare it with a value instead",
                    "amount LIKE '1%'            | LIKE needs a string column, but column 'amount' is of type Int(64,"
                            + " true)",
                    "amount = status             | cannot compare column 'amount' of type Int(64, true) with column"
                            + " 'status' of type Utf8",
                    "created_at < is_paid        | cannot compare column 'created_at' of type Date(DAY) with column"
                            + " 'is_paid' of type Bool",
                    "tags = 1                    | column 'tags' of type List cannot be compared; only IS NULL and IS"
                            + " NOT NULL apply to it",
                    "tags IN (NULL)              | column 'tags' of type List cannot be compared; only IS NULL and IS"
                            + " NOT NULL apply to it"
                })
        void are_rejected_naming_column_type_and_literal(String condition, String problem) {
            String canonical = RowFilter.parse(condition).text();
            assertThatThrownBy(() -> compile(condition))
                    .isInstanceOfSatisfying(
                            AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROW_CONDITION))
                    .hasMessage("row_condition \"" + canonical + "\": " + problem);
        }

        @Test
        void are_rejected_for_literals_that_need_no_evaluation_too() {
            // A NULL comparison is unknown whatever the type, but the column must still exist and be comparable.
            assertThatThrownBy(() -> compile("tags = NULL")).hasMessageContaining("cannot be compared");
            compile("amount = NULL");
        }

        @Test
        void reject_filters_that_are_not_conditions() {
            RowFilter custom = new RowFilter() {
                @Override
                public Set<String> columns() {
                    return Set.of();
                }

                @Override
                public String text() {
                    return "custom";
                }
            };
            assertThatThrownBy(() -> RowFilterEvaluator.compile(custom, ORDERS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("unsupported RowFilter implementation: ");
        }
    }
}
