package dev.assay.model.filter;

/**
 * A constant value in a condition. Immutable and thread-safe; equality is by value and kind ({@code 1} and {@code
 * 1.0} are different literals, as they are written differently).
 */
public sealed interface Literal extends Operand
        permits NumberLiteral, StringLiteral, BooleanLiteral, NullLiteral, DateLiteral, TimeLiteral, TimestampLiteral {
    /** A short description for error messages, such as {@code the string 'abc'}; never null. */
    String describe();
}
