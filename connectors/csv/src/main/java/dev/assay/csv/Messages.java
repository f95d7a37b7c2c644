package dev.assay.csv;

import java.nio.charset.StandardCharsets;

/** Text for error messages and bad cells: how characters and raw values are shown. */
final class Messages {
    /** Raw values in messages and bad cells are cut to this many characters. */
    static final int MAX_RAW_CHARS = 200;

    private Messages() {}

    /** A structural character as a quoted literal, e.g. {@code ','} or {@code '\t'}. */
    static String show(byte c) {
        return show((char) (c & 0xFF));
    }

    /** A character as a quoted literal, with control characters escaped. */
    static String show(char c) {
        switch (c) {
            case '\t':
                return "'\\t'";
            case '\n':
                return "'\\n'";
            case '\r':
                return "'\\r'";
            case '\'':
                return "\"'\"";
            default:
                return c < 0x20 || c == 0x7F ? String.format("'\\u%04x'", (int) c) : "'" + c + "'";
        }
    }

    /** The bytes as text (invalid UTF-8 replaced), cut to {@link #MAX_RAW_CHARS} characters. */
    static String raw(byte[] b, int start, int end) {
        int len = Math.min(end - start, MAX_RAW_CHARS * 4);
        String s = new String(b, start, len, StandardCharsets.UTF_8);
        return truncate(s, len < end - start);
    }

    private static String truncate(String s, boolean cut) {
        if (s.codePointCount(0, s.length()) > MAX_RAW_CHARS) {
            return s.substring(0, s.offsetByCodePoints(0, MAX_RAW_CHARS)) + "…";
        }
        return cut ? s + "…" : s;
    }
}
