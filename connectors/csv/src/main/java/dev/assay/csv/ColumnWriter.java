package dev.assay.csv;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Converts the text of one column's fields into its Arrow vector. The caller makes room in the vectors
 * before each row, so fixed-width values are set without capacity checks. A cell that is not written
 * stays null. Not thread-safe: one per column per split.
 */
abstract class ColumnWriter {
    final ColumnSpec spec;
    final ValueParser parser;

    ColumnWriter(ColumnSpec spec, ValueParser parser) {
        this.spec = spec;
        this.parser = parser;
    }

    /** A writer for {@code spec} into {@code vector}, which must be of the column's Arrow type. */
    static ColumnWriter create(ColumnSpec spec, FieldVector vector, ValueParser parser, Optional<ZoneId> zone) {
        switch (spec.type()) {
            case BOOLEAN:
                return new BooleanWriter(spec, parser, (BitVector) vector);
            case INT64:
                return new Int64Writer(spec, parser, (BigIntVector) vector);
            case FLOAT64:
                return new Float64Writer(spec, parser, (Float8Vector) vector);
            case DATE:
                return new DateWriter(spec, parser, (DateDayVector) vector);
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                return new TimestampWriter(spec, parser, (TimeStampVector) vector, zone);
            case STRING:
                return new StringWriter(spec, parser, (VarCharVector) vector);
        }
        throw new AssertionError(spec.type());
    }

    /**
     * Writes the value in {@code b[start, end)} at {@code row}.
     *
     * @return false if the text is not a value of the column's type; the cell stays null
     */
    abstract boolean write(int row, byte[] b, int start, int end);

    /** Completes the vector after {@code rows} rows, before the batch is handed out. */
    void finish(int rows) {}

    /** Starts a new batch after the vectors were reset. */
    void reset() {}

    /** The vector's buffers were reallocated to make room for more rows. */
    void buffersMoved() {}

    /** Why the last {@link #write} failed, for the raw text {@code raw}. */
    String reason(String raw) {
        return "'" + raw + "' is not " + spec.describeType();
    }

    private static final class BooleanWriter extends ColumnWriter {
        private final BitVector vector;

        BooleanWriter(ColumnSpec spec, ValueParser parser, BitVector vector) {
            super(spec, parser);
            this.vector = vector;
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            if (!parser.parseBoolean(b, start, end)) {
                return false;
            }
            vector.set(row, parser.booleanValue ? 1 : 0);
            return true;
        }
    }

    private static final class Int64Writer extends ColumnWriter {
        private final BigIntVector vector;

        Int64Writer(ColumnSpec spec, ValueParser parser, BigIntVector vector) {
            super(spec, parser);
            this.vector = vector;
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            if (!parser.parseInt64(b, start, end)) {
                return false;
            }
            vector.set(row, parser.longValue);
            return true;
        }
    }

    private static final class Float64Writer extends ColumnWriter {
        private final Float8Vector vector;

        Float64Writer(ColumnSpec spec, ValueParser parser, Float8Vector vector) {
            super(spec, parser);
            this.vector = vector;
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            if (!parser.parseFloat64(b, start, end)) {
                return false;
            }
            vector.set(row, parser.doubleValue);
            return true;
        }
    }

    private static final class DateWriter extends ColumnWriter {
        private final DateDayVector vector;

        DateWriter(ColumnSpec spec, ValueParser parser, DateDayVector vector) {
            super(spec, parser);
            this.vector = vector;
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            if (!spec.format().parse(parser, b, start, end)) {
                return false;
            }
            long day = parser.longValue;
            if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
                return false;
            }
            vector.set(row, (int) day);
            return true;
        }
    }

    private static final class TimestampWriter extends ColumnWriter {
        private enum Failure {
            NOT_PARSED,
            OFFSET_IN_LOCAL,
            NO_OFFSET
        }

        private final TimeStampVector vector;
        private final boolean instants;
        private final ZoneId zone;
        private final long fixedOffsetMicros;
        private final boolean fixed;
        private Failure failure = Failure.NOT_PARSED;

        TimestampWriter(ColumnSpec spec, ValueParser parser, TimeStampVector vector, Optional<ZoneId> zone) {
            super(spec, parser);
            this.vector = vector;
            this.instants = spec.instants(zone);
            this.zone = zone.orElse(null);
            this.fixed = this.zone != null && this.zone.getRules().isFixedOffset();
            this.fixedOffsetMicros = fixed
                    ? this.zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds()
                            * ValueParser.MICROS_PER_SECOND
                    : 0;
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            if (!spec.format().parse(parser, b, start, end)) {
                failure = Failure.NOT_PARSED;
                return false;
            }
            long micros = parser.longValue;
            if (parser.hasOffset) {
                if (!instants) {
                    failure = Failure.OFFSET_IN_LOCAL;
                    return false;
                }
                micros -= parser.offsetSeconds * ValueParser.MICROS_PER_SECOND;
            } else if (instants) {
                if (zone == null) {
                    failure = Failure.NO_OFFSET;
                    return false;
                }
                micros = fixed ? micros - fixedOffsetMicros : inZone(micros);
            }
            vector.set(row, micros);
            return true;
        }

        /** A wall-clock time in the zone; in a gap it moves forward, in an overlap it takes the earlier offset. */
        private long inZone(long wallMicros) {
            long seconds = Math.floorDiv(wallMicros, ValueParser.MICROS_PER_SECOND);
            long micros = Math.floorMod(wallMicros, ValueParser.MICROS_PER_SECOND);
            LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            return ZonedDateTime.of(local, zone).toEpochSecond() * ValueParser.MICROS_PER_SECOND + micros;
        }

        @Override
        String reason(String raw) {
            switch (failure) {
                case OFFSET_IN_LOCAL:
                    return "'" + raw + "' has a UTC offset, but the column holds timestamps without zone;"
                            + " declare it with CsvColumn.timestampTz or set CsvSource.zone";
                case NO_OFFSET:
                    return "'" + raw + "' has no UTC offset; set CsvSource.zone to read it as an instant";
                case NOT_PARSED:
                    return super.reason(raw);
            }
            throw new AssertionError(failure);
        }
    }

    /**
     * Writes UTF-8 bytes straight into the data buffer and offsets, filling the offsets of null rows
     * in between, instead of {@code setSafe} with its per-value capacity and hole checks.
     */
    private static final class StringWriter extends ColumnWriter {
        private final VarCharVector vector;
        private ArrowBuf offsets;
        private ArrowBuf data;
        private ArrowBuf validity;
        private int lastRow = -1;
        private int dataEnd;

        StringWriter(ColumnSpec spec, ValueParser parser, VarCharVector vector) {
            super(spec, parser);
            this.vector = vector;
            buffers();
        }

        private void buffers() {
            offsets = vector.getOffsetBuffer();
            data = vector.getDataBuffer();
            validity = vector.getValidityBuffer();
        }

        @Override
        boolean write(int row, byte[] b, int start, int end) {
            int length = end - start;
            long needed = (long) dataEnd + length;
            if (needed > data.capacity()) {
                if (needed > Integer.MAX_VALUE) {
                    throw new IllegalStateException("more than 2 GB of text in one record batch");
                }
                while (needed > vector.getDataBuffer().capacity()) {
                    vector.reallocDataBuffer();
                }
                buffers();
            }
            ArrowBuf off = offsets;
            int at = dataEnd;
            for (int r = lastRow + 1; r < row; r++) {
                off.setInt((long) (r + 1) * BaseVariableWidthVector.OFFSET_WIDTH, at);
            }
            data.setBytes(at, b, start, length);
            dataEnd = at + length;
            off.setInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH, dataEnd);
            BitVectorHelper.setBit(validity, row);
            lastRow = row;
            return true;
        }

        @Override
        void finish(int rows) {
            for (int r = lastRow + 1; r < rows; r++) {
                offsets.setInt((long) (r + 1) * BaseVariableWidthVector.OFFSET_WIDTH, dataEnd);
            }
            vector.setLastSet(rows - 1);
        }

        @Override
        void reset() {
            lastRow = -1;
            dataEnd = 0;
            buffers();
        }

        @Override
        void buffersMoved() {
            buffers();
        }
    }
}
