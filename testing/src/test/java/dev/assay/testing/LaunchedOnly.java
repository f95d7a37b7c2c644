package dev.assay.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Scenario classes ({@code @ExtendWith(LaunchedOnly.class)}) run only when a test launches them with
 * {@link #launch}: Surefire also picks nested classes when {@code -Dtest=dev.assay.testing.**} is given.
 */
final class LaunchedOnly implements ExecutionCondition {
    static final String KEY = "assay.test.launched";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(KEY).isPresent()
                ? ConditionEvaluationResult.enabled("launched by a test")
                : ConditionEvaluationResult.disabled("a scenario, run only when a test launches it");
    }

    /** Runs {@code scenarios} through the JUnit Platform launcher with these configuration parameters. */
    static TestExecutionSummary launch(
            Class<?> scenarios, Map<String, String> configuration, TestExecutionListener... more) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        TestExecutionListener[] all = new TestExecutionListener[more.length + 1];
        all[0] = listener;
        System.arraycopy(more, 0, all, 1, more.length);
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(scenarios))
                                .configurationParameter(KEY, "true")
                                .configurationParameters(configuration)
                                .build(),
                        all);
        return listener.getSummary();
    }
}
