package dev.assay.engine.arrow.filter;

import static dev.assay.engine.arrow.filter.ColumnType.Family.DATE;
import static dev.assay.engine.arrow.filter.ColumnType.Family.DECIMAL;
import static dev.assay.engine.arrow.filter.ColumnType.Family.FLOAT;
import static dev.assay.engine.arrow.filter.ColumnType.Family.INTEGER;
import static dev.assay.engine.arrow.filter.ColumnType.Family.STRING;
import static dev.assay.engine.arrow.filter.ColumnType.Family.TIME;
import static dev.assay.engine.arrow.filter.ColumnType.Family.TIMESTAMP;

import dev.assay.engine.arrow.filter.ColumnPairLeaf.Mode;
import dev.assay.engine.arrow.filter.ColumnType.Family;
import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.internal.Names;
import dev.assay.model.filter.And;
import dev.assay.model.filter.Between;
import dev.assay.model.filter.BooleanColumn;
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
import dev.assay.model.filter.Or;
import dev.assay.model.filter.StringLiteral;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Compiles a condition against a schema into {@link Node}s, checking every column and literal on the way, so that a
 * condition that compiles cannot fail on a batch of that schema.
 */
final class NodeCompiler {
    private final Condition root;
    private final Schema schema;
    private final LiteralConverter literals;

    NodeCompiler(Condition root, Schema schema) {
        this.root = root;
        this.schema = schema;
        this.literals = new LiteralConverter(this);
    }

    Node compile() {
        return compile(root);
    }

    private Node compile(Condition condition) {
        if (condition instanceof And and) {
            return LogicalNode.and(compileAll(and.operands()));
        }
        if (condition instanceof Or or) {
            return LogicalNode.or(compileAll(or.operands()));
        }
        if (condition instanceof Not not) {
            return LogicalNode.not(compile(not.operand()));
        }
        if (condition instanceof IsNull isNull) {
            return new IsNullLeaf(bind(isNull.column()), isNull.negated());
        }
        if (condition instanceof BooleanColumn booleanColumn) {
            return booleanColumn(booleanColumn);
        }
        if (condition instanceof Comparison comparison) {
            return comparison(comparison);
        }
        if (condition instanceof InList inList) {
            return inList(inList);
        }
        if (condition instanceof Between between) {
            return between(between);
        }
        if (condition instanceof Like like) {
            return like(like);
        }
        throw new AssertionError(condition);
    }

    private List<Node> compileAll(List<Condition> conditions) {
        return conditions.stream().map(this::compile).collect(Collectors.toList());
    }

    private Node booleanColumn(BooleanColumn condition) {
        BoundColumn column = bind(condition.column());
        if (column.type.family != Family.BOOLEAN) {
            throw invalid("column '" + column.name + "' of type " + column.type
                    + " is not boolean, so it cannot be a condition by itself; compare it with a value instead");
        }
        return new BooleanColumnLeaf(column);
    }

    private Node comparison(Comparison comparison) {
        BoundColumn column = bind(comparison.column());
        if (comparison.right() instanceof ColumnRef other) {
            return columnPair(column, comparison.operator(), bind(other.name()));
        }
        Literal literal = (Literal) comparison.right();
        requireComparable(column);
        if (literal instanceof NullLiteral) {
            return ConstantNode.UNKNOWN;
        }
        ComparisonOperator operator = comparison.operator();
        switch (column.type.family) {
            case FLOAT:
                return new DoubleCompareLeaf(column, operator, literals.number(column, literal));
            case STRING:
                return Utf8CompareLeaf.of(column, operator, utf8(column, literal));
            case INTEGER:
            case BOOLEAN:
            case DECIMAL:
            case DATE:
            case TIMESTAMP:
            case TIME:
                return literals.range(column, operator, literal);
            case OTHER:
                break;
        }
        throw new AssertionError(column.type);
    }

    private Node between(Between between) {
        BoundColumn column = bind(between.column());
        requireComparable(column);
        Family family = column.type.family;
        if (between.low() instanceof NullLiteral
                || between.high() instanceof NullLiteral
                || family == FLOAT
                || family == STRING) {
            Node both = LogicalNode.and(List.of(
                    comparison(new Comparison(column.name, ComparisonOperator.GREATER_THAN_OR_EQUAL, between.low())),
                    comparison(new Comparison(column.name, ComparisonOperator.LESS_THAN_OR_EQUAL, between.high()))));
            return between.negated() ? LogicalNode.not(both) : both;
        }
        return literals.range(column, between.low(), between.high(), between.negated());
    }

    private Node inList(InList inList) {
        BoundColumn column = bind(inList.column());
        requireComparable(column);
        boolean hasNull = inList.values().stream().anyMatch(NullLiteral.class::isInstance);
        List<Literal> values = inList.values().stream()
                .filter(value -> !(value instanceof NullLiteral))
                .collect(Collectors.toList());
        switch (column.type.family) {
            case FLOAT:
                return new DoubleSetLeaf(column, literals.doubles(column, values), inList.negated(), hasNull);
            case STRING:
                List<byte[]> strings = new ArrayList<>();
                values.forEach(value -> strings.add(utf8(column, value)));
                return new Utf8SetLeaf(column, strings, inList.negated(), hasNull);
            case INTEGER:
            case BOOLEAN:
            case DECIMAL:
            case DATE:
            case TIMESTAMP:
            case TIME:
                return literals.set(column, values, inList.negated(), hasNull);
            case OTHER:
                break;
        }
        throw new AssertionError(column.type);
    }

    private Node like(Like like) {
        BoundColumn column = bind(like.column());
        if (column.type.family != STRING) {
            throw invalid("LIKE needs a string column, but column '" + column.name + "' is of type " + column.type);
        }
        return new LikeLeaf(column, LikeMatcher.compile(like.pattern(), like.escape()), like.negated());
    }

    private Node columnPair(BoundColumn left, ComparisonOperator operator, BoundColumn right) {
        requireComparable(left);
        requireComparable(right);
        Mode mode = pairMode(left.type, right.type);
        if (mode == null) {
            throw invalid("cannot compare column '" + left.name + "' of type " + left.type + " with column '"
                    + right.name + "' of type " + right.type);
        }
        if (mode == Mode.DOUBLES && left.type.family != FLOAT) {
            // The pair leaf wants the floating-point side on the left when only one side is.
            return new ColumnPairLeaf(mode, right, operator.flip(), left);
        }
        return new ColumnPairLeaf(mode, left, operator, right);
    }

    private static Mode pairMode(ColumnType a, ColumnType b) {
        Family x = a.family;
        Family y = b.family;
        boolean numbers = isNumber(x) && isNumber(y);
        if (numbers) {
            if (x == DECIMAL || y == DECIMAL || a.flipped() != b.flipped()) {
                return Mode.EXACT;
            }
            return x == FLOAT || y == FLOAT ? Mode.DOUBLES : Mode.LONGS;
        }
        if (x == Family.BOOLEAN && y == Family.BOOLEAN) {
            return Mode.LONGS;
        }
        boolean dates = (x == DATE || x == TIMESTAMP) && (y == DATE || y == TIMESTAMP);
        if (dates || (x == TIME && y == TIME)) {
            return Mode.LONGS;
        }
        return x == STRING && y == STRING ? Mode.STRINGS : null;
    }

    private static boolean isNumber(Family family) {
        return family == INTEGER || family == FLOAT || family == DECIMAL;
    }

    private byte[] utf8(BoundColumn column, Literal literal) {
        if (literal instanceof StringLiteral string) {
            return string.value().getBytes(StandardCharsets.UTF_8);
        }
        throw mismatch(column, literal, "");
    }

    private void requireComparable(BoundColumn column) {
        if (column.type.family == Family.OTHER) {
            throw invalid("column '" + column.name + "' of type " + column.type
                    + " cannot be compared; only IS NULL and IS NOT NULL apply to it");
        }
    }

    BoundColumn bind(String name) {
        for (Field field : schema.getFields()) {
            if (field.getName().equals(name)) {
                ColumnType type = field.getDictionary() != null
                        ? ColumnType.dictionaryEncoded(field.getType())
                        : ColumnType.of(field.getType());
                return new BoundColumn(name, type);
            }
        }
        List<String> available = schema.getFields().stream().map(Field::getName).collect(Collectors.toList());
        String hint = Names.nearest(name, available)
                .map(nearest -> "; did you mean '" + nearest + "'?")
                .orElse("");
        throw new ColumnNotFoundException(
                prefix() + "column '" + name + "' not found; available columns: " + available + hint);
    }

    AssayException mismatch(BoundColumn column, Literal literal, String detail) {
        return invalid("cannot compare column '" + column.name + "' of type " + column.type + " with "
                + literal.describe() + detail);
    }

    AssayException invalid(String problem) {
        return new AssayException(ErrorCode.INVALID_ROW_CONDITION, prefix() + problem);
    }

    private String prefix() {
        return "row_condition \"" + root.text() + "\": ";
    }
}
