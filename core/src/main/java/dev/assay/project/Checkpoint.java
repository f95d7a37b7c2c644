package dev.assay.project;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.ActionOutcome;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointResult;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.store.MetricRecord;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A checkpoint of a project: validations (a data asset, a batch request and a suite each) and the actions
 * to take with their results. Read from {@code checkpoints/<name>.yml}:
 *
 * <pre>{@code
 * parameters: {min_rows: 100}            # suite parameters for every validation
 * validations:
 *   - source: samples                    # a source of assay.yml
 *     asset: trips                       # and the asset in it (keys depend on the source type)
 *     pattern: "trips*.csv"
 *     batch: latest                      # or {year: 2024, month: "01..03"}; by default all of the asset
 *     suite: trips                       # suites/trips.json (or .yaml)
 * actions:
 *   - type: update_data_docs
 *   - type: write_junit_xml
 * }</pre>
 *
 * <p>Running it validates each batch, stores each result in the project's results store and its metrics
 * in the metric history (unless {@code store_results: false}), then runs the actions in order. A
 * validation that cannot run (a missing file, an unreachable database) is reported and the others still
 * run; an action that fails is reported and the others still run. Immutable; {@link #run} may be called
 * again.
 */
public final class Checkpoint {
    private final AssayProject project;
    private final String name;
    private final List<ValidationSpec> validations;
    private final List<ActionSpec> actions;
    private final boolean storeResults;
    private final Map<String, Object> parameters;
    private final Clock clock;

    private Checkpoint(
            AssayProject project,
            String name,
            List<ValidationSpec> validations,
            List<ActionSpec> actions,
            boolean storeResults,
            Map<String, Object> parameters,
            Clock clock) {
        this.project = project;
        this.name = name;
        this.validations = validations;
        this.actions = actions;
        this.storeResults = storeResults;
        this.parameters = parameters;
        this.clock = clock;
    }

    static Checkpoint read(AssayProject project, String name, Config config) {
        config.optionalString("name").ifPresent(declared -> {
            if (!declared.equals(name)) {
                throw config.error("name", "is '" + declared + "' but the file is named '" + name + "'");
            }
        });
        Map<String, Object> parameters = config.map("parameters").plain();
        boolean store = config.bool("store_results", true);
        List<ValidationSpec> validations = new ArrayList<>();
        for (Config v : config.maps("validations")) {
            validations.add(ValidationSpec.read(project, v));
        }
        if (validations.isEmpty()) {
            throw config.error("validations", "must list at least one validation");
        }
        List<ActionSpec> actions = new ArrayList<>();
        for (Config a : config.maps("actions")) {
            String type = a.string("type");
            String actionName = a.optionalString("name").orElse(type);
            Map<String, Object> settings = new LinkedHashMap<>(a.plain());
            settings.remove("type");
            settings.remove("name");
            CheckpointAction action;
            try {
                action = AssayProject.action(type, a).create(settings);
            } catch (AssayException e) {
                throw a.error(e.getMessage());
            }
            actions.add(new ActionSpec(actionName, type, action));
        }
        config.done("name", "parameters", "store_results", "validations", "actions");
        return new Checkpoint(
                project, name, List.copyOf(validations), List.copyOf(actions), store, parameters, Clock.systemUTC());
    }

    /** The checkpoint's name. */
    public String name() {
        return name;
    }

    /**
     * This checkpoint with suite parameters set at run time ({@code --param} on the command line), over
     * the checkpoint's own.
     */
    public Checkpoint withParameters(Map<String, ?> runtime) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters);
        merged.putAll(requireNonNull(runtime, "runtime is null"));
        return new Checkpoint(project, name, validations, actions, storeResults, merged, clock);
    }

    /** This checkpoint with the clock that freshness and run times read (for reproducible runs). */
    public Checkpoint withClock(Clock clock) {
        return new Checkpoint(
                project, name, validations, actions, storeResults, parameters, requireNonNull(clock, "clock is null"));
    }

    /** Validates every batch, stores the results and runs the actions. */
    public CheckpointResult run() {
        Instant started = clock.instant();
        String runId = ResultStore.newRunId();
        List<ValidationRun> runs = new ArrayList<>();
        List<ActionOutcome> outcomes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ValidationSpec spec : validations) {
            try {
                ValidationResult result = validate(spec);
                runs.add(new ValidationRun(spec.assetName(), result, Optional.empty()));
            } catch (AssayException e) {
                errors.add(spec.describe() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // A bug, not the data: still report it, and keep the other validations' results.
                errors.add(spec.describe() + ": " + e);
            }
        }
        if (storeResults && !runs.isEmpty()) {
            runs = store(runs, runId, outcomes);
        }
        CheckpointRun run = new CheckpointRun(name, runId, started, runs);
        for (ActionSpec action : actions) {
            outcomes.add(action.run(run, project));
        }
        return new CheckpointResult(run, outcomes, errors);
    }

    private ValidationResult validate(ValidationSpec spec) {
        Map<String, Object> suiteParameters = new LinkedHashMap<>(parameters);
        suiteParameters.putAll(spec.parameters());
        ExpectationSuite suite = project.suite(spec.suite(), suiteParameters);
        Validator validator =
                Validator.create().withClock(clock).withHistory(project.metricHistory(), spec.assetName());
        String format = spec.resultFormat().orElse(project.resultFormat());
        if (format != null) {
            validator = validator.withResultFormat(
                    ResultFormat.of(ResultFormat.Level.valueOf(format.toUpperCase(Locale.ROOT))));
        }
        return validator.validate(spec.batch(), suite);
    }

    private List<ValidationRun> store(List<ValidationRun> runs, String runId, List<ActionOutcome> outcomes) {
        List<ValidationRun> stored = new ArrayList<>(runs.size());
        try {
            for (ValidationRun run : runs) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("checkpoint", name);
                meta.put("checkpoint_run_id", runId);
                ResultKey key = project.results().save(run.result(), meta);
                stored.add(new ValidationRun(run.asset(), run.result(), Optional.of(key)));
            }
            int records = recordMetrics(runs, runId);
            outcomes.add(new ActionOutcome(
                    "store_validation_result",
                    "store_validation_result",
                    true,
                    "stored " + stored.size() + " result" + (stored.size() == 1 ? "" : "s") + " in "
                            + project.results().store().root() + " and " + records + " metric record"
                            + (records == 1 ? "" : "s") + " in "
                            + project.metricHistory().store().root()));
        } catch (AssayException e) {
            outcomes.add(
                    new ActionOutcome("store_validation_result", "store_validation_result", false, e.getMessage()));
            for (int i = stored.size(); i < runs.size(); i++) {
                stored.add(runs.get(i));
            }
        }
        return stored;
    }

    /**
     * Adds the runs' metrics to the history: one record per asset and batch, merging the metrics of the
     * suites that validated it, so that "the previous run" of a batch is the previous checkpoint run, not
     * another suite's validation of the same data a moment before.
     *
     * @return the number of records written
     */
    private int recordMetrics(List<ValidationRun> runs, String runId) {
        Map<List<String>, MetricRecord> merged = new LinkedHashMap<>();
        for (ValidationRun run : runs) {
            MetricRecord record = MetricRecord.of(run.asset(), run.result(), runId);
            if (record.values().isEmpty()) {
                continue;
            }
            merged.merge(List.of(record.asset(), record.batch()), record, (a, b) -> {
                Map<String, Double> values = new LinkedHashMap<>(a.values());
                b.values().forEach(values::putIfAbsent);
                return new MetricRecord(a.asset(), a.batch(), a.suite() + "," + b.suite(), a.time(), runId, values);
            });
        }
        merged.values().forEach(project.metricHistory()::record);
        return merged.size();
    }

    /** One validation of the checkpoint, resolved against the project when the checkpoint is read. */
    record ValidationSpec(
            String file,
            String path,
            String sourceName,
            ProjectSource source,
            Map<String, Object> assetKeys,
            Object batchSpec,
            String suite,
            Map<String, Object> parameters,
            Optional<String> resultFormat) {

        static ValidationSpec read(AssayProject project, Config v) {
            String sourceName = v.string("source");
            ProjectSource source = project.sources().get(sourceName);
            if (source == null) {
                throw v.error(
                        "source",
                        "'" + sourceName + "' is not a source of " + AssayProject.FILE + "; sources: "
                                + String.join(", ", project.sources().keySet()));
            }
            String suite = v.string("suite");
            project.suiteFile(suite);
            Object batch = v.raw("batch").orElse(null);
            if (!(batch == null || batch.equals("all") || batch.equals("latest") || batch instanceof Map)) {
                throw v.error(
                        "batch",
                        "must be 'latest', 'all' or a mapping of group (or column) to a value or FROM..TO, got "
                                + Config.shape(batch));
            }
            Map<String, Object> parameters = v.map("parameters").plain();
            Optional<String> format = v.optionalString("result_format");
            format.ifPresent(f -> {
                try {
                    ResultFormat.Level.valueOf(f.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw v.error("result_format", "must be BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, got '" + f + "'");
                }
            });
            // The asset's keys belong to the source type.
            Map<String, Object> assetKeys = new LinkedHashMap<>();
            for (String key : source.assetKeys()) {
                v.raw(key).ifPresent(value -> assetKeys.put(key, value));
            }
            List<String> known = new ArrayList<>(List.of("source", "suite", "batch", "parameters", "result_format"));
            known.addAll(source.assetKeys());
            v.done(known.toArray(String[]::new));
            ValidationSpec spec = new ValidationSpec(
                    v.file(), v.path(), sourceName, source, assetKeys, batch, suite, parameters, format);
            spec.asset(); // checks the asset's settings before any data is read
            return spec;
        }

        DataAsset asset() {
            Config config = new Config(file, path, assetKeys);
            DataAsset asset = source.asset(config);
            config.done(source.assetKeys().toArray(String[]::new));
            return asset;
        }

        String assetName() {
            return asset().name();
        }

        Batch batch() {
            DataAsset asset = asset();
            if (batchSpec == null || "all".equals(batchSpec)) {
                return asset.batch(BatchRequest.all());
            }
            if ("latest".equals(batchSpec)) {
                return asset.latestBatch();
            }
            BatchRequest request = BatchRequest.all();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) batchSpec).entrySet()) {
                String group = String.valueOf(e.getKey());
                String value = String.valueOf(e.getValue());
                int range = value.indexOf("..");
                request = range < 0
                        ? request.and(group, value)
                        : request.andRange(group, value.substring(0, range), value.substring(range + 2));
            }
            return asset.batch(request);
        }

        String describe() {
            return path + " (" + sourceName + (assetKeys.containsKey("asset") ? "/" + assetKeys.get("asset") : "")
                    + ", suite " + suite + ")";
        }
    }

    /** An action of the checkpoint. */
    record ActionSpec(String name, String type, CheckpointAction action) {
        ActionOutcome run(CheckpointRun run, AssayProject project) {
            try {
                return new ActionOutcome(name, type, true, action.run(run, project));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return new ActionOutcome(name, type, false, message);
            }
        }
    }
}
