package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.checkpoint.ActionOutcome;
import dev.assay.checkpoint.CheckpointResult;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.error.AssayException;
import dev.assay.project.AssayProject;
import dev.assay.project.Checkpoint;
import dev.assay.result.ResultText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay checkpoint}: runs and lists the checkpoints of a project. */
@Command(
        name = "checkpoint",
        mixinStandardHelpOptions = true,
        description = "Run or list the checkpoints of an Assay project.",
        subcommands = {CheckpointCommand.Run.class, CheckpointCommand.ListCheckpoints.class})
final class CheckpointCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: 'assay checkpoint run NAME' or 'assay checkpoint list'");
    }

    /** {@code assay checkpoint run NAME}. */
    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Validate the checkpoint's batches, store the results and run its actions (data docs,"
                    + " metrics, reports, webhooks).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:every expectation passed and every action completed",
                "1:at least one expectation failed or could not be evaluated",
                "2:a usage or configuration error, a validation that could not run, or an action that failed"
            })
    static final class Run implements Callable<Integer> {
        private final Map<String, String> environment;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ProjectOption project;

        @Parameters(index = "0", paramLabel = "NAME", description = "The checkpoint (checkpoints/NAME.yml).")
        String name;

        @Option(
                names = "--param",
                paramLabel = "NAME=VALUE",
                description = "A suite parameter, over the checkpoint's (repeatable); the value is read as YAML:"
                        + " 100 is a number, [a, b] a list.")
        List<String> params;

        @Option(
                names = "--now",
                paramLabel = "INSTANT",
                description = "The time the run is at, for freshness (ISO-8601), for reproducible runs.")
        String now;

        @Option(
                names = "--format",
                defaultValue = "text",
                paramLabel = "text|json",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--ascii", description = "Plain ASCII output, no Unicode marks.")
        boolean ascii;

        Run(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("text") && !format.equals("json")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--format must be 'text' or 'json', got '" + format + "'");
            }
            // Actions' own lines (such as CloudWatch's embedded metric format) go to stderr in JSON mode,
            // so that stdout stays one JSON document.
            PrintStream actionOut =
                    new PrintStream(new WriterStream(format.equals("json") ? err : out), true, StandardCharsets.UTF_8);
            try (AssayProject opened = project.open(environment).withOut(actionOut)) {
                Checkpoint checkpoint = opened.checkpoint(name).withParameters(parameters());
                if (now != null) {
                    checkpoint = checkpoint.withClock(Clock.fixed(instant(now), ZoneOffset.UTC));
                }
                CheckpointResult result;
                Progress progress = Progress.start(err, "running checkpoint " + name);
                PrintStream stdout = System.out;
                if (format.equals("json")) {
                    // Lines actions write to standard output themselves (CloudWatch's Embedded Metric Format)
                    // go to stderr, so that stdout is one JSON document.
                    System.setOut(System.err);
                }
                try {
                    result = checkpoint.run();
                } finally {
                    System.setOut(stdout);
                    progress.close();
                }
                actionOut.flush();
                if (format.equals("json")) {
                    out.println(json(result));
                } else {
                    out.print(text(result, !ascii));
                }
                out.flush();
                return result.exitCode();
            } catch (AssayException e) {
                err.println("assay: " + e.getMessage());
                err.flush();
                return AssayCommand.ERROR;
            }
        }

        private Map<String, Object> parameters() {
            Map<String, Object> values = new LinkedHashMap<>();
            YAMLMapper yaml = new YAMLMapper();
            for (String item : params == null ? List.<String>of() : params) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--param must be NAME=VALUE, got '" + item + "'");
                }
                String value = item.substring(eq + 1);
                Object parsed;
                try {
                    parsed = value.isEmpty() ? "" : yaml.readValue(value, Object.class);
                } catch (JsonProcessingException e) {
                    parsed = value;
                }
                values.put(item.substring(0, eq), parsed == null ? value : parsed);
            }
            return values;
        }

        private Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--now must be an ISO-8601 instant such as 2024-05-01T00:00:00Z, got '" + text + "'");
            }
        }
    }

    /** The run as text: each validation's report, then what each action did. */
    static String text(CheckpointResult result, boolean unicode) {
        StringBuilder out = new StringBuilder();
        String status = result.exitCode() == 0 ? "PASSED" : result.exitCode() == 1 ? "FAILED" : "ERROR";
        out.append("Checkpoint ")
                .append(result.run().checkpoint())
                .append(" (run ")
                .append(result.run().runId())
                .append("): ")
                .append(status)
                .append('\n');
        for (ValidationRun v : result.run().validations()) {
            out.append('\n').append(ResultText.render(v.result(), unicode));
        }
        if (!result.errors().isEmpty()) {
            out.append("\nValidations that could not run:\n");
            result.errors().forEach(e -> out.append("  ").append(e).append('\n'));
        }
        if (!result.actions().isEmpty()) {
            out.append("\nActions:\n");
            for (ActionOutcome a : result.actions()) {
                out.append("  ")
                        .append(a.success() ? (unicode ? "✓ " : "ok   ") : (unicode ? "✗ " : "FAIL "))
                        .append(a.name())
                        .append(": ")
                        .append(a.message())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The run as one JSON document. */
    static String json(CheckpointResult result) {
        try {
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result.summary());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code assay checkpoint list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the project's checkpoints.")
    static final class ListCheckpoints implements Callable<Integer> {
        private final Map<String, String> environment;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ProjectOption project;

        ListCheckpoints(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try (AssayProject opened = project.open(environment)) {
                opened.checkpointNames().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return AssayCommand.PASSED;
            } catch (AssayException e) {
                spec.commandLine().getErr().println("assay: " + e.getMessage());
                return AssayCommand.ERROR;
            }
        }
    }

    /** Bytes to a writer, as UTF-8 text. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
