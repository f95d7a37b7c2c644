package dev.assay.project;

import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.checkpoint.CheckpointRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test actions: {@code record_for_test} records the runs it saw; {@code fail_for_test} throws. */
public final class TestActions {
    static final List<String> SEEN = new ArrayList<>();

    private TestActions() {}

    /** Records "label: stored keys" for every run. */
    public static final class Record implements CheckpointActionProvider {
        @Override
        public String type() {
            return "record_for_test";
        }

        @Override
        public CheckpointAction create(Map<String, Object> config) {
            Config c = new Config("test", "", config);
            String label = c.optionalString("label").orElse("record");
            c.done("label");
            return (CheckpointRun run, dev.assay.checkpoint.ActionContext context) -> {
                synchronized (SEEN) {
                    SEEN.add(label + ": "
                            + run.validations().stream()
                                    .map(v -> v.stored().isPresent() ? "stored" : "not stored")
                                    .toList());
                }
                return "recorded " + run.validations().size();
            };
        }
    }

    /** Always fails. */
    public static final class Fail implements CheckpointActionProvider {
        @Override
        public String type() {
            return "fail_for_test";
        }

        @Override
        public CheckpointAction create(Map<String, Object> config) {
            return (run, context) -> {
                throw new IllegalStateException("the endpoint said no");
            };
        }
    }
}
