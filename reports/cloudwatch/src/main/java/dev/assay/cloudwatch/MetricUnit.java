package dev.assay.cloudwatch;

/** The CloudWatch units Assay's metrics use. */
public enum MetricUnit {
    /** No unit: a flag or a value of the data. */
    NONE("None"),
    /** A count of things. */
    COUNT("Count"),
    /** A percentage, 0 to 100. */
    PERCENT("Percent");

    private final String cloudWatchName;

    MetricUnit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    /** The unit's name in CloudWatch and in Embedded Metric Format, e.g. {@code Percent}; never null. */
    public String cloudWatchName() {
        return cloudWatchName;
    }
}
