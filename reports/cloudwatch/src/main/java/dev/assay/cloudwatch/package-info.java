/**
 * Validation results as Amazon CloudWatch metrics: {@link dev.assay.cloudwatch.CloudWatchPublisher} sends
 * them with {@code PutMetricData} (AWS SDK v2), {@link dev.assay.cloudwatch.EmbeddedMetricFormat} writes
 * them as Embedded Metric Format lines for Lambda and containers, and {@link
 * dev.assay.cloudwatch.PublishCloudWatchMetricsProvider} serves the checkpoint action {@code
 * publish_cloudwatch_metrics}. {@link dev.assay.cloudwatch.MetricSchema} says which metrics and dimensions
 * both outputs produce.
 */
package dev.assay.cloudwatch;
