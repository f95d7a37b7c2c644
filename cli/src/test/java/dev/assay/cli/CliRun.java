package dev.assay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the {@code assay} command line in this JVM and keeps what it printed, for the CLI tests. */
final class CliRun {
    private CliRun() {}

    /** The exit code and what the command wrote to standard output and standard error. */
    record Result(int code, String out, String err) {}

    /** Runs {@code assay args} with {@code environment} as its environment variables. */
    static Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment)
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs {@code assay args} with no environment variables, so the machine's own cannot change the outcome. */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** The arguments {@code validate --suite SUITE --data DATA} followed by {@code more}. */
    static String[] validate(String suite, String data, String... more) {
        return join(List.of("validate", "--suite", suite, "--data", data), more);
    }

    /**
     * The arguments {@code validate --suite SUITE --data DATA OPTION VALUE} followed by {@code more}, for the option
     * that says what in the data to read ({@code --table NAME}, {@code --asset PATTERN}).
     */
    static String[] validateWith(String suite, String data, String option, String value, String... more) {
        return join(List.of("validate", "--suite", suite, "--data", data, option, value), more);
    }

    private static String[] join(List<String> head, String... more) {
        List<String> args = new ArrayList<>(head);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
