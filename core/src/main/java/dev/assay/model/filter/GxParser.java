package dev.assay.model.filter;

import dev.assay.model.filter.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for GX's {@code great_expectations} condition syntax, extended with the combinators GX
 * documents for it. Precedence, loosest first: {@code |}, {@code &}, {@code ~}.
 *
 * <pre>
 * condition = and { "|" and }
 * and       = unary { "&amp;" unary }
 * unary     = "~" unary | "(" condition ")" | column ( compare value | "." ( notNull | isNull ) "(" ")" )
 * column    = col "(" string ")"
 * compare   = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value     = [ "-" | "+" ] number | string | date "(" string ")" | column
 * </pre>
 *
 * Strings are {@code "double"} or {@code 'single'} quoted; {@code notNull} and {@code isNull} ignore case.
 */
final class GxParser {
    private final Lexer in;
    private int depth;

    GxParser(String condition) {
        this.in = new Lexer(condition, ConditionSyntax.GREAT_EXPECTATIONS);
    }

    Condition parse() {
        Condition condition = or();
        if (!in.peek().isEnd()) {
            throw in.expected("'&', '|' or the end of the condition");
        }
        return condition;
    }

    private Condition or() {
        List<Condition> operands = new ArrayList<>(List.of(and()));
        while (in.peek().isSymbol("|")) {
            in.next();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Condition and() {
        List<Condition> operands = new ArrayList<>(List.of(unary()));
        while (in.peek().isSymbol("&")) {
            in.next();
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Condition unary() {
        if (in.peek().isSymbol("~") || in.peek().isSymbol("(")) {
            if (++depth > SqlParser.MAX_DEPTH) {
                throw in.failure(
                        in.peek().start(), "the condition is nested more than " + SqlParser.MAX_DEPTH + " levels deep");
            }
            Condition result;
            if (in.next().isSymbol("~")) {
                result = new Not(unary());
            } else {
                result = or();
                if (!in.peek().isSymbol(")")) {
                    throw in.expected("'&', '|' or ')'");
                }
                in.next();
            }
            depth--;
            return result;
        }
        if (!isColumn()) {
            throw in.expected("a condition such as col(\"name\") > 5");
        }
        String column = column();
        if (in.peek().isSymbol(".")) {
            in.next();
            Token method = in.peek();
            boolean notNull = method.isKeyword("notNull");
            if (!notNull && !method.isKeyword("isNull")) {
                throw in.expected("notNull() or isNull()");
            }
            in.next();
            expectSymbol("(");
            expectSymbol(")");
            return new IsNull(column, notNull);
        }
        ComparisonOperator operator = PandasParser.comparisonOperator(in.peek());
        if (operator == null) {
            throw in.expected("a comparison (==, !=, <, <=, >, >=) or .notNull()");
        }
        in.next();
        return new Comparison(column, operator, value());
    }

    private Operand value() {
        Token token = in.peek();
        if (isColumn()) {
            return new ColumnRef(column());
        }
        if (token.kind() == Kind.STRING) {
            in.next();
            return new StringLiteral(token.value());
        }
        if (token.kind() == Kind.NUMBER) {
            in.next();
            return new NumberLiteral(new BigDecimal(token.value()));
        }
        if ((token.isSymbol("-") || token.isSymbol("+")) && in.peek(1).kind() == Kind.NUMBER) {
            in.next();
            BigDecimal number = new BigDecimal(in.next().value());
            return new NumberLiteral(token.isSymbol("-") ? number.negate() : number);
        }
        if (token.isWord("date") && in.peek(1).isSymbol("(")) {
            in.next();
            in.next();
            Token text = in.peek();
            if (text.kind() != Kind.STRING) {
                throw in.expected("a quoted date");
            }
            in.next();
            Literal date;
            try {
                date = DateLiteral.parse(text.value());
            } catch (IllegalArgumentException e) {
                throw in.failure(text.start(), "invalid date: " + e.getMessage());
            }
            expectSymbol(")");
            return date;
        }
        throw in.expected("a number, a quoted string, date(\"yyyy-MM-dd\") or col(\"name\")");
    }

    private boolean isColumn() {
        return in.peek().isWord("col") && in.peek(1).isSymbol("(");
    }

    private String column() {
        in.next();
        in.next();
        Token name = in.peek();
        if (name.kind() != Kind.STRING || name.value().isEmpty()) {
            throw in.expected("a quoted column name");
        }
        in.next();
        expectSymbol(")");
        return name.value();
    }

    private void expectSymbol(String symbol) {
        if (!in.peek().isSymbol(symbol)) {
            throw in.expected("'" + symbol + "'");
        }
        in.next();
    }
}
