package dev.assay.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The field texts that mean null. An unquoted field equal to a token is null. A quoted field is never
 * null in a string column (quoting is how a file writes an empty string), but is null in any other
 * column, where the token could not be a value anyway. Immutable.
 */
final class NullTokens {
    private final boolean empty;
    private final byte[][] tokens;

    NullTokens(List<String> tokens) {
        this.empty = tokens.contains("");
        this.tokens = tokens.stream()
                .filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    /** Whether {@code b[start, end)} with tokenizer {@code flags} is null in a column. */
    boolean isNull(byte[] b, int start, int end, int flags, boolean stringColumn) {
        if (stringColumn && (flags & Tokenizer.QUOTED) != 0) {
            return false;
        }
        int len = end - start;
        if (len == 0) {
            return empty;
        }
        for (byte[] token : tokens) {
            if (token.length == len && Arrays.equals(b, start, end, token, 0, len)) {
                return true;
            }
        }
        return false;
    }
}
