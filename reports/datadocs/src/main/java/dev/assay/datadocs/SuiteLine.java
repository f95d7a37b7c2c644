package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

/**
 * One expectation of a suite as its page lists it (taken from the suite's newest run).
 *
 * @param group the column it is about, or {@code Table}
 * @param phrase the expectation in plain language
 * @param type its GX type
 * @param dimension its data-quality dimension
 */
record SuiteLine(String group, String phrase, String type, String dimension) {
    SuiteLine {
        requireNonNull(group, "group is null");
        requireNonNull(phrase, "phrase is null");
        requireNonNull(type, "type is null");
        requireNonNull(dimension, "dimension is null");
    }
}
