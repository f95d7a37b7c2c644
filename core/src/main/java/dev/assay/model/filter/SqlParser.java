package dev.assay.model.filter;

import dev.assay.model.filter.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recursive-descent parser for the SQL-like syntax. Precedence, loosest first: OR, AND, NOT, then the predicates.
 *
 * <pre>
 * condition  = and { OR and }
 * and        = not { AND not }
 * not        = NOT not | predicate
 * predicate  = "(" condition ")"
 *            | column [ compare value | IS [NOT] NULL | [NOT] IN "(" literal { "," literal } ")"
 *                     | [NOT] BETWEEN literal AND literal | [NOT] LIKE string [ESCAPE string] ]
 *            | literal compare column
 * compare    = "=" | "&lt;&gt;" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value      = column | literal
 * literal    = [ "-" | "+" ] number | string | TRUE | FALSE | NULL
 *            | DATE string | TIME string | TIMESTAMP string
 * column     = identifier | "double-quoted name"
 * </pre>
 */
final class SqlParser {
    /** Deeper nesting is surely not written by hand; the limit keeps the parser off the stack's end. */
    static final int MAX_DEPTH = 200;

    private final Lexer in;
    private int depth;

    SqlParser(String condition) {
        this.in = new Lexer(condition, ConditionSyntax.SQL);
    }

    Condition parse() {
        Condition condition = or();
        if (!in.peek().isEnd()) {
            throw in.expected("AND, OR or the end of the condition");
        }
        return condition;
    }

    private Condition or() {
        Condition first = and();
        if (!in.peek().isKeyword("OR")) {
            return first;
        }
        List<Condition> operands = new ArrayList<>(List.of(first));
        while (in.peek().isKeyword("OR")) {
            in.next();
            operands.add(and());
        }
        return new Or(operands);
    }

    private Condition and() {
        Condition first = not();
        if (!in.peek().isKeyword("AND")) {
            return first;
        }
        List<Condition> operands = new ArrayList<>(List.of(first));
        while (in.peek().isKeyword("AND")) {
            in.next();
            operands.add(not());
        }
        return new And(operands);
    }

    private Condition not() {
        if (in.peek().isKeyword("NOT")) {
            enter();
            in.next();
            Condition negated = new Not(not());
            depth--;
            return negated;
        }
        return predicate();
    }

    private Condition predicate() {
        if (in.peek().isSymbol("(")) {
            enter();
            in.next();
            Condition inner = or();
            if (!in.peek().isSymbol(")")) {
                throw in.expected("AND, OR or ')'");
            }
            in.next();
            depth--;
            return inner;
        }
        Operand left = operand("a condition");
        if (left instanceof Literal literal) {
            ComparisonOperator operator = comparisonOperator();
            if (operator == null) {
                throw in.expected("a comparison operator");
            }
            in.next();
            if (!startsColumn(in.peek())) {
                throw in.expected("a column", " (one side of a comparison must be a column)");
            }
            return new Comparison(((ColumnRef) operand("a column")).name(), operator.flip(), literal);
        }
        String column = ((ColumnRef) left).name();
        ComparisonOperator operator = comparisonOperator();
        if (operator != null) {
            in.next();
            return new Comparison(column, operator, operand("a value"));
        }
        if (in.peek().isKeyword("IS")) {
            in.next();
            boolean negated = false;
            if (in.peek().isKeyword("NOT")) {
                in.next();
                negated = true;
            }
            if (!in.peek().isKeyword("NULL")) {
                throw in.expected(negated ? "NULL" : "NULL or NOT NULL");
            }
            in.next();
            return new IsNull(column, negated);
        }
        boolean negated = false;
        if (in.peek().isKeyword("NOT")) {
            in.next();
            negated = true;
        }
        if (in.peek().isKeyword("IN")) {
            in.next();
            return new InList(column, literalList(), negated);
        }
        if (in.peek().isKeyword("BETWEEN")) {
            in.next();
            Literal low = literal();
            if (!in.peek().isKeyword("AND")) {
                throw in.expected("AND");
            }
            in.next();
            return new Between(column, low, literal(), negated);
        }
        if (in.peek().isKeyword("LIKE")) {
            in.next();
            return like(column, negated);
        }
        if (negated) {
            throw in.expected("IN, BETWEEN or LIKE");
        }
        Token next = in.peek();
        if (startsColumn(next) || next.kind() == Kind.NUMBER || next.kind() == Kind.STRING) {
            throw in.expected("a comparison operator, IS, IN, BETWEEN or LIKE");
        }
        return new BooleanColumn(column);
    }

    private Condition like(String column, boolean negated) {
        Token pattern = in.peek();
        if (pattern.kind() != Kind.STRING) {
            throw in.expected("a string pattern");
        }
        in.next();
        Optional<Character> escape = Optional.empty();
        if (in.peek().isKeyword("ESCAPE") && in.peek(1).kind() == Kind.STRING) {
            in.next();
            Token escapeToken = in.peek();
            if (escapeToken.value().length() != 1) {
                throw in.failure(escapeToken.start(), "expected a single escape character after 'ESCAPE'");
            }
            in.next();
            escape = Optional.of(escapeToken.value().charAt(0));
            if (endsWithLoneEscape(pattern.value(), escape.get())) {
                throw in.failure(pattern.start(), "the LIKE pattern ends with its escape character");
            }
        }
        return new Like(column, pattern.value(), escape, negated);
    }

    private static boolean endsWithLoneEscape(String pattern, char escape) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == escape && ++i == pattern.length()) {
                return true;
            }
        }
        return false;
    }

    private List<Literal> literalList() {
        if (!in.peek().isSymbol("(")) {
            throw in.expected("'('");
        }
        in.next();
        List<Literal> values = new ArrayList<>();
        values.add(literal());
        while (in.peek().isSymbol(",")) {
            in.next();
            values.add(literal());
        }
        if (!in.peek().isSymbol(")")) {
            throw in.expected("',' or ')'");
        }
        in.next();
        return values;
    }

    private Literal literal() {
        if (startsColumn(in.peek())) {
            throw in.expected("a literal value");
        }
        return (Literal) operand("a literal value");
    }

    private ComparisonOperator comparisonOperator() {
        Token token = in.peek();
        if (token.kind() != Kind.SYMBOL) {
            return null;
        }
        switch (token.value()) {
            case "=":
                return ComparisonOperator.EQUAL;
            case "<>":
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

    /** True when {@code token} starts a column reference rather than a literal or a keyword. */
    private boolean startsColumn(Token token) {
        if (token.kind() == Kind.QUOTED_NAME) {
            return true;
        }
        if (token.kind() != Kind.WORD || SqlText.RESERVED.contains(token.upper())) {
            return false;
        }
        return !(isTypedLiteralKeyword(token) && in.peek(1).kind() == Kind.STRING);
    }

    private static boolean isTypedLiteralKeyword(Token token) {
        return token.isKeyword("DATE") || token.isKeyword("TIME") || token.isKeyword("TIMESTAMP");
    }

    /** A column or a literal; {@code what} names what was expected when it is neither. */
    private Operand operand(String what) {
        Token token = in.peek();
        switch (token.kind()) {
            case QUOTED_NAME:
                in.next();
                return new ColumnRef(token.value());
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
                throw in.expected(what);
            case WORD:
                return word(token, what);
            case END:
                throw in.expected(what);
        }
        throw new AssertionError(token);
    }

    private Operand word(Token token, String what) {
        switch (token.upper()) {
            case "TRUE":
                in.next();
                return new BooleanLiteral(true);
            case "FALSE":
                in.next();
                return new BooleanLiteral(false);
            case "NULL":
                in.next();
                return new NullLiteral();
            default:
                break;
        }
        if (SqlText.RESERVED.contains(token.upper())) {
            throw in.expected(what);
        }
        if (isTypedLiteralKeyword(token) && in.peek(1).kind() == Kind.STRING) {
            in.next();
            Token text = in.next();
            try {
                switch (token.upper()) {
                    case "DATE":
                        return DateLiteral.parse(text.value());
                    case "TIME":
                        return TimeLiteral.parse(text.value());
                    default:
                        return TimestampLiteral.parse(text.value());
                }
            } catch (IllegalArgumentException e) {
                throw in.failure(text.start(), "invalid " + token.upper() + " literal: " + e.getMessage());
            }
        }
        in.next();
        return new ColumnRef(token.value());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw in.failure(in.peek().start(), "the condition is nested more than " + MAX_DEPTH + " levels deep");
        }
    }
}
