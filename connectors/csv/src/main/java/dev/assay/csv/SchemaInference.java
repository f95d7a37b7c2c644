package dev.assay.csv;

/**
 * Infers column types from sample rows: each column gets the first of boolean, int64, float64, date,
 * timestamp that every non-null sample value parses as, else string. The parsers are the ones that read
 * the data. Timestamps become {@link CsvType#TIMESTAMP} if no value has an offset, {@link
 * CsvType#TIMESTAMP_TZ} if all have one, and string if they are mixed (unless a zone is set, which
 * makes both readable as instants). Rows with the wrong number of fields are left out of the sample; the
 * scan reports them. Not thread-safe.
 */
final class SchemaInference {
    private static final int BOOLEAN = 1;
    private static final int INT64 = 2;
    private static final int FLOAT64 = 4;
    private static final int DATE = 8;
    private static final int TIMESTAMP = 16;
    private static final int ALL = BOOLEAN | INT64 | FLOAT64 | DATE | TIMESTAMP;

    private final int columns;
    private final int[] candidates;
    private final boolean[] sawOffset;
    private final boolean[] sawLocal;
    private final NullTokens nulls;
    private final CsvDialect dialect;
    private final ValueParser parser = new ValueParser();
    private byte[] scratch = new byte[256];
    private int rows;

    SchemaInference(int columns, NullTokens nulls, CsvDialect dialect) {
        this.columns = columns;
        this.candidates = new int[columns];
        this.sawOffset = new boolean[columns];
        this.sawLocal = new boolean[columns];
        this.nulls = nulls;
        this.dialect = dialect;
        java.util.Arrays.fill(candidates, ALL);
    }

    /** Adds the tokenizer's current record to the sample. */
    void accept(Tokenizer t) {
        if (t.fieldCount != columns) {
            return;
        }
        rows++;
        for (int k = 0; k < columns; k++) {
            int mask = candidates[k];
            if (mask == 0) {
                continue;
            }
            byte[] b = t.buf;
            int start = t.starts[k];
            int end = t.ends[k];
            int flags = t.flags[k];
            if (nulls.isNull(b, start, end, flags, false)) {
                continue;
            }
            if ((flags & Tokenizer.ESCAPED) != 0) {
                if (scratch.length < end - start) {
                    scratch = new byte[Math.max(end - start, scratch.length * 2)];
                }
                end = dialect.unescape(b, start, end, scratch);
                start = 0;
                b = scratch;
            }
            if ((mask & BOOLEAN) != 0 && !parser.parseBoolean(b, start, end)) {
                mask &= ~BOOLEAN;
            }
            if ((mask & INT64) != 0 && !parser.parseInt64(b, start, end)) {
                mask &= ~INT64;
            }
            if ((mask & FLOAT64) != 0 && !parser.parseFloat64(b, start, end)) {
                mask &= ~FLOAT64;
            }
            if ((mask & DATE) != 0 && !parser.parseIsoDate(b, start, end)) {
                mask &= ~DATE;
            }
            if ((mask & TIMESTAMP) != 0) {
                if (parser.parseIsoTimestamp(b, start, end)) {
                    sawOffset[k] |= parser.hasOffset;
                    sawLocal[k] |= !parser.hasOffset;
                } else {
                    mask &= ~TIMESTAMP;
                }
            }
            candidates[k] = mask;
        }
    }

    /** The number of rows sampled. */
    int rows() {
        return rows;
    }

    /** The inferred type of column {@code k}. */
    CsvType type(int k, boolean zoneSet) {
        int mask = candidates[k];
        if (mask == ALL || mask == 0) {
            return CsvType.STRING; // no non-null value, or none fits
        }
        if ((mask & BOOLEAN) != 0) {
            return CsvType.BOOLEAN;
        }
        if ((mask & INT64) != 0) {
            return CsvType.INT64;
        }
        if ((mask & FLOAT64) != 0) {
            return CsvType.FLOAT64;
        }
        if ((mask & DATE) != 0) {
            return CsvType.DATE;
        }
        if (zoneSet || !(sawOffset[k] && sawLocal[k])) {
            return sawOffset[k] && !zoneSet ? CsvType.TIMESTAMP_TZ : CsvType.TIMESTAMP;
        }
        return CsvType.STRING;
    }
}
