package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.Batch;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs {@link Scenarios} through the JUnit Platform launcher and checks how its tests end. */
class AssayExtensionLaunchTest {
    /** Not run by Surefire (a nested class); launched by the test below. */
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
}
