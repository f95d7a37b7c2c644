package dev.assay.csv;

/** Checks UTF-8 byte sequences as the Unicode standard defines them (no overlongs, surrogates or values past U+10FFFF). */
final class Utf8 {
    private Utf8() {}

    /**
     * The length of the UTF-8 sequence at {@code b[q]}, a byte of 0x80 or more: 2 to 4 if it is valid, 0
     * if it runs past {@code limit} (more bytes may complete it), or minus the number of bytes that show it
     * is invalid.
     */
    static int sequence(byte[] b, int q, int limit) {
        int b0 = b[q] & 0xFF;
        int n;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
        } else {
            return -1;
        }
        if (q + n > limit) {
            return 0;
        }
        int b1 = b[q + 1] & 0xFF;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 == 0xE0) {
            lo = 0xA0; // no overlong three-byte forms
        } else if (b0 == 0xED) {
            hi = 0x9F; // no surrogates
        } else if (b0 == 0xF0) {
            lo = 0x90; // no overlong four-byte forms
        } else if (b0 == 0xF4) {
            hi = 0x8F; // nothing past U+10FFFF
        }
        if (b1 < lo || b1 > hi) {
            return -2;
        }
        for (int k = 2; k < n; k++) {
            if ((b[q + k] & 0xC0) != 0x80) {
                return -(k + 1);
            }
        }
        return n;
    }
}
