package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.Batch;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs {@link Scenarios} through the JUnit Platform launcher and checks how its tests end. */
class AssayExtensionLaunchTest {
    /** Run only when launched by the test below. */
    @ExtendWith({LaunchedOnly.class, AssayExtension.class})
    static class Scenarios {
        @Test
        void passes(@AssayData("fixtures/orders.csv") Batch orders) {
            assertThat(orders).satisfies(suite("orders"));
        }

        @Test
        void brokenSuite(@AssayData("fixtures/orders.csv") Batch orders) {
            assertThat(orders).satisfies(suite("orders-strict"));
        }

        @Test
        void missingFixture(@AssayData("fixtures/missing.csv") Batch orders) {
            assertThat(orders).isNotNull();
        }
    }

    @Test
    void theExtensionResolvesParametersAndFailuresAreClear() {
        TestExecutionSummary summary = LaunchedOnly.launch(Scenarios.class, Map.of(AssaySettings.RESULTS_DIR, "none"));
        Map<String, Throwable> failures = new TreeMap<>();
        summary.getFailures().forEach(f -> failures.put(f.getTestIdentifier().getDisplayName(), f.getException()));

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(failures).containsOnlyKeys("brokenSuite(Batch)", "missingFixture(Batch)");
        assertThat(failures.get("brokenSuite(Batch)"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expect_column_values_to_be_between on column 'amount' failed")
                .hasMessageContaining("expect_column_values_to_be_in_set on column 'status' failed");
        assertThat(failures.get("missingFixture(Batch)"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("@AssayData(\"fixtures/missing.csv\"): no such fixture")
                .hasMessageContaining("classpath resource 'fixtures/missing.csv'")
                .hasMessageContaining("and the file /");
    }

    /** A final field cannot be set; a field naming a missing fixture fails the class's tests. */
    @ExtendWith({LaunchedOnly.class, AssayExtension.class})
    static class BadFields {
        @AssayData("fixtures/orders.csv")
        final Batch orders = null;

        @Test
        void needsTheField() {
            assertThat(orders).isNotNull();
        }
    }

    @ExtendWith({LaunchedOnly.class, AssayExtension.class})
    static class MissingStaticField {
        @AssayData("fixtures/missing.csv")
        static Batch orders;

        @Test
        void needsTheField() {
            assertThat(orders).isNotNull();
        }
    }

    @Test
    void aBadFieldIsNamed() {
        TestExecutionSummary finalField = LaunchedOnly.launch(BadFields.class, Map.of());
        assertThat(finalField.getFailures()).hasSize(1);
        assertThat(finalField.getFailures().get(0).getException())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@AssayData(\"fixtures/orders.csv\") on field " + BadFields.class.getName()
                        + ".orders: the field is final; make it non-final");

        TestExecutionSummary missing = LaunchedOnly.launch(MissingStaticField.class, Map.of());
        assertThat(missing.getFailures()).hasSize(1);
        assertThat(missing.getFailures().get(0).getException())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@AssayData(\"fixtures/missing.csv\") on field "
                        + MissingStaticField.class.getName() + ".orders: no such fixture; looked for the classpath"
                        + " resource 'fixtures/missing.csv'");
    }
}
