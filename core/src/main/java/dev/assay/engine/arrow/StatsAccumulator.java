package dev.assay.engine.arrow;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Null count, min, max, sum, mean and variance of one column, in constant memory. Variance merges
 * per-batch two-pass moments with Chan's formula, which stays accurate for large means (timestamps).
 */
final class StatsAccumulator implements Accumulator {
    private final String column;
    final ValueKind kind;
    ArrowColumn lastColumn;

    long nulls;
    long count;
    // longOrdered kinds
    long minLong = Long.MAX_VALUE;
    long maxLong = Long.MIN_VALUE;
    // FLOAT
    double minDouble = Double.POSITIVE_INFINITY;
    double maxDouble = Double.NEGATIVE_INFINITY;
    // DECIMAL
    BigDecimal minDecimal;
    BigDecimal maxDecimal;
    BigDecimal sumDecimal = BigDecimal.ZERO;
    // STRING (UTF-8 bytes; byte order is code point order)
    byte[] minBytes;
    byte[] maxBytes;
    // numeric moments
    long sumLong;
    boolean sumOverflow;
    double sumDouble;
    double mean;
    double m2;

    StatsAccumulator(String column, ValueKind kind) {
        this.column = column;
        this.kind = kind;
    }

    @Override
    public void add(BatchView batch, Selection rows) {
        ArrowColumn col = batch.column(column);
        lastColumn = col;
        switch (kind) {
            case INTEGER:
                addIntegers(col, rows);
                break;
            case FLOAT:
                addFloats(col, rows);
                break;
            case DECIMAL:
                addDecimals((ArrowColumn.DecimalColumn) col, rows);
                break;
            case STRING:
                addStrings((ArrowColumn.StringColumn) col, rows);
                break;
            case BOOLEAN:
            case DATE:
            case TIMESTAMP:
            case TIME:
                addOrderedLongs(col, rows);
                break;
            case OTHER:
                countNulls(col, rows);
                break;
        }
    }

    private void countNulls(ArrowColumn col, Selection rows) {
        int n = rows.size();
        long batchNulls = 0;
        for (int k = 0; k < n; k++) {
            if (col.isNull(rows.row(k))) {
                batchNulls++;
            }
        }
        nulls += batchNulls;
        count += n - batchNulls;
    }

    private void addOrderedLongs(ArrowColumn col, Selection rows) {
        int n = rows.size();
        long batchNulls = 0;
        long min = minLong;
        long max = maxLong;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (col.isNull(row)) {
                batchNulls++;
                continue;
            }
            long v = col.getLong(row);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        minLong = min;
        maxLong = max;
        nulls += batchNulls;
        count += n - batchNulls;
    }

    private void addIntegers(ArrowColumn col, Selection rows) {
        int n = rows.size();
        long batchCount = 0;
        long min = minLong;
        long max = maxLong;
        long sum = 0;
        boolean overflow = false;
        double doubleSum = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (col.isNull(row)) {
                continue;
            }
            long v = col.getLong(row);
            batchCount++;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            long s = sum + v;
            // Overflow iff both operands have the sign opposite to the result.
            if (((sum ^ s) & (v ^ s)) < 0) {
                overflow = true;
            }
            sum = s;
            doubleSum += v;
        }
        minLong = min;
        maxLong = max;
        nulls += n - batchCount;
        if (batchCount == 0) {
            return;
        }
        double batchMean = doubleSum / batchCount;
        double batchM2 = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (!col.isNull(row)) {
                double d = col.getLong(row) - batchMean;
                batchM2 += d * d;
            }
        }
        long before = sumLong;
        sumLong += sum;
        if (overflow || ((before ^ sumLong) & (sum ^ sumLong)) < 0) {
            sumOverflow = true;
        }
        sumDouble += doubleSum;
        mergeMoments(batchCount, batchMean, batchM2);
    }

    private void addFloats(ArrowColumn col, Selection rows) {
        int n = rows.size();
        long batchCount = 0;
        double min = minDouble;
        double max = maxDouble;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (col.isNull(row)) {
                continue;
            }
            double v = col.getDouble(row);
            batchCount++;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
        }
        minDouble = min;
        maxDouble = max;
        nulls += n - batchCount;
        if (batchCount == 0) {
            return;
        }
        double batchMean = sum / batchCount;
        double batchM2 = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (!col.isNull(row)) {
                double d = col.getDouble(row) - batchMean;
                batchM2 += d * d;
            }
        }
        sumDouble += sum;
        mergeMoments(batchCount, batchMean, batchM2);
    }

    private void addDecimals(ArrowColumn.DecimalColumn col, Selection rows) {
        int n = rows.size();
        long batchCount = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (col.isNull(row)) {
                continue;
            }
            BigDecimal v = col.getDecimal(row);
            batchCount++;
            if (minDecimal == null || v.compareTo(minDecimal) < 0) {
                minDecimal = v;
            }
            if (maxDecimal == null || v.compareTo(maxDecimal) > 0) {
                maxDecimal = v;
            }
            sumDecimal = sumDecimal.add(v);
            sum += v.doubleValue();
        }
        nulls += n - batchCount;
        if (batchCount == 0) {
            return;
        }
        double batchMean = sum / batchCount;
        double batchM2 = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (!col.isNull(row)) {
                double d = col.getDouble(row) - batchMean;
                batchM2 += d * d;
            }
        }
        sumDouble += sum;
        mergeMoments(batchCount, batchMean, batchM2);
    }

    private void addStrings(ArrowColumn.StringColumn col, Selection rows) {
        int n = rows.size();
        long batchNulls = 0;
        var data = col.strings.getDataBuffer();
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (col.isNull(row)) {
                batchNulls++;
                continue;
            }
            int start = col.start(row);
            int length = col.byteLength(row);
            if (minBytes == null || Utf8.compare(data, start, length, minBytes) < 0) {
                minBytes = Utf8.copy(data, start, length);
            }
            if (maxBytes == null || Utf8.compare(data, start, length, maxBytes) > 0) {
                maxBytes = Utf8.copy(data, start, length);
            }
        }
        nulls += batchNulls;
        count += n - batchNulls;
    }

    @Override
    public boolean orderSensitive() {
        return true;
    }

    private void mergeMoments(long n2, double mean2, double m2b) {
        long n1 = count;
        long n = n1 + n2;
        double delta = mean2 - mean;
        mean = mean + delta * n2 / n;
        m2 = m2 + m2b + delta * delta * ((double) n1 * n2 / n);
        count = n;
    }

    @Override
    public void merge(Accumulator other) {
        StatsAccumulator o = (StatsAccumulator) other;
        if (lastColumn == null) {
            lastColumn = o.lastColumn;
        }
        nulls += o.nulls;
        minLong = Math.min(minLong, o.minLong);
        maxLong = Math.max(maxLong, o.maxLong);
        minDouble = Math.min(minDouble, o.minDouble);
        maxDouble = Math.max(maxDouble, o.maxDouble);
        if (o.minDecimal != null && (minDecimal == null || o.minDecimal.compareTo(minDecimal) < 0)) {
            minDecimal = o.minDecimal;
        }
        if (o.maxDecimal != null && (maxDecimal == null || o.maxDecimal.compareTo(maxDecimal) > 0)) {
            maxDecimal = o.maxDecimal;
        }
        sumDecimal = sumDecimal.add(o.sumDecimal);
        if (o.minBytes != null && (minBytes == null || Arrays.compareUnsigned(o.minBytes, minBytes) < 0)) {
            minBytes = o.minBytes;
        }
        if (o.maxBytes != null && (maxBytes == null || Arrays.compareUnsigned(o.maxBytes, maxBytes) > 0)) {
            maxBytes = o.maxBytes;
        }
        long before = sumLong;
        sumLong += o.sumLong;
        sumOverflow |= o.sumOverflow || ((before ^ sumLong) & (o.sumLong ^ sumLong)) < 0;
        sumDouble += o.sumDouble;
        if (kind.numeric()) {
            if (o.count > 0) {
                mergeMoments(o.count, o.mean, o.m2);
            }
        } else {
            count += o.count;
        }
    }
}
