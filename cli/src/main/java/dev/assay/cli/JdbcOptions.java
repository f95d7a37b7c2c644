package dev.assay.cli;

import dev.assay.error.SourceUnavailableException;
import dev.assay.jdbc.JdbcAsset;
import dev.assay.jdbc.JdbcSource;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of {@code assay validate} for {@code --data jdbc:...}: which table or query, which user, and how
 * a table splits into batches for {@code --latest}. The password comes from the environment variable {@value
 * #PASSWORD_ENV}, never from the command line, where {@code ps} would show it. Not thread-safe (picocli fills
 * the fields).
 */
final class JdbcOptions {
    /** The environment variable that holds the database password. */
    static final String PASSWORD_ENV = "ASSAY_JDBC_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "For jdbc: data: the table or view to validate, e.g. orders or public.orders (each part"
                    + " matched exactly, case included).")
    String table;

    @Option(
            names = "--query",
            paramLabel = "SQL",
            description = "For jdbc: data: a SELECT whose rows to validate, instead of --table.")
    String query;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "For jdbc: data: the database user; the password is read from the environment variable "
                    + PASSWORD_ENV + " (a user and password in the URL work too).")
    String user;

    @Option(
            names = "--partition-by",
            paramLabel = "COLUMN[:day|month|year]",
            description = "For jdbc: data with --latest: split the table by the values of COLUMN, or by the day,"
                    + " month or year of a date or timestamp column, and validate the last part.")
    String partitionBy;

    /** Whether {@code data} names a JDBC database. */
    static boolean isJdbc(String data) {
        return data.regionMatches(true, 0, "jdbc:", 0, "jdbc:".length());
    }

    /** Rejects these options for data that is not a JDBC database. */
    void rejectWithoutJdbc() {
        if (table != null || query != null || user != null || partitionBy != null) {
            throw usage("--table, --query, --user and --partition-by apply to jdbc: data only");
        }
    }

    /**
     * The batch of the table or query at {@code url} that {@code request} selects, or the last partition when
     * {@code latest}.
     *
     * @param environment where {@value #PASSWORD_ENV} is looked up
     */
    Batch batch(String url, BatchRequest request, boolean latest, Map<String, String> environment) {
        if (table != null && query != null) {
            throw usage("--table and --query cannot be combined: give one");
        }
        if (table == null && query == null) {
            throw usage("jdbc: data needs --table NAME or --query SQL");
        }
        if (latest && partitionBy == null) {
            throw usage("--latest on jdbc: data needs --partition-by COLUMN[:day|month|year]");
        }
        if (partitionBy != null && !latest) {
            throw usage("--partition-by is used with --latest; select a batch with --batch COLUMN=VALUE");
        }
        JdbcSource source = source(url, environment);
        requireDriver(url, source);
        JdbcAsset asset = table != null ? source.table(table) : source.query("query", query);
        if (latest) {
            return partitioned(asset).latestBatch();
        }
        return asset.batch(request);
    }

    private JdbcSource source(String url, Map<String, String> environment) {
        String password = environment.get(PASSWORD_ENV);
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (user == null && password == null) {
            return JdbcSource.of(url);
        }
        if (user == null) {
            // Which of a URL's user and a separate password wins differs by driver: ask for both explicitly.
            throw usage(PASSWORD_ENV + " is set: give the user with --user NAME");
        }
        // Without a password only the user is given, so a password in the URL still applies.
        return JdbcSource.of(url, user, password);
    }

    /** Fails early, saying how to add a driver, when none on the class path takes {@code url}. */
    private static void requireDriver(String url, JdbcSource source) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SourceUnavailableException(
                    "No JDBC driver for " + source.root() + ": assay bundles the drivers of PostgreSQL"
                            + " (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:) and H2 (jdbc:h2:); put"
                            + " another driver's jar on ASSAY_CLASSPATH",
                    e);
        }
    }

    private JdbcAsset partitioned(JdbcAsset asset) {
        int colon = partitionBy.lastIndexOf(':');
        if (colon < 0) {
            return asset.partitionedBy(partitionBy);
        }
        String column = partitionBy.substring(0, colon);
        String unit = partitionBy.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (column.isEmpty() || !(unit.equals("day") || unit.equals("month") || unit.equals("year"))) {
            throw usage("--partition-by must be COLUMN or COLUMN:day, COLUMN:month or COLUMN:year, got '" + partitionBy
                    + "'");
        }
        ChronoUnit chronoUnit =
                unit.equals("day") ? ChronoUnit.DAYS : unit.equals("month") ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
        return asset.partitionedBy(column, chronoUnit);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
