package dev.assay.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL and the values bound to its {@code ?} parameters, in order. Values are never written
 * into the text: whatever a value holds, it stays a value. Immutable.
 *
 * @param text the SQL, never null
 * @param parameters the bound values, one per {@code ?} of the text; null elements bind SQL NULL
 */
record Sql(String text, List<Object> parameters) {
    Sql {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** Text without parameters. */
    static Sql of(String text) {
        return new Sql(text, List.of());
    }

    /** Text with one parameter per {@code ?}. */
    static Sql of(String text, Object... parameters) {
        List<Object> list = new ArrayList<>(parameters.length);
        Collections.addAll(list, parameters);
        return new Sql(text, list);
    }

    /** This piece with {@code other} appended. */
    Sql append(Sql other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new Sql(text + other.text, all);
    }

    /** This piece with {@code text} appended. */
    Sql append(String more) {
        return new Sql(text + more, parameters);
    }

    /** Binds the parameters to {@code statement}, starting at its first parameter. */
    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value == null) {
                statement.setObject(i + 1, null);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /**
     * The text with every parameter written in as a literal, for a person to read and run: GX's {@code
     * unexpected_index_query}. Never executed by Assay, which always binds.
     */
    String inlined(Dialect dialect) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                out.append(c);
            } else if (c == '?' && next < parameters.size()) {
                out.append(literal(parameters.get(next++), dialect));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String literal(Object value, Dialect dialect) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString().toUpperCase(java.util.Locale.ROOT);
        }
        if (value instanceof java.time.LocalDate) {
            return "DATE '" + value + "'";
        }
        if (value instanceof java.time.LocalDateTime t) {
            return "TIMESTAMP '" + t.toLocalDate() + " " + t.toLocalTime() + "'";
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return "TIMESTAMP WITH TIME ZONE '" + t.toLocalDate() + " " + t.toLocalTime() + t.getOffset() + "'";
        }
        if (value instanceof java.time.LocalTime) {
            return "TIME '" + value + "'";
        }
        String text = value.toString().replace("'", "''");
        if (dialect == Dialect.MARIADB || dialect == Dialect.MYSQL) {
            text = text.replace("\\", "\\\\"); // a backslash escapes in their string literals
        }
        return "'" + text + "'";
    }

    /** Joins pieces with {@code separator} between them. */
    static Sql join(List<Sql> pieces, String separator) {
        StringBuilder text = new StringBuilder();
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(pieces.get(i).text);
            all.addAll(pieces.get(i).parameters);
        }
        return new Sql(text.toString(), all);
    }

    @Override
    public String toString() {
        return text + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
