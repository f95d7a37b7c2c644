package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.RowFilter;
import dev.assay.model.filter.And;
import dev.assay.model.filter.Between;
import dev.assay.model.filter.BooleanColumn;
import dev.assay.model.filter.BooleanLiteral;
import dev.assay.model.filter.ColumnRef;
import dev.assay.model.filter.Comparison;
import dev.assay.model.filter.ComparisonOperator;
import dev.assay.model.filter.Condition;
import dev.assay.model.filter.InList;
import dev.assay.model.filter.IsNull;
import dev.assay.model.filter.Like;
import dev.assay.model.filter.Literal;
import dev.assay.model.filter.Not;
import dev.assay.model.filter.NullLiteral;
import dev.assay.model.filter.NumberLiteral;
import dev.assay.model.filter.Operand;
import dev.assay.model.filter.Or;
import dev.assay.model.filter.StringLiteral;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random conditions over random data with nulls, checked against a plain interpreter of the same tree with SQL's
 * three-valued logic, and against their own canonical text parsed back.
 */
class RandomConditionsTest {
    private static final int ROWS = 3000;
    private static final Long[] INTS = {-5L, -1L, 0L, 1L, 2L, 3L, 5L};
    private static final Double[] DOUBLES = {-1.5, -0.0, 0.0, 0.5, 2.0, Double.NaN, Double.POSITIVE_INFINITY};
    private static final String[] STRINGS = {"", "a", "ab", "b", "é", "😀", "～", "abcdefghij", "abcdefghik"};
    private static final String[] DECIMALS = {"-1.50", "0.00", "0.50", "2.25"};
    private static final String[] NUMBER_LITERALS = {"-3", "0", "2", "2.5", "-0.5", "0.50", "1e20", "0.1", "2.25"};
    private static final String[] PATTERNS = {"a%", "%b", "_", "%", "a_", "%é%", "abcdefghi_", "%j"};

    private final Random random = new Random(7);

    @Test
    void agree_with_an_interpreter_of_the_same_tree() {
        Object[][] columns = new Object[5][ROWS];
        Long[] ints = new Long[ROWS];
        Double[] doubles = new Double[ROWS];
        String[] strings = new String[ROWS];
        Boolean[] booleans = new Boolean[ROWS];
        String[] decimals = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            ints[row] = nullOr(INTS[random.nextInt(INTS.length)]);
            doubles[row] = nullOr(DOUBLES[random.nextInt(DOUBLES.length)]);
            strings[row] = nullOr(STRINGS[random.nextInt(STRINGS.length)]);
            booleans[row] = nullOr(random.nextBoolean());
            decimals[row] = nullOr(DECIMALS[random.nextInt(DECIMALS.length)]);
        }
        columns[0] = ints;
        columns[1] = doubles;
        columns[2] = strings;
        columns[3] = booleans;
        columns[4] = decimals;
        try (TestBatch batch = new TestBatch()
                .bigInt("i", ints)
                .float8("f", doubles)
                .varChar("s", strings)
                .bit("b", booleans)
                .decimal("d", 10, 2, decimals)) {
            for (int round = 0; round < 400; round++) {
                Condition condition = condition(3);
                List<Integer> expected = new ArrayList<>();
                for (int row = 0; row < ROWS; row++) {
                    if (Boolean.TRUE.equals(evaluate(condition, row(columns, row)))) {
                        expected.add(row);
                    }
                }
                assertThat(batch.select(condition)).as(condition.text()).isEqualTo(expected);
                assertThat(RowFilter.parse(condition.text()))
                        .as(condition.text())
                        .isEqualTo(condition);
            }
        }
    }

    private <T> T nullOr(T value) {
        return random.nextInt(7) == 0 ? null : value;
    }

    private static Map<String, Object> row(Object[][] columns, int row) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("i", columns[0][row]);
        values.put("f", columns[1][row]);
        values.put("s", columns[2][row]);
        values.put("b", columns[3][row]);
        values.put("d", columns[4][row] == null ? null : new BigDecimal((String) columns[4][row]));
        return values;
    }

    // ---- generating conditions

    private Condition condition(int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 7);
        switch (choice) {
            case 7:
                return new And(List.of(condition(depth - 1), condition(depth - 1)));
            case 8:
                return new Or(List.of(condition(depth - 1), condition(depth - 1), condition(depth - 1)));
            case 9:
                return new Not(condition(depth - 1));
            default:
                return leaf();
        }
    }

    private Condition leaf() {
        String column = pick("i", "f", "s", "b", "d");
        switch (random.nextInt(9)) {
            case 0:
                return new IsNull(column, random.nextBoolean());
            case 1:
                return new BooleanColumn("b");
            case 2:
                return new InList(
                        column.equals("b") ? "i" : column,
                        list(column.equals("b") ? "i" : column),
                        random.nextBoolean());
            case 3:
                String ranged = column.equals("b") ? "d" : column;
                return new Between(ranged, literal(ranged), literal(ranged), random.nextBoolean());
            case 4:
                return new Like("s", pick(PATTERNS), Optional.empty(), random.nextBoolean());
            case 5:
                String left = pick("i", "f", "d");
                return new Comparison(left, operator(), new ColumnRef(pick("i", "f", "d")));
            case 6:
                return new Comparison(column, operator(), new NullLiteral());
            default:
                return new Comparison(column, operator(), literal(column));
        }
    }

    private List<Literal> list(String column) {
        List<Literal> values = new ArrayList<>();
        int size = 1 + random.nextInt(12);
        for (int i = 0; i < size; i++) {
            values.add(random.nextInt(10) == 0 ? new NullLiteral() : literal(column));
        }
        return values;
    }

    private Literal literal(String column) {
        switch (column) {
            case "s":
                return new StringLiteral(pick(STRINGS));
            case "b":
                return new BooleanLiteral(random.nextBoolean());
            default:
                return new NumberLiteral(new BigDecimal(pick(NUMBER_LITERALS)));
        }
    }

    private ComparisonOperator operator() {
        return ComparisonOperator.values()[random.nextInt(ComparisonOperator.values().length)];
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the interpreter: null is unknown

    private static Boolean evaluate(Condition condition, Map<String, Object> row) {
        if (condition instanceof And and) {
            boolean unknown = false;
            for (Condition operand : and.operands()) {
                Boolean value = evaluate(operand, row);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                unknown |= value == null;
            }
            return unknown ? null : true;
        }
        if (condition instanceof Or or) {
            boolean unknown = false;
            for (Condition operand : or.operands()) {
                Boolean value = evaluate(operand, row);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                unknown |= value == null;
            }
            return unknown ? null : false;
        }
        if (condition instanceof Not not) {
            Boolean value = evaluate(not.operand(), row);
            return value == null ? null : !value;
        }
        if (condition instanceof IsNull isNull) {
            return (row.get(isNull.column()) == null) != isNull.negated();
        }
        if (condition instanceof BooleanColumn column) {
            return (Boolean) row.get(column.column());
        }
        if (condition instanceof Comparison comparison) {
            Object left = row.get(comparison.column());
            Object right = value(comparison.right(), row);
            if (left == null || right == null) {
                return null;
            }
            return comparison.operator().accepts(compare(left, right));
        }
        if (condition instanceof InList in) {
            Object value = row.get(in.column());
            if (value == null) {
                return null;
            }
            boolean hasNull = false;
            for (Literal literal : in.values()) {
                Object candidate = value(literal, row);
                if (candidate == null) {
                    hasNull = true;
                } else if (!(value instanceof Double d && d.isNaN()) && compare(value, candidate) == 0) {
                    return !in.negated();
                }
            }
            return hasNull ? null : in.negated();
        }
        if (condition instanceof Between between) {
            Condition both = new And(List.of(
                    new Comparison(between.column(), ComparisonOperator.GREATER_THAN_OR_EQUAL, between.low()),
                    new Comparison(between.column(), ComparisonOperator.LESS_THAN_OR_EQUAL, between.high())));
            return evaluate(between.negated() ? new Not(both) : both, row);
        }
        if (condition instanceof Like like) {
            String value = (String) row.get(like.column());
            if (value == null) {
                return null;
            }
            return LikeMatcherTest.regexMatches(like.pattern(), like.escape(), value) != like.negated();
        }
        throw new AssertionError(condition);
    }

    private static Object value(Operand operand, Map<String, Object> row) {
        if (operand instanceof ColumnRef column) {
            return row.get(column.name());
        }
        if (operand instanceof NumberLiteral number) {
            return number.value();
        }
        if (operand instanceof StringLiteral string) {
            return string.value();
        }
        if (operand instanceof BooleanLiteral bool) {
            return bool.value();
        }
        if (operand instanceof NullLiteral) {
            return null;
        }
        throw new AssertionError(operand);
    }

    /** Numbers by exact value (NaN greatest, -0 = 0), strings by code point, booleans false first. */
    private static int compare(Object a, Object b) {
        if (a instanceof String x) {
            return Integer.signum(java.util.Arrays.compare(
                    x.codePoints().toArray(), ((String) b).codePoints().toArray()));
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB || rankA != 0) {
            return Integer.compare(rankA, rankB);
        }
        return exact(a).compareTo(exact(b));
    }

    /** -1 for -infinity, 0 for finite, 1 for +infinity, 2 for NaN. */
    private static int rank(Object number) {
        if (number instanceof Double d) {
            return d.isNaN() ? 2 : d == Double.POSITIVE_INFINITY ? 1 : d == Double.NEGATIVE_INFINITY ? -1 : 0;
        }
        return 0;
    }

    private static BigDecimal exact(Object number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return new BigDecimal((Double) number);
    }
}
