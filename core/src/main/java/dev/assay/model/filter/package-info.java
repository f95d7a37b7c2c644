/**
 * The parsed form of a {@code row_condition}: an immutable syntax tree of {@link dev.assay.model.filter.Condition}
 * nodes, its parsers ({@link dev.assay.model.filter.ConditionSyntax}) and its canonical SQL-like rendering.
 *
 * <p>Every type here is an immutable value: equal conditions select equal rows and are evaluated once. No method
 * accepts or returns null.
 */
package dev.assay.model.filter;
