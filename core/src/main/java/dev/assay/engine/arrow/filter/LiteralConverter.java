package dev.assay.engine.arrow.filter;

import dev.assay.engine.arrow.filter.ColumnType.Family;
import dev.assay.model.filter.BooleanLiteral;
import dev.assay.model.filter.ComparisonOperator;
import dev.assay.model.filter.DateLiteral;
import dev.assay.model.filter.Literal;
import dev.assay.model.filter.NumberLiteral;
import dev.assay.model.filter.StringLiteral;
import dev.assay.model.filter.TimeLiteral;
import dev.assay.model.filter.TimestampLiteral;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns literals into the stored representation of the columns they are compared with, for the families compared as
 * integers (integers, booleans, decimals by unscaled value, dates, times and timestamps in their unit).
 *
 * <p>A literal that falls between two stored values is handled exactly: {@code int_col > 1.5} is {@code int_col >=
 * 2}, {@code ts_seconds = TIMESTAMP '2024-01-01 00:00:00.5'} matches nothing. Each comparison becomes one inclusive
 * range of stored values, clamped to the type's range.
 */
final class LiteralConverter {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger FLIP = BigInteger.ONE.shiftLeft(63);

    private final NodeCompiler compiler;

    LiteralConverter(NodeCompiler compiler) {
        this.compiler = compiler;
    }

    /** A literal as a real number in the column's stored units: its floor, and whether it is a whole number. */
    private record Point(BigInteger floor, boolean exact) {
        BigInteger ceiling() {
            return exact ? floor : floor.add(BigInteger.ONE);
        }
    }

    /** {@code column <operator> literal}. */
    Node range(BoundColumn column, ComparisonOperator operator, Literal literal) {
        Point point = point(column, literal);
        switch (operator) {
            case EQUAL:
                return point.exact
                        ? leaf(column, point.floor, point.floor, false)
                        : new ConstantMatchLeaf(column, false);
            case NOT_EQUAL:
                return point.exact ? leaf(column, point.floor, point.floor, true) : new ConstantMatchLeaf(column, true);
            case GREATER_THAN:
                return leaf(column, point.floor.add(BigInteger.ONE), null, false);
            case GREATER_THAN_OR_EQUAL:
                return leaf(column, point.ceiling(), null, false);
            case LESS_THAN:
                return leaf(column, null, point.ceiling().subtract(BigInteger.ONE), false);
            case LESS_THAN_OR_EQUAL:
                return leaf(column, null, point.floor, false);
        }
        throw new AssertionError(operator);
    }

    /** {@code column [NOT] BETWEEN low AND high}. */
    Node range(BoundColumn column, Literal low, Literal high, boolean negated) {
        return leaf(column, point(column, low).ceiling(), point(column, high).floor, negated);
    }

    /** {@code column [NOT] IN (values)}; values that no stored value can equal are dropped. */
    Node set(BoundColumn column, List<Literal> values, boolean negated, boolean hasNull) {
        List<BigInteger> stored = new ArrayList<>();
        for (Literal value : values) {
            Point point = point(column, value);
            if (point.exact
                    && point.floor.compareTo(column.type.min) >= 0
                    && point.floor.compareTo(column.type.max) <= 0) {
                stored.add(point.floor);
            }
        }
        if (column.type.family == Family.DECIMAL) {
            List<Int128> decimals = new ArrayList<>();
            stored.forEach(value -> decimals.add(Int128.of(value)));
            return new DecimalSetLeaf(column, decimals, negated, hasNull);
        }
        long[] longs =
                stored.stream().mapToLong(value -> decoded(column, value)).toArray();
        return new LongSetLeaf(column, longs, negated, hasNull);
    }

    /** A number literal for a floating-point column. */
    BigDecimal number(BoundColumn column, Literal literal) {
        if (literal instanceof NumberLiteral number) {
            return number.value();
        }
        throw compiler.mismatch(column, literal, "");
    }

    /** The values of a list that a double can equal exactly; the others can match no row. */
    double[] doubles(BoundColumn column, List<Literal> values) {
        return values.stream()
                .map(value -> number(column, value))
                .filter(value -> {
                    double nearest = value.doubleValue();
                    return Double.isFinite(nearest) && new BigDecimal(nearest).compareTo(value) == 0;
                })
                .mapToDouble(BigDecimal::doubleValue)
                .toArray();
    }

    /** The stored values in [low, high] (null: unbounded), clamped to the type; negated keeps the others. */
    private Node leaf(BoundColumn column, BigInteger low, BigInteger high, boolean negated) {
        ColumnType type = column.type;
        BigInteger from = low == null || low.compareTo(type.min) < 0 ? type.min : low;
        BigInteger to = high == null || high.compareTo(type.max) > 0 ? type.max : high;
        if (from.compareTo(to) > 0) {
            return new ConstantMatchLeaf(column, negated);
        }
        if (type.family == Family.DECIMAL) {
            return new DecimalRangeLeaf(column, Int128.of(from), Int128.of(to), negated);
        }
        return new LongRangeLeaf(column, decoded(column, from), decoded(column, to), negated);
    }

    private static long decoded(BoundColumn column, BigInteger value) {
        return column.type.flipped() ? value.subtract(FLIP).longValueExact() : value.longValueExact();
    }

    private Point point(BoundColumn column, Literal literal) {
        ColumnType type = column.type;
        switch (type.family) {
            case INTEGER:
            case DECIMAL:
                if (literal instanceof NumberLiteral number) {
                    return point(number.value().movePointRight(type.scale));
                }
                break;
            case BOOLEAN:
                if (literal instanceof BooleanLiteral bool) {
                    return new Point(bool.value() ? BigInteger.ONE : BigInteger.ZERO, true);
                }
                break;
            case DATE:
            case TIMESTAMP:
                return ticks(type, instantNanos(column, literal));
            case TIME:
                return ticks(type, timeNanos(column, literal));
            case FLOAT:
            case STRING:
            case OTHER:
                break;
        }
        throw compiler.mismatch(column, literal, "");
    }

    private static Point point(BigDecimal value) {
        BigDecimal floor = value.setScale(0, RoundingMode.FLOOR);
        return new Point(floor.toBigIntegerExact(), floor.compareTo(value) == 0);
    }

    private static Point ticks(ColumnType type, BigInteger nanos) {
        BigInteger[] division = nanos.divideAndRemainder(BigInteger.valueOf(type.unitNanos));
        BigInteger floor = division[1].signum() < 0 ? division[0].subtract(BigInteger.ONE) : division[0];
        return new Point(floor, division[1].signum() == 0);
    }

    /** Nanoseconds since the epoch of a date or timestamp literal; without an offset it is read as UTC. */
    private BigInteger instantNanos(BoundColumn column, Literal literal) {
        TimestampLiteral timestamp;
        if (literal instanceof DateLiteral date) {
            timestamp = TimestampLiteral.of(date.value().atStartOfDay());
        } else if (literal instanceof TimestampLiteral value) {
            timestamp = value;
        } else if (literal instanceof StringLiteral string) {
            try {
                timestamp = TimestampLiteral.parse(string.value());
            } catch (IllegalArgumentException e) {
                throw compiler.mismatch(column, literal, ": " + e.getMessage());
            }
        } else {
            throw compiler.mismatch(column, literal, "");
        }
        long seconds = timestamp.value().toEpochSecond(timestamp.offset().orElse(ZoneOffset.UTC));
        return BigInteger.valueOf(seconds)
                .multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(timestamp.value().getNano()));
    }

    private BigInteger timeNanos(BoundColumn column, Literal literal) {
        if (literal instanceof TimeLiteral time) {
            return BigInteger.valueOf(time.value().toNanoOfDay());
        }
        if (literal instanceof StringLiteral string) {
            try {
                return BigInteger.valueOf(
                        TimeLiteral.parse(string.value()).value().toNanoOfDay());
            } catch (IllegalArgumentException e) {
                throw compiler.mismatch(column, literal, ": " + e.getMessage());
            }
        }
        throw compiler.mismatch(column, literal, "");
    }
}
