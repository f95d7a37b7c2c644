package dev.assay.store;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/** Rules for store keys, and a way to turn any name into a safe key segment. */
public final class StoreKeys {
    /** The start of a temporary file's name; no key segment starts with it. */
    static final String TEMP_PREFIX = ".tmp-";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StoreKeys() {}

    /**
     * Checks that {@code key} is a valid key: {@code /}-separated non-empty segments, none {@code .} or
     * {@code ..} or starting with {@code .tmp-} (reserved for a store's temporary files), no backslash or
     * control character.
     *
     * @return the key
     * @throws AssayException with {@code INVALID_CONFIGURATION} otherwise, naming the key; never for a key
     *     made of {@link #segment} results joined by {@code /}
     */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "a store key must not be empty");
        }
        checkCharacters(key, "key");
        for (String segment : key.split("/", -1)) {
            checkSegment(key, segment, "key");
        }
        return key;
    }

    /**
     * Checks that {@code prefix} can start a valid key: empty, or the segments before its last {@code /}
     * valid as in {@link #check} and the rest free of control characters and backslashes.
     *
     * @return the prefix
     * @throws AssayException with {@code INVALID_CONFIGURATION} otherwise, naming the prefix
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "a store key prefix must not be null");
        }
        checkCharacters(prefix, "key prefix");
        int cut = prefix.lastIndexOf('/');
        if (cut >= 0) {
            for (String segment : prefix.substring(0, cut).split("/", -1)) {
                checkSegment(prefix, segment, "key prefix");
            }
        }
        return prefix;
    }

    private static void checkSegment(String key, String segment, String what) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "invalid store " + what + " '" + key + "': segments must be non-empty and not '.' or '..'");
        }
        if (segment.startsWith(TEMP_PREFIX)) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "invalid store " + what + " '" + key + "': segment '" + segment + "' starts with '" + TEMP_PREFIX
                            + "', which is reserved for temporary files (StoreKeys.segment(name) makes any name safe)");
        }
    }

    private static void checkCharacters(String key, String what) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "invalid store " + what + " '" + key.replaceAll("\\p{Cntrl}", "?")
                                + "': no control characters or backslashes (at index " + i + ")");
            }
        }
    }

    /**
     * {@code name} as one key segment that is safe as a file name and in a URL: letters, digits, {@code
     * -}, {@code _} and {@code .} stay, everything else (and a leading {@code .}) becomes {@code %XX} of its
     * UTF-8 bytes. Distinct names give distinct segments; {@link #decode} reverses it.
     */
    public static String segment(String name) {
        if (name.isEmpty()) {
            return "%";
        }
        StringBuilder out = new StringBuilder(name.length());
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z')
                    || (b >= 'A' && b <= 'Z')
                    || (b >= '0' && b <= '9')
                    || b == '-'
                    || b == '_'
                    || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** The name a {@link #segment} was made from. */
    public static String decode(String segment) {
        if (segment.equals("%")) {
            return "";
        }
        byte[] out = new byte[segment.length()];
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out[n++] = (byte) Integer.parseInt(segment.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
