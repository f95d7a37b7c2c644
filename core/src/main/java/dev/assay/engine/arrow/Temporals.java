package dev.assay.engine.arrow;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Conversions between Arrow time units and java.time. */
final class Temporals {
    private Temporals() {}

    static TimeUnit unit(org.apache.arrow.vector.types.TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return TimeUnit.SECONDS;
            case MILLISECOND:
                return TimeUnit.MILLISECONDS;
            case MICROSECOND:
                return TimeUnit.MICROSECONDS;
            case NANOSECOND:
                return TimeUnit.NANOSECONDS;
        }
        throw new AssertionError(unit);
    }

    static Instant instant(long value, TimeUnit unit) {
        long perSecond = unit.convert(1, TimeUnit.SECONDS);
        long seconds = Math.floorDiv(value, perSecond);
        long rest = Math.floorMod(value, perSecond);
        return Instant.ofEpochSecond(seconds, TimeUnit.NANOSECONDS.convert(rest, unit));
    }

    static long fromInstant(Instant instant, TimeUnit unit) {
        switch (unit) {
            case SECONDS:
                return instant.getEpochSecond();
            case MILLISECONDS:
                return instant.toEpochMilli();
            case MICROSECONDS:
                return Math.addExact(
                        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
            default:
                return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        }
    }
}
