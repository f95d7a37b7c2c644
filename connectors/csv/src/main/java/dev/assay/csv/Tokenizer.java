package dev.assay.csv;

import dev.assay.error.MalformedDataException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Splits UTF-8 CSV bytes into records and fields without decoding or copying them: after {@link #next}
 * a record's fields are byte ranges of {@link #buf}. Follows RFC 4180 strictly: a field is quoted only
 * if its first byte is the quote character; a quote inside an unquoted field, or anything but a
 * delimiter or line end after a closing quote, is an error. That strictness is what lets a file be split
 * into parallel ranges by counting quote characters. Every byte is checked to be UTF-8 on the way.
 * Records end at LF or CRLF; a lone CR is data. Not thread-safe.
 */
final class Tokenizer {
    /** Flag: the field was quoted. */
    static final int QUOTED = 1;
    /** Flag: the field holds escape sequences (doubled quotes, or the escape character). */
    static final int ESCAPED = 2;

    private static final int RECORD = 0;
    private static final int NEED_MORE = 1;
    private static final int BLANK = 2;
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    /** Bytes after the sentinel, so that an 8-byte read starting at or before it stays in the array. */
    private static final int SLACK = ByteSearch.WORD;

    private final ByteInput input;
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final boolean escapeIsQuote;
    private final long delimiterWord;
    private final long quoteWord;
    private final long escapeWord;
    private boolean skipBlankLines;
    private RecordErrors errors;

    /** The bytes; {@code buf[limit]} is always a sentinel LF so that scans need no bounds test. */
    byte[] buf;

    private int pos;
    private int limit;
    private long bufOffset;
    private boolean eof;
    /** Line feeds read so far: the line of the next byte relative to the first. */
    private long line;

    private final LongSupplier firstLine;
    private long lineBase = -1;

    /** The fields of the current record: {@code buf[starts[i], ends[i])}, with {@link #flags}. */
    int[] starts = new int[64];

    int[] ends = new int[64];
    byte[] flags = new byte[64];
    int fieldCount;
    /** Where the current record starts and ends (without its line terminator) in {@link #buf}. */
    int recordStart;

    int recordEnd;
    /** The line of the first byte of the current record, relative to the first byte: see {@link #absoluteLine}. */
    long recordLine;

    /**
     * @param input the bytes, positioned at {@code offset}
     * @param offset the file offset of the first byte of {@code input} (for split boundaries)
     * @param firstLine the 1-based line number of that byte, asked for only when a message needs it
     */
    Tokenizer(
            ByteInput input, long offset, LongSupplier firstLine, CsvDialect dialect, String fileName, int bufferSize) {
        this.input = input;
        this.errors = new RecordErrors(fileName, dialect, List.of(), false);
        this.bufOffset = offset;
        this.firstLine = firstLine;
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.escape = dialect.escape();
        this.escapeIsQuote = escape == quote;
        this.delimiterWord = ByteSearch.broadcast(delimiter);
        this.quoteWord = ByteSearch.broadcast(quote);
        this.escapeWord = ByteSearch.broadcast(escape);
        this.buf = new byte[bufferSize + 1 + SLACK];
        this.buf[0] = LF;
    }

    /** Whether blank lines are skipped (files of more than one column) or are records of one empty field. */
    void skipBlankLines(boolean skip) {
        this.skipBlankLines = skip;
    }

    /** Column names used in messages; empty while the header is read. */
    void columnNames(List<String> names, boolean header) {
        this.errors = errors.withColumns(names, header);
    }

    /** The file offset of the next unread byte. */
    long offset() {
        return bufOffset + pos;
    }

    /** The 1-based line of the next unread byte. */
    long line() {
        return absoluteLine(line);
    }

    /** The 1-based line number of a line counted relative to the first byte, like {@link #recordLine}. */
    long absoluteLine(long relative) {
        if (lineBase < 0) {
            lineBase = firstLine.getAsLong();
        }
        return lineBase + relative;
    }

    /** Skips a UTF-8 byte order mark at the current position, if there is one. */
    void skipByteOrderMark() throws IOException {
        while (limit - pos < 3 && !eof) {
            fill();
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** True when no bytes at all remain. */
    boolean atEnd() throws IOException {
        while (pos >= limit && !eof) {
            fill();
        }
        return pos >= limit;
    }

    /**
     * Moves to the first record that starts after an unquoted line feed at or after the current
     * position; {@code inQuotes} is the quote state at the byte after the current one. Used to find the
     * first record of a split from the quote parity of everything before it.
     */
    void seekRecordStart(boolean inQuotes) throws IOException {
        if (atEnd()) {
            return;
        }
        byte first = buf[pos++];
        if (first == LF && !inQuotes) {
            return;
        }
        boolean quoted = inQuotes;
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return;
                }
                fill();
                continue;
            }
            byte c = buf[pos++];
            if (c == quote) {
                quoted = !quoted;
            } else if (c == LF) {
                line++;
                if (!quoted) {
                    return;
                }
            }
        }
    }

    /**
     * Reads the next record, if one starts before {@code endOffset}.
     *
     * @return false at the end of the input or of the range
     * @throws MalformedDataException for an unclosed quote, a stray quote or invalid UTF-8
     */
    boolean next(long endOffset) throws IOException {
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            if (bufOffset + pos >= endOffset) {
                return false;
            }
            int status = tokenize();
            if (status == RECORD) {
                return true;
            }
            if (status == NEED_MORE) {
                fill();
            }
        }
    }

    /** Keeps the unread bytes, reads more behind them, growing the buffer for a record larger than it. */
    private void fill() throws IOException {
        if (eof) {
            throw new IllegalStateException("read past the end of the input");
        }
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
            bufOffset += pos;
            recordStart -= pos;
            pos = 0;
            limit = keep;
        }
        int capacity = buf.length - 1 - SLACK;
        if (limit == capacity) {
            buf = Arrays.copyOf(buf, capacity * 2 + 1 + SLACK);
            capacity = buf.length - 1 - SLACK;
        }
        int n = input.read(buf, limit, capacity - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        buf[limit] = LF;
    }

    private int tokenize() {
        final byte[] b = buf;
        final int lim = limit;
        final byte esc = escape;
        final byte d = delimiter;
        final byte qt = quote;
        final long dw = delimiterWord;
        final long qw = quoteWord;
        final long ew = escapeWord;
        int p = pos;
        long ln = line;
        if (skipBlankLines) {
            if (b[p] == LF) {
                pos = p + 1;
                line = ln + 1;
                return BLANK;
            }
            if (b[p] == CR) {
                if (p + 1 >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    pos = p + 1;
                    return BLANK;
                }
                if (b[p + 1] == LF) {
                    pos = p + 2;
                    line = ln + 1;
                    return BLANK;
                }
            }
        }
        recordStart = p;
        int f = 0;
        fields:
        while (true) {
            if (f == starts.length) {
                grow();
            }
            if (p >= lim) {
                if (!eof) {
                    return NEED_MORE;
                }
                // The input ends right after a delimiter: one last empty field.
                starts[f] = p;
                ends[f] = p;
                flags[f++] = 0;
                recordEnd = p;
                break;
            }
            if (b[p] == qt) {
                long fieldLine = ln;
                int q = p + 1;
                int fl = QUOTED;
                while (true) {
                    q = ByteSearch.nextInQuotes(b, q, qw, ew);
                    byte c = b[q];
                    if (q >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        throw errors.unclosedQuote(f, absoluteLine(fieldLine));
                    }
                    if (c == qt) {
                        if (!escapeIsQuote) {
                            break;
                        }
                        if (q + 1 >= lim && !eof) {
                            return NEED_MORE;
                        }
                        if (q + 1 < lim && b[q + 1] == qt) {
                            fl |= ESCAPED;
                            q += 2;
                            continue;
                        }
                        break;
                    } else if (c == LF) {
                        ln++;
                        q++;
                    } else if (c == esc) {
                        if (q + 1 >= lim) {
                            if (!eof) {
                                return NEED_MORE;
                            }
                            throw errors.unclosedQuote(f, absoluteLine(fieldLine));
                        }
                        fl |= ESCAPED;
                        byte next = b[q + 1];
                        if (next == LF) {
                            ln++;
                        } else if (next < 0) {
                            int n = utf8(b, q + 1, lim, f, ln);
                            if (n == 0) {
                                return NEED_MORE;
                            }
                            q += n - 1;
                        }
                        q += 2;
                    } else if (c >= 0) {
                        q++; // a control character: data
                    } else {
                        int n = utf8(b, q, lim, f, ln);
                        if (n == 0) {
                            return NEED_MORE;
                        }
                        q += n;
                    }
                }
                starts[f] = p + 1;
                ends[f] = q;
                flags[f++] = (byte) fl;
                p = q + 1;
                if (p >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    recordEnd = p;
                    break;
                }
                byte c = b[p];
                if (c == d) {
                    p++;
                    continue;
                }
                if (c == LF) {
                    recordEnd = p;
                    p++;
                    ln++;
                    break;
                }
                if (c == CR) {
                    if (p + 1 >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        recordEnd = p;
                        p++;
                        break;
                    }
                    if (b[p + 1] == LF) {
                        recordEnd = p;
                        p += 2;
                        ln++;
                        break;
                    }
                }
                throw errors.afterClosingQuote(f - 1, absoluteLine(ln), b[p]);
            }
            int q = p;
            while (true) {
                q = ByteSearch.nextUnquoted(b, q, dw, qw);
                byte c = b[q];
                if (q >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    starts[f] = p;
                    ends[f] = q;
                    flags[f++] = 0;
                    recordEnd = q;
                    p = q;
                    break fields;
                }
                if (c == d) {
                    starts[f] = p;
                    ends[f] = q;
                    flags[f++] = 0;
                    p = q + 1;
                    continue fields;
                }
                if (c == LF) {
                    starts[f] = p;
                    ends[f] = q;
                    flags[f++] = 0;
                    recordEnd = q;
                    p = q + 1;
                    ln++;
                    break fields;
                }
                if (c == CR) {
                    if (q + 1 >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        starts[f] = p;
                        ends[f] = q;
                        flags[f++] = 0;
                        recordEnd = q;
                        p = q + 1;
                        break fields;
                    }
                    if (b[q + 1] == LF) {
                        starts[f] = p;
                        ends[f] = q;
                        flags[f++] = 0;
                        recordEnd = q;
                        p = q + 2;
                        ln++;
                        break fields;
                    }
                    q++;
                    continue;
                }
                if (c == qt) {
                    throw errors.strayQuote(f, absoluteLine(ln));
                }
                if (c >= 0) {
                    q++; // another control character: data
                    continue;
                }
                int n = utf8(b, q, lim, f, ln);
                if (n == 0) {
                    return NEED_MORE;
                }
                q += n;
            }
        }
        fieldCount = f;
        recordLine = line;
        pos = p;
        line = ln;
        return RECORD;
    }

    private void grow() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        flags = Arrays.copyOf(flags, n);
    }

    /**
     * The length of the valid UTF-8 sequence at {@code b[q]} (a byte of 0x80 or more), or 0 when it runs
     * past the bytes read so far and more may come.
     *
     * @throws MalformedDataException naming the bytes when the sequence is invalid
     */
    private int utf8(byte[] b, int q, int lim, int field, long ln) {
        int n = Utf8.sequence(b, q, lim);
        if (n > 0) {
            return n;
        }
        if (n == 0 && !eof) {
            return 0;
        }
        throw errors.invalidUtf8(field, absoluteLine(ln), b, q, n == 0 ? lim - q : -n);
    }
}
