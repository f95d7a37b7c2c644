package dev.assay.csv;

/** What a {@link CsvSource} does with a value or row it cannot read. */
public enum BadRowPolicy {
    /**
     * Stop the scan with a {@link dev.assay.error.MalformedDataException} naming the file, line, column
     * and what was wrong. The default.
     */
    FAIL,
    /**
     * Keep reading: a value that does not parse as its column's type becomes null and is recorded as a
     * {@link dev.assay.source.BadCells.BadCell}; a row with too many or too few fields becomes a row of
     * nulls recorded as a whole-row bad cell. Expectations count bad cells as unexpected, so nothing is
     * skipped silently. Damage to the file's structure (an unclosed quote, a stray quote, invalid UTF-8)
     * still fails the scan, because no later row could be trusted.
     */
    REPORT
}
