package dev.assay.model.filter;

import dev.assay.model.filter.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the part of pandas' {@code DataFrame.query} syntax that maps onto SQL. As pandas
 * does, {@code &} and {@code |} bind like {@code and} and {@code or}. Precedence, loosest first: {@code or}, {@code
 * and}, {@code not}, comparisons, {@code ~}.
 *
 * <pre>
 * condition  = and { ("or" | "|") and }
 * and        = not { ("and" | "&amp;") not }
 * not        = "not" not | comparison
 * comparison = unary [ compare unary { compare unary } | ["not"] "in" list ]
 * unary      = "~" unary | "(" condition ")" | name [ "." method "(" ")" ] | literal
 * method     = isnull | isna | notnull | notna
 * list       = "[" literal { "," literal } [","] "]"  |  "(" ... ")"
 * literal    = [ "-" | "+" ] number | string | True | False
 * name       = identifier | `backtick-quoted name`
 * </pre>
 *
 * A chained comparison {@code 1 < x < 5} means {@code 1 < x and x < 5}. Local variables ({@code @x}), attribute access
 * other than the null tests, arithmetic and {@code None} are rejected.
 */
final class PandasParser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "True", "False", "None");

    private final Lexer in;
    private int depth;

    PandasParser(String condition) {
        this.in = new Lexer(condition, ConditionSyntax.PANDAS);
    }

    Condition parse() {
        Condition condition = or();
        if (!in.peek().isEnd()) {
            throw in.expected("'and', 'or' or the end of the condition");
        }
        return condition;
    }

    /** The comparison a Python operator token stands for, or null. */
    static ComparisonOperator comparisonOperator(Token token) {
        if (token.kind() != Kind.SYMBOL) {
            return null;
        }
        switch (token.value()) {
            case "==":
                return ComparisonOperator.EQUAL;
            case "!=":
                return ComparisonOperator.NOT_EQUAL;
            case "<":
                return ComparisonOperator.LESS_THAN;
            case "<=":
                return ComparisonOperator.LESS_THAN_OR_EQUAL;
            case ">":
                return ComparisonOperator.GREATER_THAN;
            case ">=":
                return ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default:
                return null;
        }
    }

    private Condition or() {
        List<Condition> operands = new ArrayList<>(List.of(and()));
        while (in.peek().isWord("or") || in.peek().isSymbol("|")) {
            in.next();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Condition and() {
        List<Condition> operands = new ArrayList<>(List.of(not()));
        while (in.peek().isWord("and") || in.peek().isSymbol("&")) {
            in.next();
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Condition not() {
        if (in.peek().isWord("not")) {
            enter();
            in.next();
            Condition negated = new Not(not());
            depth--;
            return negated;
        }
        return comparison();
    }

    private Condition comparison() {
        Object first = unary("a condition");
        if (comparisonOperator(in.peek()) != null) {
            if (!(first instanceof Operand)) {
                throw in.failure(
                        in.peek().start(),
                        "expected a column or a value before " + in.peek().shown());
            }
            List<Condition> comparisons = new ArrayList<>();
            Operand left = (Operand) first;
            while (comparisonOperator(in.peek()) != null) {
                ComparisonOperator operator = comparisonOperator(in.next());
                if (left instanceof Literal && !startsName(in.peek())) {
                    throw in.expected("a column", " (one side of a comparison must be a column)");
                }
                Operand right = operand();
                comparisons.add(
                        left instanceof ColumnRef column
                                ? new Comparison(column.name(), operator, right)
                                : new Comparison(((ColumnRef) right).name(), operator.flip(), left));
                left = right;
            }
            return comparisons.size() == 1 ? comparisons.get(0) : new And(comparisons);
        }
        boolean negated = in.peek().isWord("not") && in.peek(1).isWord("in");
        if (negated || in.peek().isWord("in")) {
            if (!(first instanceof ColumnRef)) {
                throw in.failure(
                        in.peek().start(),
                        "expected a column before " + in.peek().shown());
            }
            if (negated) {
                in.next();
            }
            in.next();
            return new InList(((ColumnRef) first).name(), list(), negated);
        }
        return condition(first);
    }

    /** A condition, a column or a literal. */
    private Object unary(String what) {
        Token token = in.peek();
        if (token.isSymbol("~")) {
            enter();
            in.next();
            Condition negated = new Not(condition(unary("a condition")));
            depth--;
            return negated;
        }
        if (token.isSymbol("(")) {
            enter();
            in.next();
            Condition inner = or();
            if (!in.peek().isSymbol(")")) {
                throw in.expected("'and', 'or' or ')'");
            }
            in.next();
            depth--;
            return inner;
        }
        if (startsName(token)) {
            in.next();
            return nullTest(token.value());
        }
        if (token.isWord("None")) {
            throw in.failure(token.start(), "None is not supported; use x.isnull() or x.notnull()");
        }
        Literal literal = literalOrNull();
        if (literal == null) {
            throw in.expected(what);
        }
        return literal;
    }

    /** A column, or its null test when a method call follows. */
    private Object nullTest(String column) {
        if (!in.peek().isSymbol(".")) {
            return new ColumnRef(column);
        }
        in.next();
        Token method = in.peek();
        boolean isNull = method.isWord("isnull") || method.isWord("isna");
        if (!isNull && !method.isWord("notnull") && !method.isWord("notna")) {
            throw in.expected("isnull(), notnull(), isna() or notna()");
        }
        in.next();
        for (String symbol : new String[] {"(", ")"}) {
            if (!in.peek().isSymbol(symbol)) {
                throw in.expected("'" + symbol + "'");
            }
            in.next();
        }
        return new IsNull(column, !isNull);
    }

    /** A term used as a condition: a bare column is a boolean column; a bare literal is an error. */
    private Condition condition(Object term) {
        if (term instanceof Condition condition) {
            return condition;
        }
        if (term instanceof ColumnRef column) {
            return new BooleanColumn(column.name());
        }
        throw in.expected("a comparison operator");
    }

    private Operand operand() {
        Token token = in.peek();
        if (startsName(token)) {
            in.next();
            return new ColumnRef(token.value());
        }
        if (token.isWord("None")) {
            throw in.failure(token.start(), "None is not supported; use x.isnull() or x.notnull()");
        }
        Literal literal = literalOrNull();
        if (literal == null) {
            throw in.expected("a value");
        }
        return literal;
    }

    private List<Literal> list() {
        Token open = in.peek();
        if (!open.isSymbol("[") && !open.isSymbol("(")) {
            throw in.expected("'[' or '('");
        }
        in.next();
        String close = open.isSymbol("[") ? "]" : ")";
        List<Literal> values = new ArrayList<>();
        while (true) {
            Literal value = literalOrNull();
            if (value == null) {
                throw in.expected(values.isEmpty() ? "a literal value" : "a literal value or '" + close + "'");
            }
            values.add(value);
            if (in.peek().isSymbol(",")) {
                in.next();
                if (in.peek().isSymbol(close)) {
                    break;
                }
            } else if (!in.peek().isSymbol(close)) {
                throw in.expected("',' or '" + close + "'");
            } else {
                break;
            }
        }
        in.next();
        return values;
    }

    /** A literal at the next token, consumed, or null when there is none. */
    private Literal literalOrNull() {
        Token token = in.peek();
        switch (token.kind()) {
            case NUMBER:
                in.next();
                return new NumberLiteral(new BigDecimal(token.value()));
            case STRING:
                in.next();
                return new StringLiteral(token.value());
            case SYMBOL:
                if ((token.isSymbol("-") || token.isSymbol("+")) && in.peek(1).kind() == Kind.NUMBER) {
                    in.next();
                    BigDecimal number = new BigDecimal(in.next().value());
                    return new NumberLiteral(token.isSymbol("-") ? number.negate() : number);
                }
                return null;
            case WORD:
                if (token.isWord("True") || token.isWord("False")) {
                    in.next();
                    return new BooleanLiteral(token.isWord("True"));
                }
                return null;
            case QUOTED_NAME:
            case END:
                return null;
        }
        throw new AssertionError(token);
    }

    private static boolean startsName(Token token) {
        return token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.WORD && !KEYWORDS.contains(token.value());
    }

    private void enter() {
        if (++depth > SqlParser.MAX_DEPTH) {
            throw in.failure(
                    in.peek().start(), "the condition is nested more than " + SqlParser.MAX_DEPTH + " levels deep");
        }
    }
}
