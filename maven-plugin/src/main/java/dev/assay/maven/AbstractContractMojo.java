package dev.assay.maven;

import dev.assay.contract.gate.FailOn;
import dev.assay.contract.gate.GateCase;
import dev.assay.contract.gate.GateJUnitXml;
import dev.assay.contract.gate.GateReport;
import dev.assay.contract.gate.GateReportWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the contract goals share: the contract file, the fail-on policy, and how a gate report ends the build
 * (logged as {@code assay contract} prints it, written as JUnit XML, then success, a failure listing each failing
 * case, or an error). Not thread-safe: Maven gives each execution its own instance.
 */
abstract class AbstractContractMojo extends AbstractAssayMojo {
    /** The contract file (ODCS v3.0.x or v3.1.0 YAML). */
    @Parameter(property = "assay.contract", required = true)
    File contract;

    /**
     * What fails the build: {@code error} (default) for breaches (a failed rule of error severity, a breaking
     * change); {@code warning} for warnings too.
     */
    @Parameter(property = "assay.failOn", defaultValue = "error")
    String failOn;

    FailOn failOn() throws MojoExecutionException {
        try {
            return FailOn.parse(failOn == null ? "error" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Assay: <failOn> must be 'error' or 'warning', got '" + failOn + "'");
        }
    }

    /** The contract as the POM names it: relative to the module when it is inside it, else absolute. */
    String label(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path base = basedir.toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    /**
     * Logs the report, writes it as JUnit XML ({@code target/assay-reports/TEST-assay-contract-<command>-<file
     * name>.xml} by default), and ends the goal as its exit code says.
     *
     * @throws MojoExecutionException when the command could not run (exit 2)
     * @throws MojoFailureException when a case fails the gate (exit 1)
     */
    void finish(GateReport report) throws MojoExecutionException, MojoFailureException {
        log(
                inPomTerms(GateReportWriter.write(report, GateReportWriter.Format.TEXT)
                        .stripTrailing()),
                report.passed());
        String fileName = contract.getName().replaceFirst("\\.(ya?ml)$", "").replaceFirst("\\.odcs$", "");
        Path file =
                writeReport("contract-" + report.command() + "-" + fileName, out -> GateJUnitXml.write(report, out));
        if (report.exitCode() == GateReport.ERROR) {
            StringBuilder message = new StringBuilder("Assay: contract ")
                    .append(report.command())
                    .append(' ')
                    .append(report.file())
                    .append(" could not run:");
            report.errors().forEach(e -> message.append("\n  ").append(inPomTerms(e)));
            throw new MojoExecutionException(message.toString());
        }
        if (report.exitCode() == GateReport.FAILED) {
            List<GateCase> failing =
                    report.cases().stream().filter(report::failing).toList();
            StringBuilder message = new StringBuilder("Assay: ")
                    .append(GateReportWriter.summary(report))
                    .append('\n');
            for (GateCase c : failing) {
                message.append('\n')
                        .append(report.label(c).toUpperCase(Locale.ROOT))
                        .append(' ');
                message.append(report.file());
                c.line().ifPresent(l -> message.append(':').append(l));
                message.append(' ').append(c.group()).append(": ").append(c.name());
                if (!c.message().isEmpty()) {
                    message.append(": ").append(c.message());
                }
                c.detail().lines().forEach(l -> message.append("\n    ").append(l));
            }
            if (failing.stream().anyMatch(c -> c.status() == GateCase.Status.NOT_EXECUTED)) {
                message.append("\n\nParts not executed fail the contract unless"
                        + " <allowNotExecuted>true</allowNotExecuted>.");
            }
            message.append("\n\nReport: ").append(file);
            throw new MojoFailureException(inPomTerms(message.toString()));
        }
    }

    /**
     * {@code text} with the command line's options, which the gate's messages suggest, named as the POM's
     * settings: {@code --server NAME} as {@code <server>}, {@code --data OBJECT=PATH} as {@code <objects>}.
     */
    static String inPomTerms(String text) {
        return text.replace("--data OBJECT=PATH", "<objects>")
                .replace("--data names", "<objects> names")
                .replace("--server NAME", "<server>")
                .replace("--allow-not-executed", "<allowNotExecuted>true</allowNotExecuted>");
    }
}
