package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.Locale;

/**
 * The syntaxes a {@code row_condition} may be written in, chosen by GX's {@code condition_parser}. Each parses to the
 * same {@link Condition} tree, rendered back as {@link #SQL}. Thread-safe.
 */
public enum ConditionSyntax {
    /**
     * The default: a SQL-like predicate, {@code status <> 'test' AND amount BETWEEN 1 AND 100}. Keywords are
     * case-insensitive; names are bare identifiers or {@code "double-quoted"}; strings are {@code 'single-quoted'}.
     */
    SQL("sql"),
    /**
     * GX's {@code great_expectations} syntax: {@code col("x") > 5}, {@code col("s") == "a"}, {@code
     * col("d") >= date("2024-01-01")}, {@code col("x").notNull()}, combined with {@code &}, {@code |}, {@code ~} and
     * parentheses.
     */
    GREAT_EXPECTATIONS("great_expectations"),
    /**
     * The part of pandas' {@code DataFrame.query} syntax that maps onto SQL: {@code x > 5 and status == 'a'}, {@code
     * and}/{@code or}/{@code not} (or {@code &}, {@code |}, {@code ~}), {@code in}/{@code not in} lists, chained
     * comparisons, {@code `quoted names`} and {@code x.isnull()}/{@code x.notnull()}.
     */
    PANDAS("pandas");

    private final String parserName;

    ConditionSyntax(String parserName) {
        this.parserName = parserName;
    }

    /** The {@code condition_parser} value that selects this syntax, never null. */
    public String parserName() {
        return parserName;
    }

    /**
     * The syntax named by a {@code condition_parser} value: {@code sql}, {@code great_expectations} (also its former
     * name {@code great_expectations__experimental__}) or {@code pandas}, ignoring case.
     *
     * @param conditionParser the name, never null
     * @throws AssayException with {@link ErrorCode#INVALID_ROW_CONDITION} for any other name
     */
    public static ConditionSyntax fromParserName(String conditionParser) {
        requireNonNull(conditionParser, "conditionParser is null");
        String name = conditionParser.trim().toLowerCase(Locale.ROOT);
        if (name.equals("great_expectations__experimental__")) {
            return GREAT_EXPECTATIONS;
        }
        for (ConditionSyntax syntax : values()) {
            if (syntax.parserName.equals(name)) {
                return syntax;
            }
        }
        throw new AssayException(
                ErrorCode.INVALID_ROW_CONDITION,
                "Unknown condition_parser \"" + conditionParser
                        + "\"; expected one of: sql, great_expectations, pandas");
    }

    /**
     * Parses a condition written in this syntax.
     *
     * @param condition the condition, never null
     * @return the condition, never null
     * @throws AssayException with {@link ErrorCode#INVALID_ROW_CONDITION} when {@code condition} is blank or cannot be
     *     parsed; the message quotes the condition and gives the 1-based position and what was expected there
     */
    public Condition parse(String condition) {
        requireNonNull(condition, "condition is null");
        switch (this) {
            case SQL:
                return new SqlParser(condition).parse();
            case GREAT_EXPECTATIONS:
                return new GxParser(condition).parse();
            case PANDAS:
                return new PandasParser(condition).parse();
        }
        throw new AssertionError(this);
    }
}
