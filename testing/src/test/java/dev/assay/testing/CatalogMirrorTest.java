package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.expectation.ExpectationCatalog;
import dev.assay.result.Errored;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every expectation type of the catalog has a fluent assertion, or is in {@link #EXCLUDED} with the
 * reason. A new type in {@link ExpectationCatalog} fails this test until it gets one.
 */
class CatalogMirrorTest {
    /**
     * Types without a fluent assertion, and why: the first two are judged against earlier runs and need a
     * metric history, which a test's batch has not; expect_contract_metric_to_meet_threshold is compiled from
     * data contracts: use the contract gate.
     */
    static final Set<String> EXCLUDED = Set.of(
            "expect_table_row_count_to_change_by_at_most",
            "expect_metric_to_not_be_anomalous",
            "expect_contract_metric_to_meet_threshold");

    private final Batch batch = InMemoryBatch.named("b")
            .column("a", "int64", 2L, 3L)
            .column("b", "int64", 1L, 3L)
            .column("s", "string", "x", "y")
            .column("t", "timestamp_tz", Instant.parse("2024-01-01T00:00:00Z"), null)
            .build();

    /** Each catalog type, and one fluent call that validates it; the call returns the assertion used. */
    private static Map<String, Function<BatchAssert, Object>> mirrors() {
        Map<String, Function<BatchAssert, Object>> m = new LinkedHashMap<>();
        m.put("expect_column_values_to_not_be_null", b -> b.column("a").hasNoNulls());
        m.put("expect_column_values_to_be_null", b -> b.column("a").hasOnlyNulls());
        m.put("expect_column_proportion_of_non_null_values_to_be_between", b -> b.column("a")
                .nonNullProportionBetween(0, 1));
        m.put("expect_column_values_to_be_between", b -> b.column("a").valuesBetween(0, 9));
        m.put("expect_column_min_to_be_between", b -> b.column("a").minBetween(0, 9));
        m.put("expect_column_max_to_be_between", b -> b.column("a").maxBetween(0, 9));
        m.put("expect_column_mean_to_be_between", b -> b.column("a").meanBetween(0, 9));
        m.put("expect_column_median_to_be_between", b -> b.column("a").medianBetween(0, 9));
        m.put("expect_column_sum_to_be_between", b -> b.column("a").sumBetween(0, 9));
        m.put("expect_column_stdev_to_be_between", b -> b.column("a").stdevBetween(0, 9));
        m.put("expect_column_quantile_values_to_be_between", b -> b.column("a").quantileBetween(0.5, 0, 9));
        m.put("expect_column_values_to_be_in_set", b -> b.column("s").valuesInSet("x", "y"));
        m.put("expect_column_values_to_not_be_in_set", b -> b.column("s").valuesNotInSet("z"));
        m.put("expect_column_values_to_match_regex", b -> b.column("s").valuesMatch("."));
        m.put("expect_column_values_to_not_match_regex", b -> b.column("s").valuesDoNotMatch("z"));
        m.put("expect_column_value_lengths_to_be_between", b -> b.column("s").lengthsBetween(1, 1));
        m.put("expect_column_value_lengths_to_equal", b -> b.column("s").lengthsEqual(1));
        m.put("expect_column_pair_values_a_to_be_greater_than_b", b -> b.columns("a", "b")
                .firstAtLeastSecond());
        m.put("expect_column_pair_values_to_be_equal", b -> b.columns("a", "b").areEqual());
        m.put("expect_column_values_to_be_unique", b -> b.column("a").isUnique());
        m.put("expect_compound_columns_to_be_unique", b -> b.columns("a", "s").areUnique());
        m.put("expect_column_unique_value_count_to_be_between", b -> b.column("a")
                .uniqueValueCountBetween(0, 9));
        m.put("expect_column_proportion_of_unique_values_to_be_between", b -> b.column("a")
                .uniqueProportionBetween(0, 1));
        m.put("expect_column_distinct_values_to_be_in_set", b -> b.column("s").distinctValuesInSet("x", "y"));
        m.put("expect_column_distinct_values_to_contain_set", b -> b.column("s").distinctValuesContain("x"));
        m.put("expect_column_distinct_values_to_equal_set", b -> b.column("s").distinctValuesEqual("x", "y"));
        m.put("expect_column_values_to_be_fresh", b -> b.column("t").isFresherThan(Duration.ofDays(1)));
        m.put("expect_table_row_count_to_be_between", b -> b.hasRowCountBetween(0, 9));
        m.put("expect_table_row_count_to_equal", b -> b.hasRowCount(2));
        m.put("expect_column_to_exist", b -> b.column("a").exists());
        m.put("expect_table_columns_to_match_ordered_list", b -> b.hasColumnsInOrder("a", "b", "s", "t"));
        m.put("expect_table_columns_to_match_set", b -> b.hasColumns("a"));
        m.put("expect_table_column_count_to_be_between", b -> b.hasColumnCountBetween(0, 9));
        m.put("expect_table_column_count_to_equal", b -> b.hasColumnCount(4));
        m.put("expect_column_values_to_be_of_type", b -> b.column("a").hasType("int64"));
        m.put("expect_column_values_to_be_in_type_list", b -> b.column("a").hasTypeIn("int64"));
        return m;
    }

    @Test
    void everyCatalogTypeHasAFluentAssertionOrAStatedExclusion() {
        Set<String> catalog = new TreeSet<>(ExpectationCatalog.names());
        Set<String> covered = new TreeSet<>(mirrors().keySet());
        covered.addAll(EXCLUDED);
        assertThat(covered)
                .as("catalog types without a fluent assertion (add one, or exclude it with a reason)")
                .containsAll(catalog);
        assertThat(catalog).as("mirrored types that are not in the catalog").containsAll(covered);
    }

    @Test
    void eachFluentAssertionValidatesTheTypeItIsListedFor() {
        mirrors().forEach((type, call) -> {
            Object[] used = new Object[1];
            Throwable failure = catchThrowable(() -> used[0] = call.apply(assertThat(batch)));
            ValidationResult result = failure instanceof AssayAssertionError error
                    ? error.results().get(0)
                    : lastResult(used[0]);
            assertThat(result)
                    .as(type + ": no validation (failure: " + failure + ")")
                    .isNotNull();
            assertThat(result.results())
                    .as(type)
                    .extracting(r -> r.expectation().type().name())
                    .containsExactly(type);
            assertThat(result.results()).as(type + " could be evaluated").noneMatch(r -> r instanceof Errored);
        });
    }

    private static ValidationResult lastResult(Object assertion) {
        if (assertion instanceof ColumnAssert c) {
            return c.lastResult();
        }
        if (assertion instanceof ColumnsAssert c) {
            return c.lastResult();
        }
        if (assertion instanceof BatchAssert b) {
            return b.lastResult();
        }
        return null;
    }
}
