package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.internal.IsoTimes;
import dev.assay.metric.ColumnMax;
import dev.assay.metric.CurrentTime;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest timestamp (or date) of a column is no older than {@code max_age} at {@code now}: the data
 * is fresh. {@code now} defaults to the validator's clock and can be fixed for reproducible runs. A
 * timestamp without a zone and a date (at midnight) are read as UTC.
 *
 * <p>Passes: {@code fresherThan(24h)} when the newest pickup was 3 hours ago<br>
 * Fails: the same when it was 2 days ago
 *
 * @param maxAge the largest allowed age, positive
 * @param now the time to measure age at, or empty for the validator's clock
 */
public record ColumnValuesFresh(String column, Duration maxAge, Optional<Instant> now, ExpectationOptions options)
        implements Expectation {
    /** expect_column_values_to_be_fresh. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_be_fresh", Kind.COLUMN_AGGREGATE, Dimension.TIMELINESS, ColumnValuesFresh::read);

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");

    public ColumnValuesFresh {
        requireNonNull(column, "column is null");
        requireNonNull(maxAge, "maxAge is null");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new InvalidExpectationException("max_age must be positive, got " + maxAge);
        }
        requireNonNull(now, "now is null");
        requireNonNull(options, "options is null");
    }

    /** Measured at the validator's clock, with default options. */
    public ColumnValuesFresh(String column, Duration maxAge) {
        this(column, maxAge, Optional.empty(), ExpectationOptions.DEFAULT);
    }

    static ColumnValuesFresh read(KwargReader kwargs, ExpectationOptions options) {
        String column = kwargs.string("column");
        String text = kwargs.string("max_age");
        Duration maxAge;
        try {
            maxAge = parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw kwargs.invalid("max_age", e.getMessage());
        }
        Optional<Instant> now = kwargs.optionalString("now").map(s -> dev.assay.internal.IsoTimes.parseInstant(s.trim())
                .orElseThrow(() -> kwargs.invalid("now", "'" + s + "' is not an ISO-8601 date-time")));
        return new ColumnValuesFresh(column, maxAge, now, options);
    }

    /** Parses an ISO-8601 duration ({@code PT6H}, {@code P2D}) or a short one ({@code 6h}, {@code 2d}, {@code 90m}). */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                case "d":
                    return Duration.ofDays(n);
                default:
                    return Duration.ofDays(7 * n);
            }
        }
        try {
            return Duration.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; use ISO-8601 (PT6H, P2D) or a number with ms, s, m, h, d or w");
        }
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesFresh withOptions(ExpectationOptions options) {
        return new ColumnValuesFresh(column, maxAge, now, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return now.isPresent()
                ? Set.of(new ColumnMax(column, options.rowFilter()))
                : Set.of(new ColumnMax(column, options.rowFilter()), new CurrentTime());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Instant at = now.orElseGet(() -> values.get(new CurrentTime()));
        Optional<Object> newest = values.get(new ColumnMax(column, options.rowFilter()));
        if (newest.isEmpty()) {
            return ExpectationResult.of(
                    this, format, false, ResultDetails.EMPTY, "the column has no values, so nothing is fresh");
        }
        Instant newestInstant = IsoTimes.instant(newest.get())
                .orElseThrow(() -> new InvalidExpectationException("column '" + column
                        + "' holds " + newest.get().getClass().getSimpleName()
                        + " values; freshness needs a date or timestamp column"));
        Duration age = Duration.between(newestInstant, at);
        ResultDetails details = ResultDetails.observed(newest.get())
                .with("age", age.toString())
                .with("max_age", maxAge.toString())
                .with("now", at.toString());
        return ExpectationResult.of(
                this,
                format,
                age.compareTo(maxAge) <= 0,
                details,
                "the newest value " + newest.get() + " is " + age + " old at " + at + ", older than max_age " + maxAge);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("max_age", maxAge.toString());
        kwargs.put("now", now.map(Instant::toString));
    }
}
