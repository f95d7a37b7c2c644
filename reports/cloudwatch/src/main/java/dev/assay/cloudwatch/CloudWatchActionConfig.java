package dev.assay.cloudwatch;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final List<String> KEYS = List.of(
            "namespace",
            "dimensions",
            "extra_dimensions",
            "observed_values",
            "output",
            "region",
            "endpoint",
            "max_attempts");

    /** Where the metrics go. */
    enum Output {
        /** PutMetricData. */
        API,
        /** Embedded Metric Format lines on standard output. */
        EMF
    }

    static CloudWatchActionConfig parse(String type, Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw error(type, "unknown key '" + key + "'; valid keys: " + String.join(", ", KEYS));
            }
        }
        MetricSchema.Builder schema = MetricSchema.builder();
        if (config.containsKey("namespace")) {
            schema.namespace(text(type, config, "namespace"));
        }
        if (config.containsKey("dimensions")) {
            schema.dimensions(dimensions(type, config.get("dimensions")));
        }
        if (config.containsKey("extra_dimensions")) {
            schema.extraDimensions(extraDimensions(type, config.get("extra_dimensions")));
        }
        if (config.containsKey("observed_values")) {
            Object value = config.get("observed_values");
            if (!(value instanceof Boolean b)) {
                throw error(type, "'observed_values' must be true or false, got " + show(value));
            }
            schema.includeObservedValues(b);
        }
        Output output = Output.API;
        if (config.containsKey("output")) {
            String value = text(type, config, "output");
            output = switch (value) {
                case "api" -> Output.API;
                case "emf" -> Output.EMF;
                default -> throw error(type, "'output' must be api or emf, got '" + value + "'");
            };
        }
        Optional<String> region =
                config.containsKey("region") ? Optional.of(text(type, config, "region")) : Optional.empty();
        Optional<URI> endpoint = config.containsKey("endpoint")
                ? Optional.of(endpoint(type, "'endpoint'", text(type, config, "endpoint")))
                : Optional.empty();
        int attempts = CloudWatchPublisher.DEFAULT_ATTEMPTS;
        if (config.containsKey("max_attempts")) {
            Object value = config.get("max_attempts");
            if (!(value instanceof Integer || value instanceof Long)
                    || ((Number) value).longValue() < 1
                    || ((Number) value).longValue() > 20) {
                throw error(type, "'max_attempts' must be a whole number from 1 to 20, got " + show(value));
            }
            attempts = ((Number) value).intValue();
        }
        if (output == Output.EMF) {
            for (String apiOnly : List.of("region", "endpoint", "max_attempts")) {
                if (config.containsKey(apiOnly)) {
                    throw error(
                            type,
                            "'" + apiOnly + "' applies to output: api only; Embedded Metric Format lines go to"
                                    + " standard output and make no AWS call");
                }
            }
        }
        MetricSchema built;
        try {
            built = schema.build();
        } catch (AssayException e) {
            throw error(type, e.getMessage());
        }
        return new CloudWatchActionConfig(built, output, region, endpoint, attempts);
    }

    static URI endpoint(String type, String what, String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw error(
                        type,
                        what + " must be an http:// or https:// URL with a host, got '" + CloudWatchErrors.redact(uri)
                                + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            // A value with user info may hold a password: only its shape is told then.
            throw error(
                    type,
                    what + " must be an http:// or https:// URL with a host, got "
                            + (value.contains("@") ? "a text that is not a URL" : "'" + value + "'"));
        }
    }

    private static List<MetricDimension> dimensions(String type, Object value) {
        if (!(value instanceof List<?> list)) {
            throw error(type, "'dimensions' must be a list of Suite, DataAsset, Checkpoint, got " + show(value));
        }
        List<MetricDimension> dims = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String name)) {
                throw error(type, "'dimensions' must list names of dimensions, got " + show(item));
            }
            try {
                dims.add(MetricDimension.named(name));
            } catch (AssayException e) {
                throw error(type, "'dimensions': " + e.getMessage());
            }
        }
        return dims;
    }

    private static Map<String, String> extraDimensions(String type, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw error(type, "'extra_dimensions' must be a map of dimension names to values, got " + show(value));
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw error(
                        type,
                        "'extra_dimensions': the value of '" + e.getKey() + "' must be a text, number or boolean, got "
                                + show(v));
            }
            dims.put(String.valueOf(e.getKey()), String.valueOf(v));
        }
        return dims;
    }

    private static String text(String type, Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (!(value instanceof String s)) {
            throw error(type, "'" + key + "' must be a text, got " + show(value));
        }
        return s;
    }

    private static String show(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        String kind;
        if (value instanceof Boolean) {
            kind = "a boolean";
        } else if (value instanceof Number) {
            kind = "a number";
        } else if (value instanceof List) {
            kind = "a list";
        } else if (value instanceof Map) {
            kind = "a map";
        } else {
            kind = "a " + value.getClass().getSimpleName();
        }
        return value + " (" + kind + ")";
    }

    static AssayException error(String type, String message) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, "action " + type + ": " + message);
    }
}
