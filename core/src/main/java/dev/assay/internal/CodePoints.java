package dev.assay.internal;

/** Text order by Unicode code point (not by UTF-16 unit), as the engines compare text. Not API. */
public final class CodePoints {
    private CodePoints() {}

    /** Compares {@code a} and {@code b} code point by code point; a prefix comes first. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
