package dev.assay.cli;

import dev.assay.contract.gate.ContractGate;
import dev.assay.contract.gate.FailOn;
import dev.assay.contract.gate.GateJUnitXml;
import dev.assay.contract.gate.GateReport;
import dev.assay.contract.gate.GateReportWriter;
import dev.assay.contract.gate.TestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay contract test|diff|lint}: the data contract gate for a build. Exit codes: 0 passed, 1 a breach,
 * a breaking change or a lint error (warnings too with {@code --fail-on warning}), 2 the command could not run.
 * See {@code docs/contract-gate.md}.
 */
@Command(
        name = "contract",
        mixinStandardHelpOptions = true,
        description = "Gate a build on an ODCS v3 data contract: test the data, diff two versions, lint.",
        subcommands = {ContractCommand.Test.class, ContractCommand.Diff.class, ContractCommand.Lint.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed",
            "1:a breach, a breaking change or a lint error (or a warning with --fail-on warning)",
            "2:the command could not run: unreadable contract, unreachable data, bad git revision, bad usage"
        })
final class ContractCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required: 'assay contract test', 'diff' or 'lint'");
    }

    /** The output options every contract command shares. */
    static final class Output {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(
                names = "--format",
                paramLabel = "text|json|github",
                defaultValue = "text",
                description = "Output: text, json, or github (GitHub Actions annotations). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(
                names = "--junit-xml",
                paramLabel = "PATH",
                description = "Also write a JUnit XML report here: each rule, change or problem a test case.")
        Path junitXml;

        @Option(
                names = "--fail-on",
                paramLabel = "error|warning",
                defaultValue = "error",
                description = "Whether warnings fail the command too. Default: ${DEFAULT-VALUE}.")
        String failOn;

        FailOn failOn() {
            try {
                return FailOn.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
        }

        GateReportWriter.Format format() {
            try {
                return GateReportWriter.Format.parse(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
        }

        /** Prints the report, writes the JUnit XML, and returns the exit code. */
        int emit(GateReport report) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            out.print(GateReportWriter.write(report, format()));
            out.flush();
            if (junitXml != null) {
                try {
                    Path parent = junitXml.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    try (Writer w = Files.newBufferedWriter(junitXml, StandardCharsets.UTF_8)) {
                        GateJUnitXml.write(report, w);
                    }
                } catch (IOException e) {
                    err.println("assay: cannot write the JUnit XML report " + junitXml + ": " + e.getMessage());
                    err.flush();
                    return AssayCommand.ERROR;
                }
            }
            if (!report.errors().isEmpty() && format() != GateReportWriter.Format.TEXT) {
                // Text output shows the errors already; with json or github, say them on stderr as well.
                report.errors().forEach(e -> err.println("assay: " + e));
                err.flush();
            }
            return report.exitCode();
        }
    }

    /** {@code assay contract test CONTRACT [--server NAME]}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Run a contract's checks on the data of one of its servers.")
    static final class Test implements Callable<Integer> {
        private final Map<String, String> environment;

        @Spec
        CommandSpec spec;

        @Mixin
        Output output;

        @Parameters(index = "0", paramLabel = "CONTRACT", description = "The ODCS v3 contract file.")
        String contract;

        @Option(
                names = "--server",
                paramLabel = "NAME",
                description = "The servers entry to read (its 'server' name); needed when there are several.")
        String server;

        @Option(
                names = "--data",
                paramLabel = "OBJECT=PATH",
                description = "Read OBJECT from these local files (a file, folder or glob; or a URI) instead of"
                        + " the server. Repeatable.")
        Map<String, String> data = new LinkedHashMap<>();

        @Option(
                names = "--jdbc-url",
                paramLabel = "URL",
                description = "Reach the server's database at this JDBC URL instead of the one its settings give.")
        String jdbcUrl;

        @Option(
                names = "--user",
                paramLabel = "NAME",
                description = "The database user; the password is read from the environment variable "
                        + JdbcOptions.PASSWORD_ENV + ".")
        String user;

        @Option(
                names = "--allow-not-executed",
                description =
                        "Pass even though some parts of the contract are not executed (they are still" + " reported).")
        boolean allowNotExecuted;

        @Option(
                names = "--s3-endpoint",
                paramLabel = "URL",
                description = "For s3 servers: an S3-compatible endpoint (default: the server's endpointUrl).")
        String s3Endpoint;

        @Option(names = "--s3-path-style", description = "For s3 servers: address buckets by path, not host name.")
        boolean s3PathStyle;

        @Option(names = "--profile", paramLabel = "NAME", description = "For s3 servers: the AWS profile to use.")
        String profile;

        @Option(
                names = "--region",
                paramLabel = "REGION",
                description = "For s3 servers: the AWS region, e.g. eu-west-1.")
        String region;

        Test(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            TestOptions options = TestOptions.in(Path.of("").toAbsolutePath())
                    .withFailOn(output.failOn())
                    .withAllowNotExecuted(allowNotExecuted);
            if (server != null) {
                options = options.withServer(server);
            }
            for (Map.Entry<String, String> d : data.entrySet()) {
                options = options.withData(d.getKey(), d.getValue());
            }
            if (jdbcUrl != null) {
                if (!jdbcUrl.startsWith("jdbc:")) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--jdbc-url must start with 'jdbc:', got '" + jdbcUrl + "'");
                }
                options = options.withJdbcUrl(jdbcUrl);
            }
            String password = environment.get(JdbcOptions.PASSWORD_ENV);
            Optional<String> secret = password == null || password.isEmpty() ? Optional.empty() : Optional.of(password);
            if (user != null) {
                options = options.withCredentials(user, secret);
            } else if (secret.isPresent()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), JdbcOptions.PASSWORD_ENV + " is set: give the user with --user NAME");
            }
            if (s3Endpoint != null) {
                options = options.withFileOption("s3.endpoint", s3Endpoint);
            }
            if (s3PathStyle) {
                options = options.withFileOption("s3.path-style", "true");
            }
            if (profile != null) {
                options = options.withFileOption("s3.profile", profile);
            }
            if (region != null) {
                options = options.withFileOption("s3.region", region);
            }
            Progress progress = Progress.start(spec.commandLine().getErr(), "testing contract " + contract);
            GateReport report;
            try {
                report = ContractGate.test(Path.of(contract), contract, options);
            } finally {
                progress.close();
            }
            return output.emit(report);
        }
    }

    /** {@code assay contract diff OLD NEW}. */
    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            description = "Classify every change between two versions of a contract as breaking, warning or info.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        Output output;

        @Parameters(
                index = "0",
                paramLabel = "OLD",
                description = "The old version: a file, or FILE@REVISION for the file at a git revision"
                        + " (main, v1.2.0, HEAD~1).")
        String before;

        @Parameters(index = "1", paramLabel = "NEW", description = "The new version, the same way.")
        String after;

        @Override
        public Integer call() {
            return output.emit(ContractGate.diff(before, after, Path.of("").toAbsolutePath(), output.failOn()));
        }
    }

    /** {@code assay contract lint CONTRACT}. */
    @Command(
            name = "lint",
            mixinStandardHelpOptions = true,
            description = "Check a contract: validity, contradictions, and parts Assay will not execute.")
    static final class Lint implements Callable<Integer> {
        @Mixin
        Output output;

        @Parameters(index = "0", paramLabel = "CONTRACT", description = "The ODCS v3 contract file.")
        String contract;

        @Override
        public Integer call() {
            return output.emit(ContractGate.lint(Path.of(contract), contract, output.failOn()));
        }
    }
}
