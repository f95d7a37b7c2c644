package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import dev.assay.result.ValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which metrics a validation becomes, in which namespace, with which dimensions: shared by {@link
 * CloudWatchPublisher} and {@link EmbeddedMetricFormat}. Immutable and thread-safe.
 *
 * <p>Every validation gives four metrics, timestamped with the validation's start ({@code
 * result.run().startedAt()}):
 *
 * <ul>
 *   <li>{@code ValidationSuccess}: 1 when every expectation passed, else 0 (unit None)
 *   <li>{@code SuccessPercent}: the share of expectations that passed (Percent)
 *   <li>{@code EvaluatedExpectations}, {@code UnsuccessfulExpectations} (Count)
 * </ul>
 *
 * with the dimensions chosen ({@code Suite}, {@code DataAsset}, {@code Checkpoint}; all three by default)
 * followed by the extra static dimensions. With {@link Builder#includeObservedValues(boolean)}, each
 * expectation also gives {@code ObservedValue} (None) when it observed a number, and {@code UnexpectedCount}
 * (Count) and {@code UnexpectedPercent} (Percent) when it counted rows, with two more dimensions: {@code
 * Expectation} (its type, e.g. {@code expect_column_mean_to_be_between}) and, when it names columns, {@code
 * Column} (for several columns, their names joined by commas).
 */
public final class MetricSchema {
    /** The namespace unless one is given. */
    public static final String DEFAULT_NAMESPACE = "Assay";

    /** 1 when every expectation of the validation passed, else 0. */
    public static final String VALIDATION_SUCCESS = "ValidationSuccess";
    /** The share of the validation's expectations that passed, 0 to 100. */
    public static final String SUCCESS_PERCENT = "SuccessPercent";
    /** How many expectations the validation evaluated. */
    public static final String EVALUATED_EXPECTATIONS = "EvaluatedExpectations";
    /** How many of them failed or errored. */
    public static final String UNSUCCESSFUL_EXPECTATIONS = "UnsuccessfulExpectations";
    /** An expectation's numeric observed value (a mean, a row count), with observed values on. */
    public static final String OBSERVED_VALUE = "ObservedValue";
    /** A row-by-row expectation's unexpected rows, with observed values on. */
    public static final String UNEXPECTED_COUNT = "UnexpectedCount";
    /** A row-by-row expectation's unexpected rows in percent of the rows with a value, with observed values on. */
    public static final String UNEXPECTED_PERCENT = "UnexpectedPercent";
    /** The dimension naming an expectation's type, on per-expectation metrics. */
    public static final String EXPECTATION_DIMENSION = "Expectation";
    /** The dimension naming an expectation's columns, on per-expectation metrics. */
    public static final String COLUMN_DIMENSION = "Column";

    private static final Set<String> RESERVED_NAMES = Set.of(
            "Suite",
            "DataAsset",
            "Checkpoint",
            EXPECTATION_DIMENSION,
            COLUMN_DIMENSION,
            VALIDATION_SUCCESS,
            SUCCESS_PERCENT,
            EVALUATED_EXPECTATIONS,
            UNSUCCESSFUL_EXPECTATIONS,
            OBSERVED_VALUE,
            UNEXPECTED_COUNT,
            UNEXPECTED_PERCENT,
            "_aws");
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#: -]+");

    private final String namespace;
    private final List<MetricDimension> dimensions;
    private final Map<String, String> extraDimensions;
    private final boolean includeObservedValues;

    private MetricSchema(Builder b) {
        this.namespace = b.namespace;
        this.dimensions = List.copyOf(b.dimensions);
        this.extraDimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.extraDimensions));
        this.includeObservedValues = b.includeObservedValues;
    }

    /** Namespace {@code Assay}, dimensions {@code Suite}, {@code DataAsset}, {@code Checkpoint}, no observed values. */
    public static MetricSchema defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The CloudWatch namespace, never null. */
    public String namespace() {
        return namespace;
    }

    /** The dimensions derived from each validation, in order; never null. */
    public List<MetricDimension> dimensions() {
        return dimensions;
    }

    /** The static dimensions added to every metric, in order; never null. */
    public Map<String, String> extraDimensions() {
        return extraDimensions;
    }

    /** True when each expectation's observed value and unexpected counts are metrics too. */
    public boolean includeObservedValues() {
        return includeObservedValues;
    }

    /**
     * The metrics of {@code validations} (never null), checked against what CloudWatch accepts now.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when a validation started more than 14 days ago
     *     or more than 2 hours ahead of now (CloudWatch rejects such data points), or when a suite, asset,
     *     checkpoint or column name is not a valid dimension value
     */
    public ValidationMetrics metrics(List<Validation> validations) {
        return metrics(validations, Clock.systemUTC());
    }

    ValidationMetrics metrics(List<Validation> validations, Clock clock) {
        requireNonNull(validations, "validations is null");
        Instant now = clock.instant();
        List<MetricPoint> points = new ArrayList<>();
        int skipped = 0;
        for (Validation v : validations) {
            checkTimestamp(v, now);
            skipped += add(v, points);
        }
        return new ValidationMetrics(namespace, points, skipped);
    }

    private int add(Validation v, List<MetricPoint> points) {
        ValidationResult result = v.result();
        Instant at = result.run().startedAt();
        Map<String, String> dims = new LinkedHashMap<>();
        for (MetricDimension d : dimensions) {
            String value =
                    switch (d) {
                        case SUITE -> result.suiteName();
                        case DATA_ASSET -> v.dataAsset();
                        case CHECKPOINT -> v.checkpoint();
                    };
            dims.put(d.dimensionName(), checkValue(d.dimensionName(), value, v));
        }
        dims.putAll(extraDimensions);
        ValidationResult.Statistics stats = result.statistics();
        points.add(new MetricPoint(VALIDATION_SUCCESS, result.success() ? 1 : 0, MetricUnit.NONE, at, dims));
        points.add(new MetricPoint(SUCCESS_PERCENT, stats.successPercent(), MetricUnit.PERCENT, at, dims));
        points.add(new MetricPoint(EVALUATED_EXPECTATIONS, stats.evaluated(), MetricUnit.COUNT, at, dims));
        points.add(new MetricPoint(UNSUCCESSFUL_EXPECTATIONS, stats.unsuccessful(), MetricUnit.COUNT, at, dims));
        if (!includeObservedValues) {
            return 0;
        }
        int skipped = 0;
        for (ExpectationResult r : result.results()) {
            Map<String, String> expectationDims = new LinkedHashMap<>(dims);
            expectationDims.put(EXPECTATION_DIMENSION, r.expectation().type().name());
            List<String> columns = r.expectation().columns();
            if (!columns.isEmpty()) {
                expectationDims.put(COLUMN_DIMENSION, checkValue(COLUMN_DIMENSION, String.join(",", columns), v));
            }
            ResultDetails details = r.details();
            Optional<Double> observed = details.observedValue().flatMap(MetricSchema::number);
            if (observed.isPresent()) {
                if (CloudWatchLimits.accepts(observed.get())) {
                    points.add(new MetricPoint(OBSERVED_VALUE, observed.get(), MetricUnit.NONE, at, expectationDims));
                } else {
                    skipped++;
                }
            }
            if (details.counts().isPresent()) {
                ResultDetails.Counts counts = details.counts().get();
                points.add(new MetricPoint(
                        UNEXPECTED_COUNT, counts.unexpectedCount(), MetricUnit.COUNT, at, expectationDims));
                points.add(new MetricPoint(
                        UNEXPECTED_PERCENT, counts.unexpectedPercent(), MetricUnit.PERCENT, at, expectationDims));
            }
        }
        return skipped;
    }

    /** A number observed by an expectation; booleans, texts, lists and dates are not metrics. */
    private static Optional<Double> number(Object value) {
        return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private void checkTimestamp(Validation v, Instant now) {
        Instant at = v.result().run().startedAt();
        if (at.isBefore(now.minus(CloudWatchLimits.MAX_AGE))) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    describe(v) + " started at " + at + ", "
                            + Duration.between(at, now).toDays()
                            + " days ago; CloudWatch rejects metric data older than 14 days (namespace "
                            + namespace + ")");
        }
        if (at.isAfter(now.plus(CloudWatchLimits.MAX_AHEAD))) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    describe(v) + " started at " + at + ", "
                            + Duration.between(now, at).toMinutes()
                            + " minutes from now; CloudWatch rejects metric data more than 2 hours in the future"
                            + " (namespace " + namespace + "); check this machine's clock");
        }
    }

    private static String checkValue(String dimension, String value, Validation v) {
        if (value.isBlank() || value.length() > CloudWatchLimits.MAX_DIMENSION_VALUE_LENGTH) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "dimension " + dimension + " of " + describe(v) + " would be '" + abbreviate(value)
                            + "'; CloudWatch takes a value of 1 to 1024 characters, not all blank");
        }
        return value;
    }

    private static String describe(Validation v) {
        return "the validation of suite '" + abbreviate(v.result().suiteName()) + "' on data asset '"
                + abbreviate(v.dataAsset()) + "' (checkpoint '" + abbreviate(v.checkpoint()) + "')";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "... (" + s.length() + " characters)";
    }

    /** Builds a {@link MetricSchema}; not thread-safe. */
    public static final class Builder {
        private String namespace = DEFAULT_NAMESPACE;
        private List<MetricDimension> dimensions = List.of(MetricDimension.values());
        private final Map<String, String> extraDimensions = new LinkedHashMap<>();
        private boolean includeObservedValues;

        private Builder() {}

        /** The CloudWatch namespace (never null), {@code Assay} unless set. */
        public Builder namespace(String namespace) {
            this.namespace = requireNonNull(namespace, "namespace is null");
            return this;
        }

        /** The dimensions derived from each validation, in order (never null; may be empty). */
        public Builder dimensions(List<MetricDimension> dimensions) {
            this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
            return this;
        }

        /** The dimensions derived from each validation, in order. */
        public Builder dimensions(MetricDimension... dimensions) {
            return dimensions(List.of(dimensions));
        }

        /** Adds static dimensions to every metric, in the map's order (never null). */
        public Builder extraDimensions(Map<String, String> dimensions) {
            requireNonNull(dimensions, "dimensions is null").forEach(this::extraDimension);
            return this;
        }

        /** Adds a static dimension to every metric, such as {@code Environment=prod} (never null). */
        public Builder extraDimension(String name, String value) {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            extraDimensions.put(name, value);
            return this;
        }

        /** Whether each expectation's observed value and unexpected counts become metrics; false unless set. */
        public Builder includeObservedValues(boolean include) {
            this.includeObservedValues = include;
            return this;
        }

        /**
         * The schema.
         *
         * @throws AssayException with {@code INVALID_CONFIGURATION} for a namespace CloudWatch refuses, a
         *     dimension given twice, an extra dimension whose name is taken or invalid, or more than 30
         *     dimensions on a metric
         */
        public MetricSchema build() {
            checkNamespace();
            if (new LinkedHashSet<>(dimensions).size() != dimensions.size()) {
                throw config("dimensions " + names(dimensions) + " name a dimension twice");
            }
            extraDimensions.forEach(this::checkExtra);
            int perMetric = dimensions.size() + extraDimensions.size() + (includeObservedValues ? 2 : 0);
            if (perMetric > CloudWatchLimits.MAX_DIMENSIONS) {
                List<String> all = new ArrayList<>(names(dimensions));
                all.addAll(extraDimensions.keySet());
                if (includeObservedValues) {
                    all.add(EXPECTATION_DIMENSION);
                    all.add(COLUMN_DIMENSION);
                }
                throw config("too many dimensions: CloudWatch allows at most 30 per metric, and these metrics would"
                        + " have " + perMetric + " " + all
                        + (includeObservedValues ? " (observed values add Expectation and Column)" : ""));
            }
            return new MetricSchema(this);
        }

        private void checkNamespace() {
            if (namespace.isBlank()) {
                throw config("the CloudWatch namespace is empty; leave it out for the default '" + DEFAULT_NAMESPACE
                        + "' or name one");
            }
            if (namespace.length() > CloudWatchLimits.MAX_NAMESPACE_LENGTH
                    || !NAMESPACE.matcher(namespace).matches()
                    || namespace.startsWith(":")) {
                throw config("'" + abbreviate(namespace) + "' is not a CloudWatch namespace: use 1 to 255 letters,"
                        + " digits and . - _ / # : or space, not starting with ':'");
            }
            if (namespace.startsWith("AWS/")) {
                throw config("the CloudWatch namespace '" + namespace + "' starts with 'AWS/', which is reserved"
                        + " for AWS services");
            }
        }

        private void checkExtra(String name, String value) {
            if (RESERVED_NAMES.contains(name)) {
                throw config("extra dimension '" + name + "' takes a name Assay already uses; reserved: "
                        + new java.util.TreeSet<>(RESERVED_NAMES));
            }
            if (name.isBlank()
                    || name.length() > CloudWatchLimits.MAX_DIMENSION_NAME_LENGTH
                    || name.startsWith(":")
                    || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw config("extra dimension name '" + abbreviate(name) + "' is not valid in CloudWatch: use 1 to"
                        + " 255 printable ASCII characters, not all blank, not starting with ':'");
            }
            if (value.isBlank() || value.length() > CloudWatchLimits.MAX_DIMENSION_VALUE_LENGTH) {
                throw config("extra dimension '" + name + "' has the value '" + abbreviate(value)
                        + "'; CloudWatch takes a value of 1 to 1024 characters, not all blank");
            }
        }

        private static List<String> names(List<MetricDimension> dims) {
            return dims.stream().map(MetricDimension::dimensionName).toList();
        }

        private static AssayException config(String message) {
            return new AssayException(ErrorCode.INVALID_CONFIGURATION, message);
        }
    }
}
