package dev.assay.expectation;

import dev.assay.contract.LibraryMetricCheck;
import dev.assay.model.ExpectationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every expectation type Assay knows, by GX name. An explicit list: no classpath scanning, no global
 * registry to mutate. Thread-safe.
 */
public final class ExpectationCatalog {
    private static final List<ExpectationType> TYPES = List.of(
            ColumnValuesNotNull.TYPE,
            ColumnValuesNull.TYPE,
            ColumnProportionOfNonNullBetween.TYPE,
            ColumnValuesBetween.TYPE,
            ColumnMinBetween.TYPE,
            ColumnMaxBetween.TYPE,
            ColumnMeanBetween.TYPE,
            ColumnMedianBetween.TYPE,
            ColumnSumBetween.TYPE,
            ColumnStdevBetween.TYPE,
            ColumnQuantileValuesBetween.TYPE,
            ColumnValuesInSet.TYPE,
            ColumnValuesNotInSet.TYPE,
            ColumnValuesMatchRegex.TYPE,
            ColumnValuesNotMatchRegex.TYPE,
            ColumnValueLengthsBetween.TYPE,
            ColumnValueLengthsEqual.TYPE,
            ColumnPairValuesAGreaterThanB.TYPE,
            ColumnPairValuesEqual.TYPE,
            ColumnValuesUnique.TYPE,
            CompoundColumnsUnique.TYPE,
            ColumnUniqueValueCountBetween.TYPE,
            ColumnProportionOfUniqueValuesBetween.TYPE,
            ColumnDistinctValuesMatchSet.IN_SET_TYPE,
            ColumnDistinctValuesMatchSet.CONTAIN_SET_TYPE,
            ColumnDistinctValuesMatchSet.EQUAL_SET_TYPE,
            ColumnValuesFresh.TYPE,
            TableRowCountBetween.TYPE,
            TableRowCountEqual.TYPE,
            TableRowCountChangeAtMost.TYPE,
            MetricNotAnomalous.TYPE,
            ColumnExists.TYPE,
            TableColumnsMatchOrderedList.TYPE,
            TableColumnsMatchSet.TYPE,
            TableColumnCountBetween.TYPE,
            TableColumnCountEqual.TYPE,
            ColumnValuesOfType.TYPE,
            ColumnValuesInTypeList.TYPE,
            LibraryMetricCheck.TYPE);

    private static final Map<String, ExpectationType> BY_NAME = byName();

    private ExpectationCatalog() {}

    private static Map<String, ExpectationType> byName() {
        Map<String, ExpectationType> map = new LinkedHashMap<>();
        for (ExpectationType t : TYPES) {
            map.put(t.name(), t);
        }
        return map;
    }

    /** Every type, in catalog order. */
    public static List<ExpectationType> types() {
        return TYPES;
    }

    /** The type with this GX name, or empty. */
    public static Optional<ExpectationType> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every GX name, in catalog order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
