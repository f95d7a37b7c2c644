package dev.assay.cloudwatch;

import dev.assay.error.AssayException;
import dev.assay.project.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code publish_cloudwatch_metrics} action's entry in a checkpoint, typed.
 *
 * @param schema namespace, dimensions, extra dimensions and observed values
 * @param output where the metrics go
 * @param region the AWS region, when the action names one
 * @param endpoint the endpoint, when the action names one
 * @param attempts attempts per request
 */
record CloudWatchActionConfig(
        MetricSchema schema, Output output, Optional<String> region, Optional<URI> endpoint, int attempts) {
    private static final List<String> API_ONLY = List.of("region", "endpoint", "max_attempts");

    /** Where the metrics go. */
    enum Output {
        /** PutMetricData. */
        API,
        /** Embedded Metric Format lines on standard output. */
        EMF
    }

    /** Reads the action's entry; any error names the key, and an unknown key is one. */
    static CloudWatchActionConfig parse(Config c) {
        MetricSchema.Builder schema = MetricSchema.builder();
        c.optionalString("namespace").ifPresent(schema::namespace);
        List<MetricDimension> dimensions = dimensions(c);
        if (c.has("dimensions")) {
            schema.dimensions(dimensions);
        }
        c.optionalMap("extra_dimensions").map(Config::stringEntries).ifPresent(schema::extraDimensions);
        schema.includeObservedValues(c.bool("observed_values", false));
        Output output = c.choice("output", List.of("api", "emf"), "api").equals("emf") ? Output.EMF : Output.API;
        Optional<String> region = c.optionalString("region");
        Optional<URI> endpoint = c.optionalString("endpoint").map(e -> endpoint(c, "endpoint", e));
        int attempts = c.integer("max_attempts", CloudWatchPublisher.DEFAULT_ATTEMPTS, 1, 20);
        c.done(
                "namespace",
                "dimensions",
                "extra_dimensions",
                "observed_values",
                "output",
                "region",
                "endpoint",
                "max_attempts");

        if (output == Output.EMF) {
            for (String key : API_ONLY) {
                if (c.has(key)) {
                    throw c.error(
                            key,
                            "applies to output: api only; Embedded Metric Format lines go to standard output and"
                                    + " make no AWS call");
                }
            }
        }
        try {
            return new CloudWatchActionConfig(schema.build(), output, region, endpoint, attempts);
        } catch (AssayException e) {
            throw c.error(e.getMessage());
        }
    }

    /**
     * {@code text}, the value of {@code key}, as an endpoint: an http(s) URL with a host. Messages never show
     * its user info, which may hold a password.
     */
    static URI endpoint(Config c, String key, String text) {
        String value = text.trim();
        String what = "must be an http:// or https:// URL with a host, got ";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw c.error(key, what + (value.contains("@") ? "a text that is not a URL" : "'" + value + "'"));
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw c.error(key, what + "'" + CloudWatchErrors.redact(uri) + "'");
        }
        return uri;
    }

    private static List<MetricDimension> dimensions(Config c) {
        List<MetricDimension> dims = new ArrayList<>();
        for (String name : c.strings("dimensions")) {
            try {
                dims.add(MetricDimension.named(name));
            } catch (AssayException e) {
                throw c.error("dimensions", "names an " + e.getMessage());
            }
        }
        return dims;
    }
}
