package dev.assay.model.filter;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;

/** Builds the error for a condition that cannot be parsed, pointing at the 1-based character position. */
final class ParseFailure {
    private ParseFailure() {}

    /**
     * {@code Invalid row_condition "amount >> 5" at position 9: expected a value after '>'}; the parser is named when
     * it is not the default.
     */
    static AssayException at(String condition, ConditionSyntax syntax, int index, String problem) {
        String parser = syntax == ConditionSyntax.SQL ? "" : " (condition_parser " + syntax.parserName() + ")";
        return new AssayException(
                ErrorCode.INVALID_ROW_CONDITION,
                "Invalid row_condition \"" + condition + "\"" + parser + " at position " + (index + 1) + ": "
                        + problem);
    }
}
