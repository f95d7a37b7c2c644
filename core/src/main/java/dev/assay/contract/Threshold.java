package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The comparison a quality rule makes on its metric: one ODCS operator ({@code mustBe},
 * {@code mustBeLessThan}, {@code mustBeBetween}, ...) or, in ODCS 3.0.x, several that must all hold.
 * Immutable and thread-safe.
 *
 * <p>Passes: {@code mustBeLessThan: 5} on 4<br>
 * Fails: {@code mustBeBetween: [100, 120]} on 99
 *
 * @param conditions the conditions, all of which must hold; never empty
 */
public record Threshold(List<Condition> conditions) {
    public Threshold {
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        if (conditions.isEmpty()) {
            throw new InvalidExpectationException("a threshold needs at least one condition");
        }
    }

    /** One condition. */
    public static Threshold of(Operator operator, Object... operands) {
        return new Threshold(List.of(new Condition(operator, List.of(operands))));
    }

    /** The ODCS operators. */
    public enum Operator {
        MUST_BE("mustBe", 1),
        MUST_NOT_BE("mustNotBe", 1),
        MUST_BE_GREATER_THAN("mustBeGreaterThan", 1),
        MUST_BE_GREATER_OR_EQUAL_TO("mustBeGreaterOrEqualTo", 1),
        MUST_BE_LESS_THAN("mustBeLessThan", 1),
        MUST_BE_LESS_OR_EQUAL_TO("mustBeLessOrEqualTo", 1),
        MUST_BE_BETWEEN("mustBeBetween", 2),
        MUST_NOT_BE_BETWEEN("mustNotBeBetween", 2);

        private final String odcsName;
        private final int operands;

        Operator(String odcsName, int operands) {
            this.odcsName = odcsName;
            this.operands = operands;
        }

        /** The key in a contract, e.g. {@code mustBeLessThan}. */
        public String odcsName() {
            return odcsName;
        }

        /** Every ODCS key, in declaration order. */
        public static List<String> names() {
            return Arrays.stream(values()).map(Operator::odcsName).toList();
        }

        /** The operator with this ODCS key, or empty. */
        public static Optional<Operator> fromOdcsName(String name) {
            for (Operator o : values()) {
                if (o.odcsName.equals(name)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One operator and its operands: numbers, except that {@code mustBe}/{@code mustNotBe} also take a
     * boolean or a string (for a SQL rule that returns one).
     *
     * @param operator the operator
     * @param operands one operand, or two (low, high) for the between operators
     */
    public record Condition(Operator operator, List<Object> operands) {
        public Condition {
            requireNonNull(operator, "operator is null");
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.size() != operator.operands) {
                throw new InvalidExpectationException(operator.odcsName + " takes " + operator.operands + " operand"
                        + (operator.operands == 1 ? "" : "s") + ", got " + operands);
            }
            if (operator.operands == 2 || (operator != Operator.MUST_BE && operator != Operator.MUST_NOT_BE)) {
                for (Object o : operands) {
                    if (!(o instanceof Number)) {
                        throw new InvalidExpectationException(
                                operator.odcsName + " compares numbers, got " + Threshold.show(o));
                    }
                }
            }
            if (operator.operands == 2 && decimal(operands.get(0)).compareTo(decimal(operands.get(1))) > 0) {
                throw new InvalidExpectationException(operator.odcsName + " needs the smaller bound first, got "
                        + show(operands.get(0)) + " and " + show(operands.get(1)));
            }
        }

        /** True when {@code observed} satisfies this condition. */
        public boolean test(Object observed) {
            if (operator == Operator.MUST_BE || operator == Operator.MUST_NOT_BE) {
                boolean equal = equal(observed, operands.get(0));
                return operator == Operator.MUST_BE ? equal : !equal;
            }
            if (!(observed instanceof Number)) {
                return false;
            }
            int c = decimal(observed).compareTo(decimal(operands.get(0)));
            switch (operator) {
                case MUST_BE_GREATER_THAN:
                    return c > 0;
                case MUST_BE_GREATER_OR_EQUAL_TO:
                    return c >= 0;
                case MUST_BE_LESS_THAN:
                    return c < 0;
                case MUST_BE_LESS_OR_EQUAL_TO:
                    return c <= 0;
                case MUST_BE_BETWEEN:
                    return c >= 0 && decimal(observed).compareTo(decimal(operands.get(1))) <= 0;
                case MUST_NOT_BE_BETWEEN:
                    return c < 0 || decimal(observed).compareTo(decimal(operands.get(1))) > 0;
                case MUST_BE:
                case MUST_NOT_BE:
                    break;
            }
            throw new AssertionError(operator);
        }

        /** {@code mustBeLessThan 5}. */
        public String describe() {
            return operator.odcsName + " "
                    + (operands.size() == 1
                            ? show(operands.get(0))
                            : "[" + show(operands.get(0)) + ", " + show(operands.get(1)) + "]");
        }
    }

    /** True when every condition holds for {@code observed}. */
    public boolean test(Object observed) {
        return conditions.stream().allMatch(c -> c.test(observed));
    }

    /** {@code mustBeGreaterThan 0 and mustBeLessThan 10}. */
    public String describe() {
        return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and "));
    }

    /**
     * True when no count or percent (a number of 0 or more) satisfies every condition, e.g.
     * {@code mustBeLessThan: 0}, or {@code mustBeGreaterThan: 5} with {@code mustBeLessThan: 3}.
     */
    public boolean impossibleForCounts() {
        return impossibleWithin(Optional.empty());
    }

    /**
     * True when no number in [0, {@code max}] (or [0, +inf) when empty) satisfies every condition; for a
     * percent, {@code max} is 100.
     */
    public boolean impossibleWithin(Optional<BigDecimal> max) {
        // The conditions cut [0, +inf) at their operands; testing each operand, a point just beside it on
        // both sides, 0 and a point beyond the largest covers every piece.
        TreeSet<BigDecimal> cuts = new TreeSet<>();
        cuts.add(BigDecimal.ZERO);
        max.ifPresent(cuts::add);
        for (Condition c : conditions) {
            for (Object o : c.operands()) {
                if (o instanceof Number) {
                    cuts.add(decimal(o).stripTrailingZeros());
                }
            }
        }
        for (BigDecimal v : probes(cuts)) {
            if (v.signum() >= 0 && (max.isEmpty() || v.compareTo(max.get()) <= 0) && test(v)) {
                return false;
            }
        }
        return max.isPresent() || !test(cuts.last().add(BigDecimal.ONE));
    }

    /**
     * The points that tell apart every piece the {@code cuts} (sorted operands) make of the number line:
     * each cut, a point just beside it on both sides (a quarter of the smallest gap away, at most 1/4) and
     * a point one beyond each end. A threshold is constant on each piece, so testing these is testing all.
     */
    public static List<BigDecimal> probes(SortedSet<BigDecimal> cuts) {
        BigDecimal gap = BigDecimal.ONE;
        BigDecimal previous = null;
        for (BigDecimal cut : cuts) {
            if (previous != null && cut.subtract(previous).compareTo(gap) < 0) {
                gap = cut.subtract(previous);
            }
            previous = cut;
        }
        BigDecimal delta = gap.divide(BigDecimal.valueOf(4));
        List<BigDecimal> points = new ArrayList<>();
        for (BigDecimal cut : cuts) {
            points.add(cut.subtract(delta));
            points.add(cut);
            points.add(cut.add(delta));
        }
        if (!cuts.isEmpty()) {
            points.add(cuts.first().subtract(BigDecimal.ONE));
            points.add(cuts.last().add(BigDecimal.ONE));
        }
        return points;
    }

    static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(((Number) n).doubleValue());
        }
        return new BigDecimal(n.toString());
    }

    private static boolean equal(Object observed, Object expected) {
        if (observed instanceof Number && expected instanceof Number) {
            return decimal(observed).compareTo(decimal(expected)) == 0;
        }
        if (observed instanceof Boolean && expected instanceof Number) {
            // A SQL rule returning a boolean is compared with mustBe: 1 / 0 as with true / false.
            return decimal(expected).compareTo(BigDecimal.valueOf((Boolean) observed ? 1 : 0)) == 0;
        }
        return observed != null && String.valueOf(observed).equalsIgnoreCase(String.valueOf(expected));
    }

    static String show(Object o) {
        if (o instanceof BigDecimal) {
            return ((BigDecimal) o).stripTrailingZeros().toPlainString();
        }
        if (o instanceof String) {
            return "'" + o + "'";
        }
        return String.valueOf(o);
    }
}
