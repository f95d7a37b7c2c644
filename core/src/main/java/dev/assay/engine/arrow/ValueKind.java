package dev.assay.engine.arrow;

/** How the Arrow engine handles a column's values. */
enum ValueKind {
    /** Integers of any width, read as long. */
    INTEGER(true),
    /** Floating point, read as double. */
    FLOAT(true),
    /** Decimals, read as BigDecimal (double for statistics). */
    DECIMAL(true),
    /** UTF-8 text. */
    STRING(false),
    /** Booleans, read as 0/1. */
    BOOLEAN(false),
    /** Days since the epoch. */
    DATE(false),
    /** A point in time as a long in the column's unit. */
    TIMESTAMP(false),
    /** A time of day as a long in the column's unit. */
    TIME(false),
    /** Anything else (binary, nested): only null checks and schema expectations apply. */
    OTHER(false);

    private final boolean numeric;

    ValueKind(boolean numeric) {
        this.numeric = numeric;
    }

    boolean numeric() {
        return numeric;
    }

    /** True when values are ordered longs (so min, max, quantiles and ranges work on longs). */
    boolean longOrdered() {
        return this == INTEGER || this == DATE || this == TIMESTAMP || this == TIME || this == BOOLEAN;
    }
}
