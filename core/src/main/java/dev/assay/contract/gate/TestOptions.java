package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The choices of {@link ContractGate#test}. Immutable; {@code with...} methods return a copy.
 *
 * <pre>{@code
 * TestOptions options = TestOptions.in(Path.of("."))
 *         .withServer("local")
 *         .withData("orders", "build/orders.csv")
 *         .withFailOn(FailOn.WARNING);
 * }</pre>
 *
 * @param workingDir the folder relative paths (a {@code local} server's {@code path}, {@code data} paths)
 *     resolve against
 * @param server the {@code servers} entry to read, by its {@code server} name; empty for the only one
 * @param failOn whether failed warning-severity rules fail the gate
 * @param allowNotExecuted whether parts Assay does not execute are allowed instead of failing the gate
 * @param data files to read for some objects instead of the server: object name to a local path or URI
 *     (a file, a folder or a glob; the format by extension)
 * @param jdbcUrl a JDBC URL to use instead of the one the server's settings give (e.g. a test database)
 * @param user the database user, or empty
 * @param password the database password (never from the contract), or empty
 * @param fileOptions store options for files, e.g. {@code s3.endpoint}, {@code s3.region}, {@code
 *     s3.path-style}; the server's {@code endpointUrl} and {@code region} fill the first two when not given
 */
public record TestOptions(
        Path workingDir,
        Optional<String> server,
        FailOn failOn,
        boolean allowNotExecuted,
        Map<String, String> data,
        Optional<String> jdbcUrl,
        Optional<String> user,
        Optional<String> password,
        Map<String, String> fileOptions) {
    public TestOptions {
        requireNonNull(workingDir, "workingDir is null");
        requireNonNull(server, "server is null");
        requireNonNull(failOn, "failOn is null");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(data, "data is null")));
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        fileOptions =
                Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fileOptions, "fileOptions is null")));
    }

    /** The defaults: the only server, fail on errors, nothing left unexecuted, no overrides. */
    public static TestOptions in(Path workingDir) {
        return new TestOptions(
                workingDir,
                Optional.empty(),
                FailOn.ERROR,
                false,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    /** With the server named {@code name}. */
    public TestOptions withServer(String name) {
        return new TestOptions(
                workingDir, Optional.of(name), failOn, allowNotExecuted, data, jdbcUrl, user, password, fileOptions);
    }

    /** With the fail-on policy. */
    public TestOptions withFailOn(FailOn policy) {
        return new TestOptions(
                workingDir, server, policy, allowNotExecuted, data, jdbcUrl, user, password, fileOptions);
    }

    /** Allowing (or not) parts that are not executed. */
    public TestOptions withAllowNotExecuted(boolean allow) {
        return new TestOptions(workingDir, server, failOn, allow, data, jdbcUrl, user, password, fileOptions);
    }

    /** Reading {@code object} from {@code location} instead of the server. */
    public TestOptions withData(String object, String location) {
        Map<String, String> all = new LinkedHashMap<>(data);
        all.put(requireNonNull(object, "object is null"), requireNonNull(location, "location is null"));
        return new TestOptions(workingDir, server, failOn, allowNotExecuted, all, jdbcUrl, user, password, fileOptions);
    }

    /** Reaching the server's database at {@code url} instead. */
    public TestOptions withJdbcUrl(String url) {
        return new TestOptions(
                workingDir, server, failOn, allowNotExecuted, data, Optional.of(url), user, password, fileOptions);
    }

    /** With database credentials; {@code password} may be empty. */
    public TestOptions withCredentials(String user, Optional<String> password) {
        return new TestOptions(
                workingDir, server, failOn, allowNotExecuted, data, jdbcUrl, Optional.of(user), password, fileOptions);
    }

    /** With a store option for files, e.g. {@code s3.endpoint}. */
    public TestOptions withFileOption(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(fileOptions);
        all.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return new TestOptions(workingDir, server, failOn, allowNotExecuted, data, jdbcUrl, user, password, all);
    }
}
