package dev.assay.model.filter;

/** One side of a {@link Comparison}: a column or a literal value. Immutable and thread-safe. */
public sealed interface Operand permits ColumnRef, Literal {
    /** The operand in canonical SQL-like syntax, never null. */
    String text();
}
