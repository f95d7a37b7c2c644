package dev.assay.cloudwatch;

import static dev.assay.cloudwatch.TestValidations.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricSchemaTest {
    @Nested
    class Defaults {
        @Test
        void namespace_Assay_all_three_dimensions_and_no_observed_values() {
            MetricSchema schema = MetricSchema.defaults();

            assertThat(schema.namespace()).isEqualTo("Assay");
            assertThat(schema.dimensions())
                    .containsExactly(MetricDimension.SUITE, MetricDimension.DATA_ASSET, MetricDimension.CHECKPOINT);
            assertThat(schema.extraDimensions()).isEmpty();
            assertThat(schema.includeObservedValues()).isFalse();
        }

        @Test
        void no_dimensions_at_all_is_allowed() {
            ValidationMetrics metrics = MetricSchema.builder()
                    .dimensions(List.of())
                    .build()
                    .metrics(List.of(new Validation("c", "a", TestValidations.orders(STARTED))));

            assertThat(metrics.points()).hasSize(4).allSatisfy(p -> assertThat(p.dimensions())
                    .isEmpty());
        }
    }

    @Nested
    class Rejects {
        @Test
        void an_empty_namespace() {
            assertThatThrownBy(() -> MetricSchema.builder().namespace(" ").build())
                    .isInstanceOf(AssayException.class)
                    .hasMessage("the CloudWatch namespace is empty; leave it out for the default 'Assay' or name one")
                    .satisfies(e -> assertThat(((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
        }

        @Test
        void a_namespace_with_characters_CloudWatch_refuses() {
            assertThatThrownBy(() ->
                            MetricSchema.builder().namespace("data quality!").build())
                    .hasMessage("'data quality!' is not a CloudWatch namespace: use 1 to 255 letters, digits and"
                            + " . - _ / # : or space, not starting with ':'");
        }

        @Test
        void a_namespace_reserved_for_AWS() {
            assertThatThrownBy(
                            () -> MetricSchema.builder().namespace("AWS/Assay").build())
                    .hasMessage("the CloudWatch namespace 'AWS/Assay' starts with 'AWS/', which is reserved for AWS"
                            + " services");
        }

        @Test
        void more_than_30_dimensions_on_a_metric() {
            MetricSchema.Builder builder = MetricSchema.builder().includeObservedValues(true);
            for (int i = 0; i < 26; i++) {
                builder.extraDimension("D" + i, "v");
            }

            assertThatThrownBy(builder::build)
                    .hasMessageStartingWith("too many dimensions: CloudWatch allows at most 30 per metric, and these"
                            + " metrics would have 31 [Suite, DataAsset, Checkpoint, D0, D1, ")
                    .hasMessageEndingWith(", D25, Expectation, Column] (observed values add Expectation and Column)");
        }

        @Test
        void thirty_dimensions_are_fine() {
            MetricSchema.Builder builder = MetricSchema.builder();
            for (int i = 0; i < 27; i++) {
                builder.extraDimension("D" + i, "v");
            }

            assertThat(builder.build().extraDimensions()).hasSize(27);
        }

        @Test
        void a_dimension_twice() {
            assertThatThrownBy(() -> MetricSchema.builder()
                            .dimensions(MetricDimension.SUITE, MetricDimension.SUITE)
                            .build())
                    .hasMessage("dimensions [Suite, Suite] name a dimension twice");
        }

        @Test
        void an_extra_dimension_with_a_name_Assay_uses() {
            assertThatThrownBy(() ->
                            MetricSchema.builder().extraDimension("Suite", "x").build())
                    .hasMessage("extra dimension 'Suite' takes a name Assay already uses; reserved: [Checkpoint,"
                            + " Column, DataAsset, EvaluatedExpectations, Expectation, ObservedValue,"
                            + " SuccessPercent, Suite, UnexpectedCount, UnexpectedPercent, UnsuccessfulExpectations,"
                            + " ValidationSuccess, _aws]");
        }

        @Test
        void an_extra_dimension_with_a_blank_value() {
            assertThatThrownBy(() -> MetricSchema.builder()
                            .extraDimension("Environment", "")
                            .build())
                    .hasMessage("extra dimension 'Environment' has the value ''; CloudWatch takes a value of 1 to"
                            + " 1024 characters, not all blank");
        }

        @Test
        void an_extra_dimension_name_that_is_not_ascii() {
            assertThatThrownBy(() -> MetricSchema.builder()
                            .extraDimension("Umgebung→", "prod")
                            .build())
                    .hasMessage("extra dimension name 'Umgebung→' is not valid in CloudWatch: use 1 to 255 printable"
                            + " ASCII characters, not all blank, not starting with ':'");
        }

        @Test
        void a_data_asset_name_too_long_for_a_dimension_value() {
            String asset = "a".repeat(1025);
            List<Validation> validations = List.of(new Validation("nightly", asset, TestValidations.orders(STARTED)));

            assertThatThrownBy(() -> MetricSchema.defaults().metrics(validations))
                    .hasMessage("dimension DataAsset of the validation of suite 'orders' on data asset '"
                            + "a".repeat(60) + "... (1025 characters)' (checkpoint 'nightly') would be '"
                            + "a".repeat(60) + "... (1025 characters)'; CloudWatch takes a value of 1 to 1024"
                            + " characters, not all blank");
        }

        @Test
        void an_unknown_dimension_name() {
            assertThatThrownBy(() -> MetricDimension.named("Batch"))
                    .hasMessage("unknown dimension 'Batch'; valid dimensions: Suite, DataAsset, Checkpoint");
        }
    }
}
