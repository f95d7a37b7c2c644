package dev.assay.model;

/** What an expectation looks at, in GX's terms. */
public enum Kind {
    /** Each value of one column, row by row. */
    COLUMN_MAP("column_map"),
    /** Each pair of values of two columns, row by row. */
    COLUMN_PAIR_MAP("column_pair_map"),
    /** Each combination of values of several columns, row by row. */
    MULTICOLUMN_MAP("multicolumn_map"),
    /** An aggregate of one column (its mean, its distinct values). */
    COLUMN_AGGREGATE("column_aggregate"),
    /** The table as a whole (its row count, its columns). */
    TABLE("batch");

    private final String gxName;

    Kind(String gxName) {
        this.gxName = gxName;
    }

    /** The GX name of the kind. */
    public String gxName() {
        return gxName;
    }

    /** True for row-by-row kinds, which take {@code mostly} and report unexpected rows. */
    public boolean isMap() {
        return this == COLUMN_MAP || this == COLUMN_PAIR_MAP || this == MULTICOLUMN_MAP;
    }
}
