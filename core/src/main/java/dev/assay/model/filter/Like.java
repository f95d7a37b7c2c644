package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * {@code column LIKE 'pattern'}, or with {@code negated} {@code column NOT LIKE 'pattern'}: {@code %} matches any
 * sequence of characters (also none), {@code _} exactly one character, and everything else itself, case-sensitively,
 * over the whole value. With an escape character ({@code LIKE '100\%' ESCAPE '\'}) the character after it matches
 * literally. Applies to string columns.
 *
 * @param column the column name, never null
 * @param pattern the pattern, never null
 * @param escape the escape character, never null; empty when there is none (the SQL default)
 * @param negated true for {@code NOT LIKE}
 */
public record Like(String column, String pattern, Optional<Character> escape, boolean negated) implements Condition {
    public Like {
        SqlText.requireColumn(column);
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
        if (escape.isPresent()) {
            char e = escape.get();
            for (int i = 0; i < pattern.length(); i++) {
                if (pattern.charAt(i) == e) {
                    i++;
                    if (i == pattern.length()) {
                        throw new IllegalArgumentException(
                                "LIKE pattern " + SqlText.string(pattern) + " ends with its escape character");
                    }
                }
            }
        }
    }

    /** A pattern without escape character. */
    public static Like of(String column, String pattern) {
        return new Like(column, pattern, Optional.empty(), false);
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column)
                + (negated ? " NOT LIKE " : " LIKE ")
                + SqlText.string(pattern)
                + escape.map(e -> " ESCAPE " + SqlText.string(String.valueOf(e)))
                        .orElse("");
    }

    @Override
    public String toString() {
        return text();
    }
}
