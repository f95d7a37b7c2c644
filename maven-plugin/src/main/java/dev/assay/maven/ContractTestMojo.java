package dev.assay.maven;

import dev.assay.contract.gate.ContractGate;
import dev.assay.contract.gate.GateReport;
import dev.assay.contract.gate.TestOptions;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tests data against an ODCS v3 data contract, as {@code assay contract test} does, and fails the build when the
 * contract is breached: each schema object's checks run on that object's data, then the foreign keys across
 * objects and, on a database server, the contract's sql rules. The data comes from one of the contract's {@code
 * servers} (local or S3 files, a JDBC database), or per object from {@code <objects>}. A part of the contract that
 * was not executed fails it too, unless {@code <allowNotExecuted>} is set. Writes a JUnit XML report with one test
 * case per rule.
 *
 * <p>A breach (or, with {@code <failOn>warning</failOn>}, a failed warning rule; or a part not executed) fails
 * the build with a {@link MojoFailureException} listing each one; an invalid contract, an unknown server or data
 * that cannot be read with a {@link MojoExecutionException}. Thread-safe for parallel builds.
 */
@Mojo(name = "contract-test", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ContractTestMojo extends AbstractContractMojo {
    /** The contract's server to read the data from, by its {@code server} name; by default the only one. */
    @Parameter(property = "assay.server")
    String server;

    /**
     * The data of objects by name, instead of the server's: a file, a folder or a glob relative to the project,
     * such as {@code <orders>src/test/data/orders.csv</orders>}.
     */
    @Parameter
    Map<String, String> objects;

    /** For a database server: a JDBC URL to use instead of the one the server's settings give. */
    @Parameter(property = "assay.jdbcUrl")
    String jdbcUrl;

    /** For a database server: the user; the password is the environment's ASSAY_JDBC_PASSWORD. */
    @Parameter(property = "assay.user")
    String user;

    /** Lets the contract pass with parts Assay did not execute (still listed); by default they fail it. */
    @Parameter(property = "assay.allowNotExecuted", defaultValue = "false")
    boolean allowNotExecuted;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        TestOptions options =
                TestOptions.in(basedir.toPath()).withFailOn(failOn()).withAllowNotExecuted(allowNotExecuted);
        if (server != null) {
            options = options.withServer(server);
        }
        if (objects != null) {
            for (Map.Entry<String, String> object : objects.entrySet()) {
                if (object.getValue() == null || object.getValue().isBlank()) {
                    throw new MojoExecutionException("Assay: <objects><" + object.getKey()
                            + "> is empty: give the file, folder or glob that holds the object's data");
                }
                options = options.withData(object.getKey(), object.getValue().trim());
            }
        }
        if (jdbcUrl != null) {
            if (!jdbcUrl.startsWith("jdbc:")) {
                throw new MojoExecutionException("Assay: <jdbcUrl> must start with 'jdbc:', got '" + jdbcUrl + "'");
            }
            options = options.withJdbcUrl(jdbcUrl);
        }
        Optional<String> secret = DataBatches.password(environment);
        if (user != null) {
            options = options.withCredentials(user, secret);
        } else if (secret.isPresent()) {
            throw new MojoExecutionException(
                    "Assay: " + DataBatches.PASSWORD_ENV + " is set: give the database user with <user>");
        }
        GateReport report = ContractGate.test(contract.toPath(), label(contract), options);
        finish(report);
    }
}
