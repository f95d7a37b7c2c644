package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.CompiledContract;
import dev.assay.contract.ContractCompiler;
import dev.assay.contract.ContractFormatException;
import dev.assay.contract.ContractLinter;
import dev.assay.contract.ContractProblem;
import dev.assay.contract.ContractServer;
import dev.assay.contract.ContractVerification;
import dev.assay.contract.DataContract;
import dev.assay.contract.gate.GateCase.Status;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The contract gate for a build: {@link #test} runs a contract on the data its server holds, {@link #diff}
 * classifies the changes between two versions, {@link #lint} lints one. Each returns a {@link GateReport}
 * whose {@link GateReport#exitCode() exit code} is 0 (passed), 1 (a breach, a breaking change, a lint error;
 * warnings too under {@link FailOn#WARNING}; parts not executed unless allowed) or 2 (the command could not
 * run). None of them throws for a bad contract, unreachable data or a bad revision: those are the report's
 * {@link GateReport#errors() errors}. Stateless and thread-safe.
 *
 * <pre>{@code
 * GateReport report = ContractGate.test(Path.of("contracts/orders.odcs.yaml"), "contracts/orders.odcs.yaml",
 *         TestOptions.in(Path.of(".")).withServer("local"));
 * System.out.print(GateReportWriter.write(report, GateReportWriter.Format.GITHUB));
 * System.exit(report.exitCode());
 * }</pre>
 */
public final class ContractGate {
    private ContractGate() {}

    /**
     * Runs a contract on its data: reads the contract, picks the server ({@code options.server()}, else the only
     * one), reads each object's data from it (or from a {@code data} override), runs every compiled check,
     * foreign key and sql rule, and reports each as a case.
     *
     * @param file the contract file, never null
     * @param label how to name the file in the report (as the user wrote it, so annotations point at it)
     * @param options the choices, never null
     */
    public static GateReport test(Path file, String label, TestOptions options) {
        requireNonNull(file, "file is null");
        requireNonNull(label, "label is null");
        requireNonNull(options, "options is null");
        DataContract contract;
        try {
            contract = DataContract.parse(readText(file, label), label);
        } catch (AssayException e) {
            return GateReport.error("test", label, e.getMessage());
        }
        return test(contract, options);
    }

    /**
     * As {@link #test(Path, String, TestOptions)} for a contract already read; the report names it by its
     * {@link DataContract#source() source}.
     */
    public static GateReport test(DataContract contract, TestOptions options) {
        requireNonNull(contract, "contract is null");
        requireNonNull(options, "options is null");
        String label = contract.source();
        try {
            ContractData.checkOverrides(contract, options);
            Optional<ContractServer> server = chooseServer(contract, options);
            CompiledContract compiled = ContractCompiler.compile(
                    contract,
                    new ContractCompiler.Options(
                            ContractCompiler.ColumnMatch.EXACT_SET, server.map(ContractServer::server)));
            List<GateCase> cases;
            List<String> errors;
            try (ContractData data =
                    ContractData.open(contract, server, !compiled.sqlChecks().isEmpty(), options)) {
                ContractVerification.Report report =
                        ContractVerification.run(compiled, data.batches(), data.connection(), Validator.create());
                cases = TestCases.of(contract, report, data.missing());
                errors = data.errors();
            }
            return new GateReport("test", label, cases, errors, options.failOn(), options.allowNotExecuted());
        } catch (AssayException e) {
            return GateReport.error("test", label, e.getMessage());
        }
    }

    private static Optional<ContractServer> chooseServer(DataContract contract, TestOptions options) {
        List<String> names =
                contract.servers().stream().map(ContractServer::server).toList();
        if (options.server().isPresent()) {
            return Optional.of(contract.server(options.server().get())
                    .orElseThrow(() -> new AssayException(
                            dev.assay.error.ErrorCode.INVALID_CONFIGURATION,
                            "contract " + contract.source() + " has no server '"
                                    + options.server().get() + "'; servers: " + names)));
        }
        if (contract.servers().size() == 1) {
            return Optional.of(contract.servers().get(0));
        }
        boolean allOverridden =
                contract.schema().stream().allMatch(o -> options.data().containsKey(o.name()));
        if (allOverridden) {
            return Optional.empty();
        }
        if (contract.servers().isEmpty()) {
            throw new AssayException(
                    dev.assay.error.ErrorCode.INVALID_CONFIGURATION,
                    "contract " + contract.source() + " has no servers; give the data of each object with --data"
                            + " OBJECT=PATH");
        }
        throw new AssayException(
                dev.assay.error.ErrorCode.INVALID_CONFIGURATION,
                "contract " + contract.source() + " has " + names.size() + " servers; choose one with --server NAME: "
                        + names);
    }

    /**
     * Classifies the changes from {@code before} to {@code after}: breaking changes are breaches (exit 1),
     * warnings fail only under {@link FailOn#WARNING}, infos never.
     *
     * @param beforeSpec the old version: {@code FILE} or {@code FILE@REVISION} (see {@link
     *     ContractVersion#resolve})
     * @param afterSpec the new version, the same way
     * @param workingDir the folder relative paths resolve against
     * @param failOn whether warnings fail the gate
     */
    public static GateReport diff(String beforeSpec, String afterSpec, Path workingDir, FailOn failOn) {
        requireNonNull(beforeSpec, "beforeSpec is null");
        requireNonNull(afterSpec, "afterSpec is null");
        requireNonNull(workingDir, "workingDir is null");
        requireNonNull(failOn, "failOn is null");
        String file = fileOf(afterSpec, workingDir);
        ContractVersion before;
        ContractVersion after;
        try {
            before = ContractVersion.resolve(beforeSpec, workingDir);
            after = ContractVersion.resolve(afterSpec, workingDir);
        } catch (AssayException e) {
            return GateReport.error("diff", file, e.getMessage());
        }
        return diff(before, after, file, failOn);
    }

    /**
     * As {@link #diff(String, String, Path, FailOn)} for versions already read.
     *
     * @param file the file the annotations point at (the new version's, usually)
     */
    public static GateReport diff(ContractVersion before, ContractVersion after, String file, FailOn failOn) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(file, "file is null");
        requireNonNull(failOn, "failOn is null");
        List<GateCase> cases = new ArrayList<>();
        for (Change c : ContractDiff.diff(before, after)) {
            Status status = c.severity() == Change.Severity.BREAKING
                    ? Status.BREACH
                    : c.severity() == Change.Severity.WARNING ? Status.WARNING : Status.INFO;
            cases.add(new GateCase(
                    "diff", c.path().isEmpty() ? "(document)" : c.path(), status, c.path(), c.line(), c.message(), ""));
        }
        return new GateReport("diff", file, cases, List.of(), failOn, true);
    }

    /** The file part of a {@code FILE@REVISION} spec, for annotations. */
    private static String fileOf(String spec, Path workingDir) {
        int at = spec.lastIndexOf('@');
        if (at <= 0 || Files.isRegularFile(workingDir.resolve(spec))) {
            return spec;
        }
        return spec.substring(0, at);
    }

    /**
     * Lints a contract file. A file that is not a valid contract (not YAML, not ODCS v3) gives its
     * validation problems as error cases (exit 1); a file that cannot be read is an error (exit 2). A valid
     * contract gives {@link ContractLinter}'s problems: errors are breaches, warnings fail only under {@link
     * FailOn#WARNING}, infos never. Parts Assay will not execute are lint warnings here, not {@code
     * NOT_EXECUTED} cases: lint judges the contract, not a run.
     *
     * @param file the contract file, never null
     * @param label how to name it in the report
     * @param failOn whether warnings fail the gate
     */
    public static GateReport lint(Path file, String label, FailOn failOn) {
        requireNonNull(file, "file is null");
        requireNonNull(label, "label is null");
        requireNonNull(failOn, "failOn is null");
        String text;
        try {
            text = readText(file, label);
        } catch (AssayException e) {
            return GateReport.error("lint", label, e.getMessage());
        }
        List<ContractProblem> problems;
        try {
            problems = DataContract.validate(text, label);
            if (problems.isEmpty()) {
                problems = ContractLinter.lint(DataContract.parse(text, label));
            }
        } catch (ContractFormatException e) {
            // Not YAML at all: one problem, at the line the parser names when it names one.
            problems = e.problems().isEmpty()
                    ? List.of(new ContractProblem(
                            label, "", OptionalInt.empty(), ContractProblem.Severity.ERROR, e.getMessage()))
                    : e.problems();
        }
        List<GateCase> cases = new ArrayList<>();
        for (ContractProblem p : problems) {
            Status status = p.severity() == ContractProblem.Severity.ERROR
                    ? Status.BREACH
                    : p.severity() == ContractProblem.Severity.WARNING ? Status.WARNING : Status.INFO;
            cases.add(new GateCase(
                    "lint", p.path().isEmpty() ? "(document)" : p.path(), status, p.path(), p.line(), p.message(), ""));
        }
        return new GateReport("lint", label, cases, List.of(), failOn, true);
    }

    private static String readText(Path file, String label) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AssayException(
                    dev.assay.error.ErrorCode.INVALID_CONFIGURATION, "Contract file not found: " + label, e);
        } catch (IOException e) {
            throw new AssayException(
                    dev.assay.error.ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read contract " + label + ": " + e.getMessage(),
                    e);
        }
    }
}
