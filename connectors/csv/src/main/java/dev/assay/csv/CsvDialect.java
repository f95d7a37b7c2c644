package dev.assay.csv;

/**
 * The bytes that structure a CSV file. All are ASCII, checked by {@link CsvSource}.
 *
 * @param delimiter separates fields
 * @param quote encloses a field that holds delimiters, quotes or line breaks
 * @param escape inside a quoted field, makes the next character literal; equal to {@code quote} for
 *     RFC 4180 doubling ({@code ""})
 */
record CsvDialect(byte delimiter, byte quote, byte escape) {
    /** True when every quote character toggles the quoted state, so a file can be split by quote parity. */
    boolean splittable() {
        return escape == quote;
    }

    /**
     * Copies the content of a quoted field with escapes, {@code src[start, end)}, into {@code dst}
     * without them: {@code ""} becomes {@code "}, or {@code \x} becomes {@code x}.
     *
     * @param dst at least {@code end - start} long
     * @return the number of bytes written
     */
    int unescape(byte[] src, int start, int end, byte[] dst) {
        int n = 0;
        for (int i = start; i < end; i++) {
            byte c = src[i];
            if (c == escape && i + 1 < end) {
                i++;
                c = src[i];
            }
            dst[n++] = c;
        }
        return n;
    }
}
