package dev.assay.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * What one database's SQL can say, for the SQL engine: how to quote a name, compare text by code point,
 * match a regular expression, count characters, take a median or a quantile. A function a dialect lacks is
 * empty, and the engine streams that metric's column to the Arrow engine instead. Immutable.
 *
 * <p>Every comparison of text goes through {@link #text}, so that a database whose default collation
 * ignores case or trailing spaces (MariaDB) compares as Assay does: by Unicode code point, exactly.
 */
enum Dialect {
    POSTGRESQL("postgresql", "\"", 32_000, 1_600, PortableRegex.Flavor.POSTGRES) {
        @Override
        String text(String expression) {
            return expression + " COLLATE \"C\"";
        }

        @Override
        String regexMatch(String expression) {
            // A nondeterministic collation refuses regular expressions; "C" never does.
            return text(expression) + " ~ ?";
        }

        @Override
        String min(String expression, boolean bool) {
            return bool ? "BOOL_AND(" + expression + ")" : super.min(expression, false);
        }

        @Override
        String max(String expression, boolean bool) {
            return bool ? "BOOL_OR(" + expression + ")" : super.max(expression, false);
        }

        @Override
        Optional<String> median(String expression) {
            return Optional.of("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + expression + ")");
        }

        @Override
        Optional<String> quantile(String expression, double q) {
            return Optional.of("PERCENTILE_DISC(" + q + ") WITHIN GROUP (ORDER BY " + expression + ")");
        }

        @Override
        boolean keepsRowOrder() {
            // The window runs over one scan and the filter above it keeps its order: the first rows found are
            // the first in order, and LIMIT stops the scan there instead of sorting every unexpected row.
            return true;
        }
    },
    MARIADB("mariadb", "`", 60_000, 4_000, PortableRegex.Flavor.PCRE) {
        @Override
        String text(String expression) {
            // utf8mb4_nopad_bin: by code point, case and trailing spaces significant, whatever the column's charset.
            return "CONVERT(" + expression + " USING utf8mb4) COLLATE utf8mb4_nopad_bin";
        }

        @Override
        String regexMatch(String expression) {
            return text(expression) + " REGEXP ?";
        }

        @Override
        String doubleValue(String expression) {
            return "CAST(" + expression + " AS DOUBLE)";
        }

        @Override
        Sql numberedRows(String columns, Sql relation) {
            // ROW_NUMBER() OVER () numbers rows in no particular order here; a counter follows the scan.
            return Sql.of("SELECT " + columns + ", (@assay_row := @assay_row + 1) AS assay_row FROM ")
                    .append(relation)
                    .append(" CROSS JOIN (SELECT @assay_row := -1) assay_init");
        }
    },
    MYSQL("mysql", "`", 60_000, 4_000, null) {
        @Override
        String text(String expression) {
            return "CONVERT(" + expression + " USING utf8mb4) COLLATE utf8mb4_0900_bin";
        }

        @Override
        String doubleValue(String expression) {
            return "CAST(" + expression + " AS DOUBLE)";
        }
    },
    DUCKDB("duckdb", "\"", 30_000, 4_000, PortableRegex.Flavor.RE2) {
        @Override
        String regexMatch(String expression) {
            return "REGEXP_MATCHES(" + expression + ", ?)";
        }

        @Override
        Optional<String> median(String expression) {
            return Optional.of("QUANTILE_CONT(" + expression + ", 0.5)");
        }

        @Override
        Optional<String> quantile(String expression, double q) {
            return Optional.of("PERCENTILE_DISC(" + q + ") WITHIN GROUP (ORDER BY " + expression + ")");
        }
    },
    H2("h2", "\"", 30_000, 4_000, PortableRegex.Flavor.JAVA) {
        @Override
        String regexMatch(String expression) {
            return "REGEXP_LIKE(" + expression + ", ?)";
        }

        @Override
        String charLength(String expression) {
            // H2 counts UTF-16 units; a character beyond the BMP is two, so count those once more and halve.
            return "((CHAR_LENGTH(" + expression + ") + CHAR_LENGTH(REGEXP_REPLACE(" + expression
                    + ", '[\\x{10000}-\\x{10FFFF}]', ''))) / 2)";
        }

        @Override
        Optional<String> median(String expression) {
            return Optional.of("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + expression + ")");
        }

        @Override
        Optional<String> quantile(String expression, double q) {
            return Optional.of("PERCENTILE_DISC(" + q + ") WITHIN GROUP (ORDER BY " + expression + ")");
        }
    },
    SQLITE("sqlite", "\"", 30_000, 1_900, null) {
        @Override
        String text(String expression) {
            // A column declared COLLATE NOCASE would compare ignoring case.
            return expression + " COLLATE BINARY";
        }

        @Override
        String charLength(String expression) {
            return "LENGTH(" + expression + ")";
        }

        @Override
        Optional<String> stddev(String expression) {
            return Optional.empty();
        }

        @Override
        String sum(String expression) {
            // SUM of integers fails on overflow; TOTAL is a double that never fails (exact below 2^53).
            return "TOTAL(" + expression + ")";
        }

        @Override
        String doubleValue(String expression) {
            return "CAST(" + expression + " AS REAL)";
        }
    },
    /** Any other JDBC database: SQL-92 aggregates only; everything else streams. */
    ANSI("ansi", "\"", 2_000, 1_000, null) {
        @Override
        Optional<String> stddev(String expression) {
            return Optional.empty();
        }

        @Override
        boolean rowNumbers() {
            return false;
        }

        @Override
        String limit(int rows) {
            return " FETCH FIRST " + rows + " ROWS ONLY";
        }
    };

    private final String label;
    private final String defaultQuote;
    private final int maxParameters;
    private final int maxSelectItems;
    private final PortableRegex.Flavor regexFlavor;

    Dialect(String label, String defaultQuote, int maxParameters, int maxSelectItems, PortableRegex.Flavor flavor) {
        this.label = label;
        this.defaultQuote = defaultQuote;
        this.maxParameters = maxParameters;
        this.maxSelectItems = maxSelectItems;
        this.regexFlavor = flavor;
    }

    /** The dialect of a database, by the product name its driver reports; {@link #ANSI} when unknown. */
    static Dialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        if (name.contains("mysql")) {
            return MYSQL;
        }
        if (name.contains("duckdb")) {
            return DUCKDB;
        }
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        return ANSI;
    }

    /** The name in results and messages, e.g. {@code postgresql}. */
    String label() {
        return label;
    }

    /** The identifier quote when the driver reports none. */
    String defaultQuote() {
        return defaultQuote;
    }

    /** The most bound parameters one statement may carry here (kept well below the database's limit). */
    int maxParameters() {
        return maxParameters;
    }

    /** The most expressions one SELECT list may carry here. */
    int maxSelectItems() {
        return maxSelectItems;
    }

    /** {@code expression} as text that compares, sorts, groups and counts distinct by code point. */
    String text(String expression) {
        return expression;
    }

    /** How the regular expressions bound to {@link #regexMatch} are written, or null when there are none. */
    PortableRegex.Flavor regexFlavor() {
        return regexFlavor;
    }

    /**
     * A boolean expression, true when {@code expression} contains a match of the pattern bound to its one
     * parameter (in {@link #regexFlavor()}'s syntax). Only called when the flavor is not null.
     */
    String regexMatch(String expression) {
        throw new UnsupportedOperationException(label + " has no regular expressions");
    }

    /** The number of Unicode code points of a text. */
    String charLength(String expression) {
        return "CHAR_LENGTH(" + expression + ")";
    }

    /** The least value; {@code bool} for a boolean column. */
    String min(String expression, boolean bool) {
        return "MIN(" + expression + ")";
    }

    /** The greatest value; {@code bool} for a boolean column. */
    String max(String expression, boolean bool) {
        return "MAX(" + expression + ")";
    }

    /** The sum: exact for integers and decimals where the database allows. */
    String sum(String expression) {
        return "SUM(" + expression + ")";
    }

    /**
     * The sample standard deviation in double precision (as the Arrow engine computes it; a decimal one may
     * be rounded to a few places), or empty when the database has none.
     */
    Optional<String> stddev(String expression) {
        return Optional.of("STDDEV_SAMP(" + doubleValue(expression) + ")");
    }

    /** The mean of the two middle values (an interpolated median), or empty when there is none. */
    Optional<String> median(String expression) {
        return Optional.empty();
    }

    /** The discrete quantile {@code q} (SQL {@code percentile_disc}), or empty when there is none. */
    Optional<String> quantile(String expression, double q) {
        return Optional.empty();
    }

    /** A number as a double. */
    String doubleValue(String expression) {
        return "CAST(" + expression + " AS DOUBLE PRECISION)";
    }

    /**
     * The UTC day of a date or timestamp column as a DATE (SQLite: the ISO text's first ten characters).
     *
     * @param field the column, to tell a timestamp with a time zone
     */
    String day(String expression, org.apache.arrow.vector.types.pojo.Field field) {
        boolean zoned = field.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Timestamp t
                && t.getTimezone() != null;
        switch (this) {
            case SQLITE:
                return "SUBSTR(" + expression + ", 1, 10)";
            case POSTGRESQL:
            case H2:
                return zoned
                        ? "CAST(" + expression + " AT TIME ZONE 'UTC' AS DATE)"
                        : "CAST(" + expression + " AS DATE)";
            case DUCKDB:
                return zoned ? "CAST(TIMEZONE('UTC', " + expression + ") AS DATE)" : "CAST(" + expression + " AS DATE)";
            default:
                return "CAST(" + expression + " AS DATE)";
        }
    }

    /** Whether {@link #numberedRows} can number rows in the order a plain SELECT reads them. */
    boolean rowNumbers() {
        return true;
    }

    /**
     * A query of {@code columns} of {@code relation} and a column {@code assay_row}: each row's 0-based
     * position in the order a plain SELECT of the relation reads them, which is the order rows stream in.
     */
    Sql numberedRows(String columns, Sql relation) {
        return Sql.of("SELECT " + columns + ", ROW_NUMBER() OVER () - 1 AS assay_row FROM ")
                .append(relation);
    }

    /**
     * Whether a filter over {@link #numberedRows} returns rows in number order without an {@code ORDER BY},
     * so that a sample query can stop at its limit.
     */
    boolean keepsRowOrder() {
        return false;
    }

    /** The clause that keeps the first {@code rows} rows of a query. */
    String limit(int rows) {
        return " LIMIT " + rows;
    }
}
