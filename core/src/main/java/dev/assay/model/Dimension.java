package dev.assay.model;

import java.util.Locale;

/** The data-quality dimension an expectation speaks to; results are summarised by dimension. */
public enum Dimension {
    COMPLETENESS,
    VALIDITY,
    UNIQUENESS,
    CONSISTENCY,
    ACCURACY,
    TIMELINESS,
    VOLUME,
    SCHEMA;

    /** The lower-case name used in result files. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
