package dev.assay.csv;

import dev.assay.error.MalformedDataException;
import java.util.List;

/**
 * The messages for damage to a CSV file's structure, found while splitting records: each names the
 * file, line, column and field, and what was wrong. Immutable.
 */
final class RecordErrors {
    private final String fileName;
    private final CsvDialect dialect;
    private final List<String> columnNames;
    private final boolean header;

    /**
     * @param columnNames the column names by field index, for messages; may be empty
     * @param header whether the record being read is the header
     */
    RecordErrors(String fileName, CsvDialect dialect, List<String> columnNames, boolean header) {
        this.fileName = fileName;
        this.dialect = dialect;
        this.columnNames = columnNames;
        this.header = header;
    }

    RecordErrors withColumns(List<String> names, boolean inHeader) {
        return new RecordErrors(fileName, dialect, names, inHeader);
    }

    /** "column 'fare' (field 4)", "field 14", or "header field 2". */
    String describeField(int field) {
        if (header) {
            return "header field " + (field + 1);
        }
        if (field < columnNames.size()) {
            return "column '" + columnNames.get(field) + "' (field " + (field + 1) + ")";
        }
        return "field " + (field + 1);
    }

    private String where(int field, long line) {
        return fileName + ":" + line + ": " + describeField(field) + ": ";
    }

    MalformedDataException unclosedQuote(int field, long line) {
        return new MalformedDataException(where(field, line)
                + "unclosed quote: the quoted field that starts on this line runs to the end of the file");
    }

    MalformedDataException strayQuote(int field, long line) {
        return new MalformedDataException(where(field, line) + "quote character " + Messages.show(dialect.quote())
                + " inside an unquoted field; quote the whole field and double the quote characters in it");
    }

    MalformedDataException afterClosingQuote(int field, long line, byte found) {
        String what = found < 0 ? "a non-ASCII character" : Messages.show(found);
        return new MalformedDataException(where(field, line) + "unexpected " + what
                + " after the closing quote; expected the delimiter " + Messages.show(dialect.delimiter())
                + " or the end of the line");
    }

    MalformedDataException invalidUtf8(int field, long line, byte[] b, int at, int count) {
        StringBuilder bytes = new StringBuilder();
        for (int k = 0; k < count; k++) {
            bytes.append(k == 0 ? "" : " ").append(String.format("0x%02X", b[at + k] & 0xFF));
        }
        return new MalformedDataException(
                where(field, line) + "invalid UTF-8 byte sequence " + bytes + "; CSV files must be UTF-8 encoded");
    }
}
