package dev.assay.cloudwatch;

import static dev.assay.cloudwatch.TestValidations.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.error.AssayException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmbeddedMetricFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<JsonNode> lines() throws Exception {
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static Validation orders() {
        return new Validation("nightly", "orders_csv", TestValidations.orders(STARTED));
    }

    @Nested
    class One_validation {
        @Test
        void is_one_object_with_the_four_metrics_their_units_dimensions_and_timestamp() throws Exception {
            PublishSummary summary =
                    EmbeddedMetricFormat.to(out, MetricSchema.defaults()).write(List.of(orders()));

            List<JsonNode> lines = lines();
            assertThat(lines).hasSize(1);
            JsonNode line = lines.get(0);
            JsonNode aws = line.get("_aws");
            assertThat(aws.get("Timestamp").asLong()).isEqualTo(STARTED.toEpochMilli());
            assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
            JsonNode directive = aws.get("CloudWatchMetrics").get(0);
            assertThat(directive.get("Namespace").asText()).isEqualTo("Assay");
            assertThat(directive.get("Dimensions")).hasSize(1);
            assertThat(texts(directive.get("Dimensions").get(0))).containsExactly("Suite", "DataAsset", "Checkpoint");
            List<String> definitions = new ArrayList<>();
            directive
                    .get("Metrics")
                    .forEach(m -> definitions.add(
                            m.get("Name").asText() + "/" + m.get("Unit").asText()));
            assertThat(definitions)
                    .containsExactly(
                            "ValidationSuccess/None",
                            "SuccessPercent/Percent",
                            "EvaluatedExpectations/Count",
                            "UnsuccessfulExpectations/Count");
            assertThat(line.get("Suite").asText()).isEqualTo("orders");
            assertThat(line.get("DataAsset").asText()).isEqualTo("orders_csv");
            assertThat(line.get("Checkpoint").asText()).isEqualTo("nightly");
            assertThat(line.get("ValidationSuccess").asDouble()).isEqualTo(0.0);
            assertThat(line.get("SuccessPercent").asDouble()).isEqualTo(50.0);
            assertThat(line.get("EvaluatedExpectations").asDouble()).isEqualTo(4.0);
            assertThat(line.get("UnsuccessfulExpectations").asDouble()).isEqualTo(2.0);
            assertThat(line.size()).isEqualTo(8);
            assertThat(summary.metrics()).isEqualTo(4);
            assertThat(summary.requests()).isEqualTo(1);
        }

        @Test
        void observed_values_make_one_more_object_per_expectation_with_its_own_dimensions() throws Exception {
            MetricSchema schema = MetricSchema.builder()
                    .namespace("DQ")
                    .dimensions(MetricDimension.SUITE)
                    .extraDimension("Environment", "prod")
                    .includeObservedValues(true)
                    .build();

            EmbeddedMetricFormat.to(out, schema).write(List.of(orders()));

            List<JsonNode> lines = lines();
            assertThat(lines).hasSize(5);
            JsonNode mean = lines.get(2);
            JsonNode directive = mean.get("_aws").get("CloudWatchMetrics").get(0);
            assertThat(directive.get("Namespace").asText()).isEqualTo("DQ");
            assertThat(texts(directive.get("Dimensions").get(0)))
                    .containsExactly("Suite", "Environment", "Expectation", "Column");
            assertThat(mean.get("Expectation").asText()).isEqualTo("expect_column_mean_to_be_between");
            assertThat(mean.get("Column").asText()).isEqualTo("amount");
            assertThat(mean.get("Environment").asText()).isEqualTo("prod");
            assertThat(mean.get("ObservedValue").asDouble()).isEqualTo(21.0);
            JsonNode notNull = lines.get(1);
            assertThat(notNull.get("UnexpectedCount").asDouble()).isEqualTo(1.0);
            assertThat(notNull.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics"))
                    .extracting(
                            m -> m.get("Name").asText() + "/" + m.get("Unit").asText())
                    .containsExactly("UnexpectedCount/Count", "UnexpectedPercent/Percent");
            JsonNode rowCount = lines.get(3);
            assertThat(texts(rowCount.get("_aws")
                            .get("CloudWatchMetrics")
                            .get(0)
                            .get("Dimensions")
                            .get(0)))
                    .containsExactly("Suite", "Environment", "Expectation");
            assertThat(rowCount.has("Column")).isFalse();
        }

        @Test
        void non_ascii_names_are_escaped_and_read_back_unchanged() throws Exception {
            EmbeddedMetricFormat.to(out, MetricSchema.defaults())
                    .write(List.of(new Validation("nächtlich", "café", TestValidations.orders(STARTED))));

            String raw = bytes.toString(StandardCharsets.UTF_8);
            assertThat(raw).contains("caf\\u00E9").doesNotContain("é");
            assertThat(lines().get(0).get("DataAsset").asText()).isEqualTo("café");
            assertThat(lines().get(0).get("Checkpoint").asText()).isEqualTo("nächtlich");
        }
    }

    @Nested
    class Limits {
        @Test
        void values_sharing_timestamp_and_dimensions_go_in_arrays_of_at_most_100() throws Exception {
            List<Validation> validations = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                validations.add(new Validation("nightly", "customers", TestValidations.customers(STARTED)));
            }

            PublishSummary summary =
                    EmbeddedMetricFormat.to(out, MetricSchema.defaults()).write(validations);

            List<JsonNode> lines = lines();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("ValidationSuccess")).hasSize(100);
            assertThat(lines.get(1).get("ValidationSuccess")).hasSize(50);
            assertThat(lines.get(1).get("SuccessPercent").get(0).asDouble()).isEqualTo(100.0);
            assertThat(lines.get(1).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics"))
                    .hasSize(4);
            assertThat(summary.metrics()).isEqualTo(600);
            assertThat(summary.requests()).isEqualTo(2);
        }

        @Test
        void validations_at_different_times_are_separate_objects() throws Exception {
            Instant earlier = STARTED.minus(1, ChronoUnit.HOURS);
            EmbeddedMetricFormat.to(out, MetricSchema.defaults())
                    .write(List.of(orders(), new Validation("nightly", "orders_csv", TestValidations.orders(earlier))));

            assertThat(lines())
                    .extracting(l -> l.get("_aws").get("Timestamp").asLong())
                    .containsExactly(STARTED.toEpochMilli(), earlier.toEpochMilli());
        }

        @Test
        void a_validation_older_than_14_days_is_refused_and_nothing_written() {
            Instant old = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

            assertThatThrownBy(() -> EmbeddedMetricFormat.to(out, MetricSchema.defaults())
                            .write(List.of(orders(), new Validation("n", "a", TestValidations.orders(old)))))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("the validation of suite 'orders' on data asset 'a' (checkpoint 'n') started at "
                            + old + ", 20 days ago; CloudWatch rejects metric data older than 14 days (namespace"
                            + " Assay)");
            assertThat(bytes.size()).isZero();
        }
    }

    @Nested
    class Standard_output {
        @Test
        void is_where_lines_go_by_default() throws Exception {
            PrintStream original = System.out;
            System.setOut(out);
            try {
                PublishSummary summary = EmbeddedMetricFormat.toStandardOutput(MetricSchema.defaults())
                        .write(List.of(orders()));
                assertThat(summary.requests()).isEqualTo(1);
            } finally {
                System.setOut(original);
            }
            assertThat(lines())
                    .singleElement()
                    .satisfies(l -> assertThat(l.get("Suite").asText()).isEqualTo("orders"));
        }
    }
}
