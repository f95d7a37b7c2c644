package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link CloudWatchPublisher} sent, or an {@link EmbeddedMetricFormat} wrote. Immutable.
 *
 * @param namespace the CloudWatch namespace
 * @param metrics data points sent
 * @param requests PutMetricData requests made, or EMF lines written
 * @param skippedValues observed values left out because CloudWatch cannot hold them
 */
public record PublishSummary(String namespace, int metrics, int requests, int skippedValues) {
    public PublishSummary {
        requireNonNull(namespace, "namespace is null");
    }

    /** E.g. {@code published 8 metrics to CloudWatch namespace Assay in 1 request}. */
    public String describe() {
        return "published " + plural(metrics, "metric") + " to CloudWatch namespace " + namespace + " in "
                + plural(requests, "request") + skipped();
    }

    /** E.g. {@code wrote 8 metrics for CloudWatch namespace Assay in 2 Embedded Metric Format lines}. */
    String describeEmf(String where) {
        return "wrote " + plural(metrics, "metric") + " for CloudWatch namespace " + namespace + " in "
                + plural(requests, "Embedded Metric Format line") + " to " + where + skipped();
    }

    private String skipped() {
        return skippedValues == 0
                ? ""
                : " (left out " + plural(skippedValues, "observed value")
                        + " CloudWatch cannot hold: not finite, or beyond ±2^360)";
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
