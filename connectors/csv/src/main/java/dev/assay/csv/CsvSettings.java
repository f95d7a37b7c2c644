package dev.assay.csv;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.source.FileLocation;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The options of a {@link CsvSource}. Mutable only while a new source is made from a copy; a source
 * never changes the instance it holds.
 */
final class CsvSettings {
    static final long DEFAULT_CHUNK_SIZE = 16L << 20;
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;

    List<FileLocation> files = List.of();
    Path globDirectory;
    String globPattern;
    char delimiter = ',';
    char quote = '"';
    /** Null: the same as the quote (RFC 4180 doubling). */
    Character escape;

    boolean header = true;
    List<String> nullTokens = List.of("");
    CsvSchema schema;
    int inferRows = 10_000;
    ZoneId zone;
    BadRowPolicy badRows = BadRowPolicy.FAIL;
    String name;
    long chunkSize = DEFAULT_CHUNK_SIZE;
    int bufferSize = DEFAULT_BUFFER_SIZE;

    CsvSettings copy() {
        CsvSettings c = new CsvSettings();
        c.files = files;
        c.globDirectory = globDirectory;
        c.globPattern = globPattern;
        c.delimiter = delimiter;
        c.quote = quote;
        c.escape = escape;
        c.header = header;
        c.nullTokens = nullTokens;
        c.schema = schema;
        c.inferRows = inferRows;
        c.zone = zone;
        c.badRows = badRows;
        c.name = name;
        c.chunkSize = chunkSize;
        c.bufferSize = bufferSize;
        return c;
    }

    char escapeChar() {
        return escape == null ? quote : escape;
    }

    /**
     * The dialect, after checking that the structural characters are ASCII, not line breaks, and
     * distinct.
     */
    CsvDialect dialect() {
        checkStructural("delimiter", delimiter);
        checkStructural("quote", quote);
        checkStructural("escape", escapeChar());
        if (delimiter == quote) {
            throw invalid("the CSV delimiter and quote are the same character " + Messages.show(delimiter));
        }
        if (escapeChar() == delimiter) {
            throw invalid("the CSV escape and delimiter are the same character " + Messages.show(delimiter));
        }
        return new CsvDialect((byte) delimiter, (byte) quote, (byte) escapeChar());
    }

    private static void checkStructural(String what, char c) {
        if (c >= 0x80 || c == '\n' || c == '\r') {
            throw invalid(
                    "the CSV " + what + " must be an ASCII character other than a line break: " + Messages.show(c));
        }
    }

    static AssayException invalid(String message) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
