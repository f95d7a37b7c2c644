package dev.assay.engine.arrow;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A reusable CharSequence over one UTF-8 value at a time, so a regular expression can scan column
 * values without a String per row. ASCII decodes byte for char; other text falls back to a String.
 * Not thread-safe.
 */
final class Utf8Chars implements CharSequence {
    private char[] chars = new char[64];
    private int length;
    private String fallback;

    /** Points this sequence at bytes [start, start+len) of {@code data}; returns this. */
    CharSequence set(ArrowBuf data, int start, int len) {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        for (int i = 0; i < len; i++) {
            byte b = data.getByte(start + i);
            if (b < 0) {
                byte[] bytes = new byte[len];
                data.getBytes(start, bytes, 0, len);
                fallback = new String(bytes, StandardCharsets.UTF_8);
                return fallback;
            }
            chars[i] = (char) b;
        }
        length = len;
        fallback = null;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
