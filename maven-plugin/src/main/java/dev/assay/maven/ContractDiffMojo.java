package dev.assay.maven;

import dev.assay.contract.gate.ContractGate;
import dev.assay.contract.gate.GateReport;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Classifies the changes between a baseline version of a data contract and the current one, as {@code assay
 * contract diff} does, and fails the build on a breaking change (a removed or renamed column, a narrowed type, a
 * tightened rule; see docs/contract-gate.md). The baseline is another file, or the contract file as it was at a git
 * revision, such as {@code origin/main}. Writes a JUnit XML report with one test case per change.
 *
 * <p>A breaking change (with {@code <failOn>warning</failOn>}, a warning change too) fails the build with a {@link
 * MojoFailureException} listing each one; a version that cannot be read (a missing file, no git, an unknown
 * revision, an invalid contract) with a {@link MojoExecutionException}. Thread-safe for parallel builds.
 */
@Mojo(name = "contract-diff", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ContractDiffMojo extends AbstractContractMojo {
    /** The baseline: the earlier version of the contract, as a file. */
    @Parameter(property = "assay.baseline")
    File baseline;

    /**
     * The baseline: the contract file as it was at this git revision (a branch, a tag, a commit, {@code HEAD~1},
     * {@code origin/main}), instead of {@code <baseline>}.
     */
    @Parameter(property = "assay.baselineRevision")
    String baselineRevision;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        if (baseline != null && baselineRevision != null) {
            throw new MojoExecutionException("Assay: set either <baseline> or <baselineRevision>, not both; got "
                    + baseline + " and '" + baselineRevision + "'");
        }
        if (baseline == null && (baselineRevision == null || baselineRevision.isBlank())) {
            throw new MojoExecutionException("Assay: contract-diff needs a baseline to compare " + label(contract)
                    + " with: <baselineRevision> (a git revision such as origin/main) or <baseline> (a file)");
        }
        String before = baseline != null ? label(baseline) : label(contract) + "@" + baselineRevision.trim();
        GateReport report = ContractGate.diff(before, label(contract), basedir.toPath(), failOn());
        finish(report);
    }
}
