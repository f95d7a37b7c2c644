package dev.assay.model.filter;

import dev.assay.error.AssayException;
import dev.assay.model.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into tokens on demand, with any lookahead. SQL mode reads {@code 'it''s'} strings and {@code
 * "quoted names"}; Python mode (the great_expectations and pandas syntaxes) reads {@code 'x'} or {@code "x"} strings
 * with backslash escapes and {@code `quoted names`}.
 */
final class Lexer {
    private static final String[] SQL_SYMBOLS = {"<>", "<=", ">=", "!=", "=", "<", ">", "(", ")", ",", "-", "+"};
    private static final String[] PYTHON_SYMBOLS = {
        "==", "!=", "<=", ">=", "<", ">", "&", "|", "~", "(", ")", "[", "]", ",", ".", "-", "+"
    };

    private final String input;
    private final ConditionSyntax syntax;
    private final boolean sql;
    private final List<Token> lookahead = new ArrayList<>();
    private int index;
    private Token previous;

    Lexer(String input, ConditionSyntax syntax) {
        this.input = input;
        this.syntax = syntax;
        this.sql = syntax == ConditionSyntax.SQL;
    }

    /** The next token, not consumed. */
    Token peek() {
        return peek(0);
    }

    /** The token {@code ahead} positions after the next one, not consumed. */
    Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            lookahead.add(scan());
        }
        return lookahead.get(ahead);
    }

    /** Consumes and returns the next token. */
    Token next() {
        Token token = peek();
        lookahead.remove(0);
        previous = token;
        return token;
    }

    /** An error at the next token: {@code expected <what> after '<the last token consumed>'}. */
    AssayException expected(String what) {
        return expected(what, "");
    }

    /** As {@link #expected(String)}, followed by {@code note}. */
    AssayException expected(String what, String note) {
        String after = previous == null ? "" : " after " + previous.shown();
        return failure(peek().start(), "expected " + what + after + note);
    }

    AssayException failure(int at, String problem) {
        return ParseFailure.at(input, syntax, at, problem);
    }

    private Token scan() {
        while (index < input.length() && Character.isWhitespace(input.charAt(index))) {
            index++;
        }
        int start = index;
        if (index == input.length()) {
            return new Token(Kind.END, "", "", start);
        }
        char c = input.charAt(index);
        if (c == '\'' || (!sql && c == '"')) {
            return sql ? quoted(Kind.STRING, '\'') : pythonString(c);
        }
        if (c == '"') {
            return quoted(Kind.QUOTED_NAME, '"');
        }
        if (c == '`' && !sql) {
            return backtickName();
        }
        if (isDigit(c) || (c == '.' && index + 1 < input.length() && isDigit(input.charAt(index + 1)))) {
            return number();
        }
        if (SqlText.isIdentifierStart(c)) {
            while (index < input.length() && SqlText.isIdentifierPart(input.charAt(index))) {
                index++;
            }
            String word = input.substring(start, index);
            return new Token(Kind.WORD, word, word, start);
        }
        if (sql && input.startsWith("==", index)) {
            throw failure(start, "'==' is not an SQL operator; use '='");
        }
        if (!sql && c == '=' && !input.startsWith("==", index)) {
            throw failure(start, "'=' is not a comparison; use '=='");
        }
        for (String symbol : sql ? SQL_SYMBOLS : PYTHON_SYMBOLS) {
            if (input.startsWith(symbol, index)) {
                index += symbol.length();
                return new Token(Kind.SYMBOL, symbol, symbol, start);
            }
        }
        throw failure(start, "unexpected character '" + new String(Character.toChars(input.codePointAt(index))) + "'");
    }

    /** An SQL string or quoted name, where a doubled quote stands for one. */
    private Token quoted(Kind kind, char quote) {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index == input.length()) {
                throw failure(start, kind == Kind.STRING ? "unterminated string" : "unterminated quoted name");
            }
            char c = input.charAt(index++);
            if (c == quote) {
                if (index < input.length() && input.charAt(index) == quote) {
                    value.append(quote);
                    index++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        if (kind == Kind.QUOTED_NAME && value.length() == 0) {
            throw failure(start, "empty quoted name");
        }
        return new Token(kind, value.toString(), input.substring(start, index), start);
    }

    private Token pythonString(char quote) {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index == input.length()) {
                throw failure(start, "unterminated string");
            }
            char c = input.charAt(index++);
            if (c == quote) {
                break;
            }
            if (c == '\\' && index < input.length()) {
                char escaped = input.charAt(index++);
                switch (escaped) {
                    case 'n':
                        value.append('\n');
                        break;
                    case 't':
                        value.append('\t');
                        break;
                    case 'r':
                        value.append('\r');
                        break;
                    case '\\':
                    case '\'':
                    case '"':
                        value.append(escaped);
                        break;
                    default:
                        // Python keeps unknown escapes as written.
                        value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        return new Token(Kind.STRING, value.toString(), input.substring(start, index), start);
    }

    private Token backtickName() {
        int start = index++;
        int end = input.indexOf('`', index);
        if (end < 0) {
            throw failure(start, "unterminated quoted name");
        }
        if (end == index) {
            throw failure(start, "empty quoted name");
        }
        String name = input.substring(index, end);
        index = end + 1;
        return new Token(Kind.QUOTED_NAME, name, input.substring(start, index), start);
    }

    private Token number() {
        int start = index;
        digits();
        if (index < input.length() && input.charAt(index) == '.') {
            index++;
            digits();
        }
        if (index < input.length() && (input.charAt(index) == 'e' || input.charAt(index) == 'E')) {
            int mark = index++;
            if (index < input.length() && (input.charAt(index) == '+' || input.charAt(index) == '-')) {
                index++;
            }
            if (index < input.length() && isDigit(input.charAt(index))) {
                digits();
            } else {
                index = mark;
            }
        }
        String text = input.substring(start, index);
        return new Token(Kind.NUMBER, text, text, start);
    }

    private void digits() {
        while (index < input.length() && isDigit(input.charAt(index))) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
