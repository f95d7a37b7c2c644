package dev.assay.model.filter;

import java.util.Locale;

/**
 * One lexical token of a condition.
 *
 * @param kind what the token is
 * @param value the decoded value: a string's or quoted name's content, else the token as written
 * @param raw the token as written in the condition
 * @param start the 0-based index of its first character in the condition (its length at the end)
 */
record Token(Kind kind, String value, String raw, int start) {
    enum Kind {
        WORD,
        QUOTED_NAME,
        NUMBER,
        STRING,
        SYMBOL,
        END
    }

    boolean isEnd() {
        return kind == Kind.END;
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && value.equals(symbol);
    }

    /** A word equal to {@code keyword} ignoring case, as SQL keywords are. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
    }

    /** A word equal to {@code word} exactly, as Python keywords are. */
    boolean isWord(String word) {
        return kind == Kind.WORD && value.equals(word);
    }

    String upper() {
        return value.toUpperCase(Locale.ROOT);
    }

    /** The token quoted for an error message: {@code '>'}, {@code 'amount'}, {@code 'abc'}. */
    String shown() {
        if (kind == Kind.STRING || kind == Kind.QUOTED_NAME) {
            return raw;
        }
        return "'" + raw + "'";
    }
}
