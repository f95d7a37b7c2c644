package dev.assay.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda handler, called as the Lambda runtime calls it, on a copy of the example project. */
class CheckpointHandlerTest {
    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void copyProject() throws IOException {
        Path source = Path.of("project");
        for (String folder : List.of("suites", "data", "checkpoints")) {
            try (Stream<Path> files = Files.list(source.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.createDirectories(dir.resolve(folder));
                    Files.copy(file, dir.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        Files.copy(source.resolve("assay.yml"), dir.resolve("assay.yml"));
    }

    @Test
    void a_scheduled_event_runs_the_checkpoint_and_answers_with_its_summary() {
        Map<String, Object> response =
                new CheckpointHandler(dir).handleRequest(Map.of("checkpoint", "nightly_trips"), new TestContext());

        assertThat(response).containsEntry("checkpoint", "nightly_trips").containsEntry("success", true);
        assertThat((List<?>) response.get("validations")).hasSize(2);
        assertThat(logged).singleElement().asString().contains("exit code 0");
        assertThat(dir.resolve("results/validations")).isDirectory();
    }

    @Test
    void a_breach_is_an_answer_not_a_failed_invocation() {
        Map<String, Object> response = new CheckpointHandler(dir)
                .handleRequest(
                        Map.of("checkpoint", "nightly_trips", "parameters", Map.of("min_rows", 5000)),
                        new TestContext());

        assertThat(response).containsEntry("success", false).containsEntry("exit_code", 1);
    }

    @Test
    void an_event_without_a_checkpoint_or_a_run_that_cannot_complete_fails_the_invocation() throws IOException {
        CheckpointHandler handler = new CheckpointHandler(dir);
        assertThatThrownBy(() -> handler.handleRequest(Map.of(), new TestContext()))
                .hasMessageContaining("the event must name a checkpoint");

        Files.delete(dir.resolve("data/trips.csv"));
        assertThatThrownBy(() -> handler.handleRequest(Map.of("checkpoint", "nightly_trips"), new TestContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkpoint nightly_trips did not complete: ")
                .hasMessageContaining("trips.csv");
    }

    /** The Lambda runtime's context, as far as the handler uses it. */
    private final class TestContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "test-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/assay";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "assay-checkpoint";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:000000000000:function:assay-checkpoint";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    logged.add(message);
                }

                @Override
                public void log(byte[] message) {
                    logged.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
                }
            };
        }
    }
}
