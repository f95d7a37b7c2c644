package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import java.util.Optional;

/**
 * The {@code min_value}/{@code max_value}/{@code strict_min}/{@code strict_max} bounds most
 * expectations share. A missing bound is open. Bounds are numbers, strings or {@code java.time} values.
 *
 * @param min the lower bound, or empty
 * @param max the upper bound, or empty
 * @param strictMin true when the lower bound is exclusive
 * @param strictMax true when the upper bound is exclusive
 */
public record Range(Optional<Object> min, Optional<Object> max, boolean strictMin, boolean strictMax) {
    public Range {
        min = requireNonNull(min, "min is null").map(Values::normalize);
        max = requireNonNull(max, "max is null").map(Values::normalize);
        if (min.isPresent() && max.isPresent()) {
            int c;
            try {
                c = Values.compare(min.get(), max.get());
            } catch (IllegalArgumentException e) {
                throw new InvalidExpectationException("min_value " + Values.show(min.get()) + " and max_value "
                        + Values.show(max.get()) + " are not comparable");
            }
            if (c > 0) {
                throw new InvalidExpectationException(
                        "min_value " + Values.show(min.get()) + " must be <= max_value " + Values.show(max.get()));
            }
        }
    }

    /** Both bounds inclusive. */
    public static Range between(Object min, Object max) {
        return new Range(Optional.of(min), Optional.of(max), false, false);
    }

    /** At least {@code min}. */
    public static Range atLeast(Object min) {
        return new Range(Optional.of(min), Optional.empty(), false, false);
    }

    /** At most {@code max}. */
    public static Range atMost(Object max) {
        return new Range(Optional.empty(), Optional.of(max), false, false);
    }

    /** Reads the four bound kwargs. */
    static Range read(KwargReader kwargs) {
        Optional<Object> min = kwargs.optionalValue("min_value");
        Optional<Object> max = kwargs.optionalValue("max_value");
        boolean strictMin = kwargs.flag("strict_min", false);
        boolean strictMax = kwargs.flag("strict_max", false);
        return new Range(min, max, strictMin, strictMax);
    }

    /** Reads min_value/max_value only (for expectations without strict bounds). */
    static Range readPlain(KwargReader kwargs) {
        return new Range(kwargs.optionalValue("min_value"), kwargs.optionalValue("max_value"), false, false);
    }

    void write(KwargWriter kwargs) {
        kwargs.put("min_value", min);
        kwargs.put("max_value", max);
        if (strictMin) {
            kwargs.put("strict_min", true);
        }
        if (strictMax) {
            kwargs.put("strict_max", true);
        }
    }

    /** True when {@code value} lies within the bounds; an open range holds every value. */
    public boolean contains(Object value) {
        if (min.isPresent()) {
            int c = Values.compare(value, min.get());
            if (strictMin ? c <= 0 : c < 0) {
                return false;
            }
        }
        if (max.isPresent()) {
            int c = Values.compare(value, max.get());
            return strictMax ? c < 0 : c <= 0;
        }
        return true;
    }

    /** The range as text: {@code [0, 6]}, {@code (0, +inf)}, {@code >= 5}. */
    public String describe() {
        if (min.isPresent() && max.isPresent()) {
            return (strictMin ? "(" : "[") + Values.show(min.get()) + ", " + Values.show(max.get())
                    + (strictMax ? ")" : "]");
        }
        if (min.isPresent()) {
            return (strictMin ? "> " : ">= ") + Values.show(min.get());
        }
        if (max.isPresent()) {
            return (strictMax ? "< " : "<= ") + Values.show(max.get());
        }
        return "any value";
    }

    /** This range with an exclusive lower bound. */
    public Range withStrictMin() {
        return new Range(min, max, true, strictMax);
    }

    /** This range with an exclusive upper bound. */
    public Range withStrictMax() {
        return new Range(min, max, strictMin, true);
    }
}
