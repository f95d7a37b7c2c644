package dev.assay.maven;

import dev.assay.contract.CompiledContract;
import dev.assay.contract.ContractCompiler;
import dev.assay.contract.ContractServer;
import dev.assay.contract.ContractVerification;
import dev.assay.contract.DataContract;
import dev.assay.contract.NotExecuted;
import dev.assay.contract.SchemaObject;
import dev.assay.contract.SqlChecks;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.jdbc.JdbcSource;
import dev.assay.report.JUnitXmlReport;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.FileFormatProvider;
import dev.assay.source.FileFormats;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tests data against an ODCS v3 data contract and fails the build when the contract is breached: each schema
 * object's compiled suite runs on that object's data, the foreign keys across objects and, on a JDBC server, the
 * contract's sql rules. The data comes from one of the contract's {@code servers} (local or S3 files, or a JDBC
 * database), or per object from {@code <objects>}. A part of the contract that was not executed fails it too,
 * unless {@code <allowNotExecuted>} is set. Writes a JUnit XML report of the objects' results.
 *
 * <p>A breach (or, with {@code <failOn>warning</failOn>}, a failed warning rule, or a part not executed) fails
 * the build with a {@link MojoFailureException} listing each one; an invalid contract or unreachable data with a
 * {@link MojoExecutionException}. Thread-safe for parallel builds: each execution has its own instance.
 */
@Mojo(name = "contract-test", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ContractTestMojo extends AbstractAssayMojo {
    /** The contract file (ODCS v3.0.x or v3.1.0 YAML). */
    @Parameter(property = "assay.contract", required = true)
    File contract;

    /**
     * The contract's server to read the data from, by its {@code server} identifier; by default the only one,
     * when the contract has one and no {@code <objects>} are given.
     */
    @Parameter(property = "assay.server")
    String server;

    /**
     * The data of each object, by object name, over the server's: a file, a folder or a glob relative to the
     * project, such as {@code <orders>src/test/data/orders.csv</orders>}.
     */
    @Parameter
    Map<String, String> objects;

    /** For a JDBC server: the database user; the password is the environment's ASSAY_JDBC_PASSWORD. */
    @Parameter(property = "assay.user")
    String user;

    /**
     * What fails the build: {@code error} (default), a breach of a rule whose severity is not {@code info} or
     * {@code warning}; or {@code warning}, any failed rule.
     */
    @Parameter(property = "assay.failOn", defaultValue = "error")
    String failOn;

    /** Lets the contract pass with parts Assay did not execute (listed in the log); by default they fail it. */
    @Parameter(property = "assay.allowNotExecuted", defaultValue = "false")
    boolean allowNotExecuted;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        boolean warningsFail = failOn();
        Validator validator = Validator.create();
        if (now != null) {
            validator = validator.withClock(clock());
        }
        ContractVerification.Report report;
        try {
            CompiledContract compiled = ContractCompiler.compile(DataContract.read(contract.toPath()));
            report = run(compiled, validator);
        } catch (AssayException e) {
            throw new MojoExecutionException("Assay: " + e.getMessage(), e);
        }
        DataContract dc = report.compiled().contract();
        List<String> breaches = new ArrayList<>(report.breaches());
        List<String> warnings = report.warnings();
        if (warningsFail) {
            breaches.addAll(warnings);
        }
        boolean notExecutedFails = !allowNotExecuted && !report.notExecuted().isEmpty();
        boolean passed = breaches.isEmpty() && !notExecutedFails;
        log(text(report), passed);
        if (!warnings.isEmpty()) {
            getLog().warn("Warnings" + (warningsFail ? " (<failOn> is warning: they fail the build)" : "") + ":");
            warnings.forEach(w -> getLog().warn("  " + w));
        }
        List<JUnitXmlReport.TestSuite> suites = new ArrayList<>();
        report.objects().forEach((object, result) -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("contract", dc.id());
            properties.put("contract_version", dc.version());
            properties.put("object", object);
            suites.add(JUnitXmlReport.TestSuite.of(result).withProperties(properties));
        });
        Path file = writeReport(dc.id(), suites);
        if (passed) {
            return;
        }
        StringBuilder message = new StringBuilder("Assay: contract ")
                .append(dc.id())
                .append(' ')
                .append(dc.version())
                .append(" (")
                .append(contract)
                .append(") does not hold:");
        if (!breaches.isEmpty()) {
            message.append("\n\n")
                    .append(breaches.size() == 1 ? "1 failed rule" : breaches.size() + " failed rules")
                    .append(warningsFail ? " (<failOn> is warning):" : ":");
            breaches.forEach(b -> message.append("\n  ").append(b));
        }
        if (notExecutedFails) {
            message.append("\n\n")
                    .append(report.notExecuted().size())
                    .append(" not executed (set <allowNotExecuted>true</allowNotExecuted> to accept them):");
            report.notExecuted().forEach(n -> message.append("\n  ").append(n));
        }
        message.append("\n\nReport: ").append(file);
        throw new MojoFailureException(message.toString());
    }

    private boolean failOn() throws MojoExecutionException {
        String value = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        if (value.equals("error")) {
            return false;
        }
        if (value.equals("warning")) {
            return true;
        }
        throw new MojoExecutionException("Assay: <failOn> must be 'error' or 'warning', got '" + failOn + "'");
    }

    private ContractVerification.Report run(CompiledContract compiled, Validator validator)
            throws MojoExecutionException {
        DataContract dc = compiled.contract();
        Map<String, String> given = objects == null ? Map.of() : objects;
        for (String name : given.keySet()) {
            if (!compiled.suites().containsKey(name)) {
                throw configuration("<objects><" + name + "> names no object of contract " + dc.id() + "; objects: "
                        + compiled.suites().keySet());
            }
        }
        Optional<ContractServer> chosen = server(dc, !given.isEmpty());
        Map<String, Batch> batches = new LinkedHashMap<>();
        ContractServer.Jdbc database = null;
        JdbcSource source = null;
        for (String name : compiled.suites().keySet()) {
            if (given.containsKey(name)) {
                batches.put(
                        name,
                        DataBatches.open(
                                new DataBatches.Request(given.get(name), null, null, null, null),
                                basedir.toPath(),
                                environment));
                continue;
            }
            if (chosen.isEmpty()) {
                continue; // not executed, and reported so
            }
            ContractServer.Connection connection = chosen.get().connection();
            SchemaObject object = dc.object(name).orElseThrow();
            if (connection instanceof ContractServer.Files files) {
                batches.put(
                        name,
                        files(chosen.get(), files, object, compiled.suites().size()));
            } else if (connection instanceof ContractServer.Jdbc jdbc) {
                database = jdbc;
                if (source == null) {
                    source = DataBatches.jdbcSource(jdbc.url(), user, environment);
                }
                batches.put(
                        name,
                        (jdbc.schema().isPresent()
                                        ? source.table(jdbc.schema().get(), object.table())
                                        : source.table(object.table()))
                                .batch(BatchRequest.all()));
            } else if (connection instanceof ContractServer.Unsupported unsupported) {
                throw configuration(unsupported.reason() + "; give the data of each object with <objects>");
            }
        }
        if (database == null || compiled.sqlChecks().isEmpty()) {
            return ContractVerification.run(compiled, batches, Optional.empty(), validator);
        }
        try (Connection sql = connect(database.url())) {
            return ContractVerification.run(compiled, batches, Optional.of(sql), validator);
        } catch (SQLException e) {
            throw new MojoExecutionException(
                    "Assay: cannot connect to " + database.url() + " for the contract's sql rules: " + e.getMessage(),
                    e);
        }
    }

    private Connection connect(String url) throws SQLException {
        String password = environment.get(DataBatches.PASSWORD_ENV);
        if (user == null) {
            return DriverManager.getConnection(url);
        }
        return DriverManager.getConnection(url, user, password == null || password.isEmpty() ? null : password);
    }

    private Optional<ContractServer> server(DataContract dc, boolean objectsGiven) {
        if (server != null) {
            return Optional.of(dc.server(server)
                    .orElseThrow(() -> configuration("contract " + dc.id()
                            + " has no server '" + server + "'; servers: "
                            + dc.servers().stream().map(ContractServer::server).toList())));
        }
        if (objectsGiven) {
            return Optional.empty();
        }
        if (dc.servers().size() == 1) {
            return Optional.of(dc.servers().get(0));
        }
        if (dc.servers().isEmpty()) {
            throw configuration(
                    "contract " + dc.id() + " names no servers: give the data of each object with" + " <objects>");
        }
        throw configuration("contract " + dc.id() + " has servers "
                + dc.servers().stream().map(ContractServer::server).toList() + ": choose one with <server>");
    }

    private Batch files(ContractServer where, ContractServer.Files files, SchemaObject object, int objectCount) {
        if (objectCount > 1 && !files.location().contains("{model}")) {
            throw configuration("server '" + where.server() + "' (" + where.path() + ") reads the one location '"
                    + files.location() + "' but the contract has " + objectCount + " objects: put {model} in its"
                    + " location, or give the data of each object with <objects>");
        }
        if (FileFormats.providers().stream().map(FileFormatProvider::name).noneMatch(files.format()::equals)) {
            throw configuration("server '" + where.server() + "' (" + where.path() + ") holds " + files.format()
                    + " files, which Assay does not read ("
                    + FileFormats.providers().stream()
                            .map(FileFormatProvider::name)
                            .toList()
                    + "); give the data of each object with <objects>");
        }
        Map<String, String> options = files.endpointUrl().isPresent()
                ? Map.of("s3.endpoint", files.endpointUrl().get())
                : Map.of();
        return DataBatches.open(
                new DataBatches.Request(files.locationOf(object.name()), files.format(), null, null, null),
                basedir.toPath(),
                environment,
                options);
    }

    /** The run for the log: each object's summary, then the cross-object checks and what did not run. */
    private String text(ContractVerification.Report report) {
        DataContract dc = report.compiled().contract();
        StringBuilder out = new StringBuilder("Contract ")
                .append(dc.id())
                .append(' ')
                .append(dc.version())
                .append(" (")
                .append(contract)
                .append(")\n");
        for (ValidationResult result : report.objects().values()) {
            out.append('\n').append(ResultText.render(result, !ascii));
        }
        if (!report.foreignKeys().isEmpty() || !report.sql().isEmpty()) {
            out.append("\nAcross objects and in the database:\n");
            for (ExpectationResult r : report.foreignKeys()) {
                out.append("  ")
                        .append(mark(r.success()))
                        .append(r.expectation().options().meta().get("foreign_key"))
                        .append('\n');
            }
            for (SqlChecks.Outcome o : report.sql()) {
                out.append("  ")
                        .append(mark(o.success()))
                        .append(o.check().objectName())
                        .append(": ")
                        .append(o.message())
                        .append('\n');
            }
        }
        if (!report.notExecuted().isEmpty()) {
            out.append("\nNot executed")
                    .append(allowNotExecuted ? " (allowed)" : "")
                    .append(":\n");
            for (NotExecuted n : report.notExecuted()) {
                out.append("  ").append(n).append('\n');
            }
        }
        String body = out.toString();
        return body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
    }

    private String mark(boolean success) {
        return success ? (ascii ? "ok    " : "✓ ") : (ascii ? "FAIL  " : "✗ ");
    }

    private static AssayException configuration(String message) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
