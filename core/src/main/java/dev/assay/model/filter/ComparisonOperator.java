package dev.assay.model.filter;

/** A comparison between a column and a value or another column, as written in a {@link Comparison}. */
public enum ComparisonOperator {
    /** {@code =}. */
    EQUAL("="),
    /** {@code <>} (also written {@code !=}). */
    NOT_EQUAL("<>"),
    /** {@code <}. */
    LESS_THAN("<"),
    /** {@code <=}. */
    LESS_THAN_OR_EQUAL("<="),
    /** {@code >}. */
    GREATER_THAN(">"),
    /** {@code >=}. */
    GREATER_THAN_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical SQL symbol, never null: {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
    public String symbol() {
        return symbol;
    }

    /** The operator with its operands swapped: {@code 5 < a} is {@code a > 5}. */
    public ComparisonOperator flip() {
        switch (this) {
            case EQUAL:
            case NOT_EQUAL:
                return this;
            case LESS_THAN:
                return GREATER_THAN;
            case LESS_THAN_OR_EQUAL:
                return GREATER_THAN_OR_EQUAL;
            case GREATER_THAN:
                return LESS_THAN;
            case GREATER_THAN_OR_EQUAL:
                return LESS_THAN_OR_EQUAL;
        }
        throw new AssertionError(this);
    }

    /**
     * True when two values that compare as {@code comparison} (negative, zero or positive, as in {@link
     * Comparable#compareTo}) satisfy this operator.
     */
    public boolean accepts(int comparison) {
        switch (this) {
            case EQUAL:
                return comparison == 0;
            case NOT_EQUAL:
                return comparison != 0;
            case LESS_THAN:
                return comparison < 0;
            case LESS_THAN_OR_EQUAL:
                return comparison <= 0;
            case GREATER_THAN:
                return comparison > 0;
            case GREATER_THAN_OR_EQUAL:
                return comparison >= 0;
        }
        throw new AssertionError(this);
    }
}
