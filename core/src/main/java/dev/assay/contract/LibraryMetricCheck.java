package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.RowCount;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An ODCS library metric compared with a threshold, where no GX expectation says the same thing: a count
 * of null, missing, invalid or duplicate values in rows or percent of rows, or the row count, held to
 * {@code mustBeLessThan}, {@code mustNotBeBetween} and the other ODCS operators. The compiler uses the
 * GX expectations where they are exact ({@code nullValues mustBe 0} is
 * {@code expect_column_values_to_not_be_null}) and this check otherwise. Immutable and thread-safe.
 *
 * <p>Counts, per metric: {@code nullValues} null values; {@code missingValues} null values plus values in
 * the {@code missingValues} list; {@code invalidValues} non-null values outside {@code validValues} or not
 * matching {@code pattern}; {@code duplicateValues} rows whose value (or combination of values) another
 * row shares, the first occurrence included; {@code rowCount} rows. Percent is of every row considered.
 *
 * <p>Passes: {@code nullValues mustBeLessThan 2 (rows)} on {@code [1, null, 3]}<br>
 * Fails: {@code nullValues mustBeLessThan 10 (percent)} on {@code [1, null, 3]} (33.33%)
 *
 * @param metric the library metric
 * @param columns the column (or, for a schema-level duplicateValues, columns) it counts on; empty for rowCount
 * @param values the missingValues or validValues argument; empty otherwise
 * @param pattern the invalidValues pattern, or empty
 * @param unit rows or percent
 * @param threshold the comparison
 * @param dimension the dimension results are summarised under
 * @param options the shared options
 */
public record LibraryMetricCheck(
        LibraryMetric metric,
        List<String> columns,
        List<Object> values,
        Optional<String> pattern,
        Unit unit,
        Threshold threshold,
        Dimension dimension,
        ExpectationOptions options)
        implements Expectation {
    /** The GX-style name of this check. */
    public static final String NAME = "expect_contract_metric_to_meet_threshold";

    /**
     * The catalog entry. Its dimension is nominal: each check reports under its own {@link #dimension()}
     * (the metric's, or the one its rule names), and counts on a column (aggregate) or the table.
     */
    public static final ExpectationType TYPE =
            ExpectationType.of(NAME, Kind.COLUMN_AGGREGATE, Dimension.VALIDITY, LibraryMetricCheck::read);

    private static final int SAMPLE_CAP = 1000;

    /** The ODCS library metrics. */
    public enum LibraryMetric {
        NULL_VALUES("nullValues", Dimension.COMPLETENESS),
        MISSING_VALUES("missingValues", Dimension.COMPLETENESS),
        INVALID_VALUES("invalidValues", Dimension.VALIDITY),
        DUPLICATE_VALUES("duplicateValues", Dimension.UNIQUENESS),
        ROW_COUNT("rowCount", Dimension.VOLUME);

        private final String odcsName;
        private final Dimension dimension;

        LibraryMetric(String odcsName, Dimension dimension) {
            this.odcsName = odcsName;
            this.dimension = dimension;
        }

        /** The name in a contract, e.g. {@code nullValues}. */
        public String odcsName() {
            return odcsName;
        }

        /** The dimension a check of this metric speaks to when the rule names none. */
        public Dimension defaultDimension() {
            return dimension;
        }

        /** The metric with this ODCS name, or empty. */
        public static Optional<LibraryMetric> fromOdcsName(String name) {
            for (LibraryMetric m : values()) {
                if (m.odcsName.equals(name)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        /** Every ODCS name, in declaration order. */
        static List<String> names() {
            return Arrays.stream(values()).map(LibraryMetric::odcsName).toList();
        }
    }

    /** What a count is measured in. */
    public enum Unit {
        ROWS,
        PERCENT;

        /** {@code rows} or {@code percent}. */
        public String odcsName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The unit with this ODCS name, or empty. */
        public static Optional<Unit> fromOdcsName(String name) {
            for (Unit u : values()) {
                if (u.odcsName().equals(name)) {
                    return Optional.of(u);
                }
            }
            return Optional.empty();
        }
    }

    public LibraryMetricCheck {
        requireNonNull(metric, "metric is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
        requireNonNull(pattern, "pattern is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(threshold, "threshold is null");
        // All conditions must hold, so their order means nothing; kwargs have none either. Kept in operator
        // order, a check reads back from a suite file equal to the one written.
        List<Threshold.Condition> ordered = new ArrayList<>(threshold.conditions());
        ordered.sort(Comparator.comparing(Threshold.Condition::operator));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).operator() == ordered.get(i - 1).operator()) {
                throw new InvalidExpectationException("the threshold has "
                        + ordered.get(i).operator().odcsName() + " twice; a suite file holds each operator once");
            }
        }
        threshold = new Threshold(ordered);
        requireNonNull(dimension, "dimension is null");
        requireNonNull(options, "options is null");
        if (metric == LibraryMetric.ROW_COUNT) {
            if (!columns.isEmpty()) {
                throw new InvalidExpectationException("rowCount counts the rows of a table and takes no column");
            }
            if (unit == Unit.PERCENT) {
                throw new InvalidExpectationException("rowCount is a number of rows; unit percent does not apply");
            }
        } else if (columns.isEmpty()) {
            throw new InvalidExpectationException(metric.odcsName + " needs a column");
        } else if (columns.size() > 1 && metric != LibraryMetric.DUPLICATE_VALUES) {
            throw new InvalidExpectationException(metric.odcsName + " counts on one column, got " + columns);
        }
        if (metric == LibraryMetric.INVALID_VALUES && values.isEmpty() == pattern.isEmpty()) {
            throw new InvalidExpectationException(
                    "invalidValues on '" + columns.get(0) + "' needs either validValues or pattern (not both)");
        }
        if (!values.isEmpty() && metric != LibraryMetric.MISSING_VALUES && metric != LibraryMetric.INVALID_VALUES) {
            throw new InvalidExpectationException(metric.odcsName
                    + " takes no values; missingValues and validValues belong to missingValues" + " and invalidValues");
        }
        if (pattern.isPresent() && metric != LibraryMetric.INVALID_VALUES) {
            throw new InvalidExpectationException(
                    metric.odcsName + " takes no pattern; pattern belongs to invalidValues");
        }
        if (metric == LibraryMetric.MISSING_VALUES && values.isEmpty()) {
            values = Arrays.asList((Object) null);
        }
        if (pattern.isPresent()) {
            new RowPredicate.MatchesRegex(columns.get(0), pattern.get(), false).pattern();
        }
    }

    @Override
    public ExpectationType type() {
        Kind kind = metric == LibraryMetric.ROW_COUNT || columns.size() > 1 ? Kind.TABLE : Kind.COLUMN_AGGREGATE;
        return kind == TYPE.kind() && dimension == TYPE.dimension()
                ? TYPE
                : new ExpectationType(NAME, kind, dimension, TYPE.rowConditionAllowed(), TYPE.reader());
    }

    @Override
    public LibraryMetricCheck withOptions(ExpectationOptions options) {
        return new LibraryMetricCheck(metric, columns, values, pattern, unit, threshold, dimension, options);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    private List<Metric<UnexpectedRowsResult>> countMetrics(ResultFormat format) {
        SampleSpec samples = new SampleSpec(format.sampleLimit(SAMPLE_CAP), format.unexpectedIndexColumnNames());
        List<Metric<UnexpectedRowsResult>> m = new ArrayList<>();
        switch (metric) {
            case NULL_VALUES:
                m.add(rows(new RowPredicate.NotNull(columns.get(0)), samples));
                break;
            case MISSING_VALUES:
                m.add(rows(new RowPredicate.NotNull(columns.get(0)), samples));
                List<Object> nonNull = values.stream().filter(Objects::nonNull).toList();
                if (!nonNull.isEmpty()) {
                    m.add(rows(new RowPredicate.InSet(columns.get(0), nonNull, true), samples));
                }
                break;
            case INVALID_VALUES:
                m.add(rows(
                        pattern.isPresent()
                                ? new RowPredicate.MatchesRegex(columns.get(0), pattern.get(), false)
                                : new RowPredicate.InSet(columns.get(0), values, false),
                        samples));
                break;
            case DUPLICATE_VALUES:
                m.add(new DuplicateRows(
                        columns,
                        columns.size() == 1 ? IgnoreRowIf.ANY_VALUE_IS_MISSING : IgnoreRowIf.ALL_VALUES_ARE_MISSING,
                        options.rowFilter(),
                        samples));
                break;
            case ROW_COUNT:
                break;
        }
        return m;
    }

    private Metric<UnexpectedRowsResult> rows(RowPredicate predicate, SampleSpec samples) {
        return new UnexpectedRows(predicate, options.rowFilter(), samples);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        Set<Metric<?>> all = new LinkedHashSet<>(countMetrics(format));
        all.add(new RowCount(options.rowFilter()));
        return all;
    }

    @Override
    public ExpectationResult evaluate(MetricValues metricValues, ResultFormat format) {
        long rows = metricValues.get(new RowCount(options.rowFilter()));
        long count = metric == LibraryMetric.ROW_COUNT ? rows : 0;
        List<Object> unexpected = new ArrayList<>();
        List<Object> index = new ArrayList<>();
        for (Metric<UnexpectedRowsResult> m : countMetrics(format)) {
            UnexpectedRowsResult r = metricValues.get(m);
            count += r.unexpectedCount();
            for (UnexpectedRowsResult.UnexpectedRow row : r.samples()) {
                unexpected.add(row.value());
                index.add(row.index().isEmpty() ? (Object) row.rowIndex() : row.index());
            }
        }
        Object observed = unit == Unit.ROWS
                ? (Object) count
                : rows == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(count)
                                .multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(rows), 6, RoundingMode.HALF_EVEN)
                                .stripTrailingZeros();
        boolean success = threshold.test(observed);
        Optional<ResultDetails.Counts> counts = metric == LibraryMetric.ROW_COUNT
                ? Optional.empty()
                : Optional.of(new ResultDetails.Counts(rows, 0, count));
        ResultDetails details = new ResultDetails(
                Optional.of(observed),
                counts,
                unexpected,
                index,
                Map.of("metric", metric.odcsName, "unit", unit.odcsName()));
        String reason =
                metric.odcsName + " " + describe(observed) + " on " + (columns.isEmpty() ? "the table" : columns)
                        + (metric == LibraryMetric.ROW_COUNT ? "" : " (of " + rows + " rows)") + " does not satisfy "
                        + threshold.describe();
        return ExpectationResult.of(this, format, success, details, reason);
    }

    private String describe(Object observed) {
        return unit == Unit.ROWS ? "= " + observed + " rows" : "= " + Threshold.show(observed) + "%";
    }

    static LibraryMetricCheck read(KwargReader kwargs, ExpectationOptions options) {
        // Every key is read before any is judged, so that the recorded kwarg schema holds them all.
        String metricName = kwargs.string("metric");
        Optional<String> column = kwargs.optionalString("column");
        Optional<List<String>> columnList = kwargs.optionalStrings("column_list");
        Optional<String> unitName = kwargs.optionalString("unit");
        List<Threshold.Operator> operators = new ArrayList<>();
        List<List<Object>> operands = new ArrayList<>();
        for (Threshold.Operator op : Threshold.Operator.values()) {
            Optional<List<Object>> value =
                    op == Threshold.Operator.MUST_BE_BETWEEN || op == Threshold.Operator.MUST_NOT_BE_BETWEEN
                            ? kwargs.optionalValues(op.odcsName())
                            : kwargs.optionalValue(op.odcsName()).map(List::of);
            if (value.isPresent()) {
                operators.add(op);
                operands.add(value.get());
            }
        }
        Optional<List<Object>> missingValues = kwargs.optionalValues("missing_values");
        Optional<List<Object>> validValues = kwargs.optionalValues("valid_values");
        Optional<String> pattern = kwargs.optionalString("pattern");
        Optional<String> dimensionName = kwargs.optionalString("dimension");

        LibraryMetric metric = LibraryMetric.fromOdcsName(metricName)
                .orElseThrow(() -> kwargs.invalid(
                        "metric", "must be one of " + LibraryMetric.names() + ", got '" + metricName + "'"));
        if (column.isPresent() && columnList.isPresent()) {
            throw kwargs.invalid("column_list", "give either column or column_list, not both");
        }
        List<String> columns = columnList.orElseGet(() -> column.map(List::of).orElse(List.of()));
        if (metric == LibraryMetric.ROW_COUNT) {
            if (!columns.isEmpty()) {
                throw kwargs.invalid(
                        column.isPresent() ? "column" : "column_list",
                        "metric rowCount counts the rows of the table and takes no column");
            }
        } else if (columns.isEmpty()) {
            throw kwargs.invalid("column", "is required for metric " + metric.odcsName);
        } else if (columnList.isPresent() && metric != LibraryMetric.DUPLICATE_VALUES) {
            throw kwargs.invalid(
                    "column_list",
                    "only metric duplicateValues counts on several columns; " + metric.odcsName + " takes one column");
        }
        Unit unit = Unit.ROWS;
        if (unitName.isPresent()) {
            unit = Unit.fromOdcsName(unitName.get())
                    .orElseThrow(() -> kwargs.invalid("unit", "must be rows or percent, got '" + unitName.get() + "'"));
            if (unit == Unit.PERCENT && metric == LibraryMetric.ROW_COUNT) {
                throw kwargs.invalid("unit", "metric rowCount is a number of rows; unit percent does not apply");
            }
        }
        if (operators.isEmpty()) {
            throw kwargs.invalid(
                    Threshold.Operator.MUST_BE.odcsName(),
                    "a threshold is required: give at least one of " + Threshold.Operator.names());
        }
        List<Threshold.Condition> conditions = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            try {
                conditions.add(new Threshold.Condition(operators.get(i), operands.get(i)));
            } catch (InvalidExpectationException e) {
                throw kwargs.invalid(operators.get(i).odcsName(), e.getMessage());
            }
        }
        if (missingValues.isPresent() && metric != LibraryMetric.MISSING_VALUES) {
            throw kwargs.invalid("missing_values", "applies only to metric missingValues, not " + metric.odcsName);
        }
        if (validValues.isPresent() && metric != LibraryMetric.INVALID_VALUES) {
            throw kwargs.invalid("valid_values", "applies only to metric invalidValues, not " + metric.odcsName);
        }
        if (pattern.isPresent() && metric != LibraryMetric.INVALID_VALUES) {
            throw kwargs.invalid("pattern", "applies only to metric invalidValues, not " + metric.odcsName);
        }
        if (metric == LibraryMetric.INVALID_VALUES) {
            if (validValues.isPresent() == pattern.isPresent()) {
                throw kwargs.invalid(
                        validValues.isPresent() ? "pattern" : "valid_values",
                        "metric invalidValues needs either valid_values or pattern (not both)");
            }
            if (validValues.isPresent() && validValues.get().isEmpty()) {
                throw kwargs.invalid("valid_values", "must list at least one value");
            }
        }
        Dimension dimension = metric.defaultDimension();
        if (dimensionName.isPresent()) {
            dimension = dimension(dimensionName.get())
                    .orElseThrow(() -> kwargs.invalid(
                            "dimension",
                            "must be one of "
                                    + Arrays.stream(Dimension.values())
                                            .map(Dimension::jsonName)
                                            .toList() + ", got '" + dimensionName.get() + "'"));
        }
        if (pattern.isPresent()) {
            try {
                Pattern.compile(pattern.get());
            } catch (PatternSyntaxException e) {
                throw kwargs.invalid("pattern", "is not a valid regular expression: " + e.getDescription());
            }
        }
        return new LibraryMetricCheck(
                metric,
                columns,
                missingValues.or(() -> validValues).orElse(List.of()),
                pattern,
                unit,
                new Threshold(conditions),
                dimension,
                options);
    }

    private static Optional<Dimension> dimension(String name) {
        for (Dimension d : Dimension.values()) {
            if (d.jsonName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("metric", metric.odcsName);
        if (columns.size() == 1) {
            kwargs.put("column", columns.get(0));
        } else if (columns.size() > 1) {
            kwargs.put("column_list", columns);
        }
        kwargs.put("unit", unit.odcsName());
        for (Threshold.Condition c : threshold.conditions()) {
            kwargs.put(
                    c.operator().odcsName(),
                    c.operands().size() == 1 ? c.operands().get(0) : c.operands());
        }
        if (metric == LibraryMetric.MISSING_VALUES) {
            kwargs.put("missing_values", values);
        } else if (metric == LibraryMetric.INVALID_VALUES && pattern.isEmpty()) {
            kwargs.put("valid_values", values);
        }
        kwargs.put("pattern", pattern);
        if (dimension != metric.defaultDimension()) {
            kwargs.put("dimension", dimension.jsonName());
        }
    }
}
