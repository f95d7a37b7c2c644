package dev.assay.maven;

import static java.util.Objects.requireNonNull;

import dev.assay.csv.DataLocations;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.jdbc.JdbcAsset;
import dev.assay.jdbc.JdbcSource;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.FileStores;
import java.io.File;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Turns the {@code <data>} of the {@code validate} goal into a batch: a file, a folder or a glob (local, or a URI
 * such as {@code s3://} when its module is on the plugin's class path), read as CSV or Parquet; or a JDBC URL with a
 * table or a query. Relative paths are relative to the Maven project's folder. Stateless.
 */
final class DataBatches {
    /** The environment variable that holds the database password, as for {@code assay validate}. */
    static final String PASSWORD_ENV = "ASSAY_JDBC_PASSWORD";

    private DataBatches() {}

    /**
     * What to read: {@code data} as configured, and the settings that go with it.
     *
     * @param data the {@code <data>} value, never null
     * @param inputFormat {@code csv}, {@code parquet} or another format's name, or null for by extension
     * @param table for JDBC data, the table, or null
     * @param query for JDBC data, a SELECT, or null
     * @param user for JDBC data, the user, or null
     */
    record Request(String data, String inputFormat, String table, String query, String user) {
        Request {
            requireNonNull(data, "data is null");
        }
    }

    /**
     * The batch {@code request} names.
     *
     * @param basedir the folder relative paths are resolved against
     * @param environment where {@value #PASSWORD_ENV} is looked up
     * @throws AssayException with the configuration key at fault, or when the data cannot be found
     */
    static Batch open(Request request, Path basedir, Map<String, String> environment) {
        String data = request.data().trim();
        if (data.isEmpty()) {
            throw configuration("<data> is empty: give a file, a folder, a glob or a jdbc: URL");
        }
        if (isJdbc(data)) {
            if (request.inputFormat() != null) {
                throw configuration("<inputFormat> applies to files, not to jdbc: data");
            }
            return jdbc(data, request, environment);
        }
        if (request.table() != null || request.query() != null || request.user() != null) {
            throw configuration("<table>, <query> and <user> apply to jdbc: data only, not to '" + data + "'");
        }
        return files(data, request.inputFormat(), basedir);
    }

    static boolean isJdbc(String data) {
        return data.regionMatches(true, 0, "jdbc:", 0, "jdbc:".length());
    }

    private static Batch files(String data, String inputFormat, Path basedir) {
        boolean remote = FileStores.scheme(data) != null;
        // Strings, not Paths: a glob's characters are not valid in a Windows path.
        String location = remote || new File(data).isAbsolute() ? data : basedir.toString() + File.separator + data;
        return DataLocations.batch(
                data,
                location,
                new DataLocations.Options(inputFormat, "<inputFormat>", Map.of(), UnaryOperator.identity()));
    }

    private static Batch jdbc(String url, Request request, Map<String, String> environment) {
        if (request.table() != null && request.query() != null) {
            throw configuration("<table> and <query> cannot be combined: give one");
        }
        if (request.table() == null && request.query() == null) {
            throw configuration("jdbc: data needs <table> or <query>");
        }
        JdbcSource source = jdbcSource(url, request.user(), environment);
        JdbcAsset asset =
                request.table() != null ? source.table(request.table()) : source.query("query", request.query());
        return asset.batch(BatchRequest.all());
    }

    /**
     * A source over the database at {@code url}, as {@code user} (or the URL's) with the password of {@value
     * #PASSWORD_ENV}, once a driver for it is known to be on the class path.
     *
     * @param user the user, or null
     * @throws AssayException when the password is set without a user, or no driver takes the URL
     */
    private static JdbcSource jdbcSource(String url, String user, Map<String, String> environment) {
        String password = password(environment).orElse(null);
        JdbcSource source;
        if (user == null && password == null) {
            source = JdbcSource.of(url);
        } else if (user == null) {
            // Which of a URL's user and a separate password wins differs by driver: ask for both explicitly.
            throw configuration(PASSWORD_ENV + " is set: give the user with <user>");
        } else {
            source = JdbcSource.of(url, user, password);
        }
        // DriverManager loads the drivers it finds once per JVM, with whatever class loader was current then; in
        // a Maven build that may have been another plugin's. Loading ours registers the ones the POM adds here.
        ServiceLoader.load(Driver.class, DataBatches.class.getClassLoader()).forEach(driver -> {});
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SourceUnavailableException(
                    "No JDBC driver for " + source.root() + ": add the driver to the assay-maven-plugin's"
                            + " <dependencies> in the POM",
                    e);
        }
        return source;
    }

    /** The database password: {@value #PASSWORD_ENV} in {@code environment}, unless it is unset or empty. */
    static Optional<String> password(Map<String, String> environment) {
        String password = environment.get(PASSWORD_ENV);
        return password == null || password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    private static AssayException configuration(String message) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
