package dev.assay.maven;

import static dev.assay.maven.MojoFixture.assertBuildFailure;
import static dev.assay.maven.MojoFixture.assertExecutionError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate goal with a suite and a jdbc: URL as its data, on an in-memory H2 database. */
class ValidateMojoDatabaseTest {
    private static final String URL = "jdbc:h2:mem:maven_plugin_trips;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    private MojoFixture module;
    private RecordingLog log;
    private ValidateMojo mojo;

    @BeforeEach
    void database() throws Exception {
        module = new MojoFixture(dir);
        log = module.log;
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS trips");
            s.execute("CREATE TABLE trips (\"trip_id\" INT, \"fare\" DOUBLE PRECISION)");
            s.execute("INSERT INTO trips VALUES (1, 12.5), (2, 30), (3, 250)");
        }
        mojo = Trips.suiteMojo(module);
        mojo.data = URL;
    }

    @Test
    void a_table_is_validated_in_the_database() {
        mojo.table = "TRIPS";

        assertBuildFailure(mojo)
                .hasMessageContaining("1 expectation did not hold")
                .hasMessageContaining("1 of 3 values (33.33%) are outside [0, 100]");
    }

    @Test
    void a_query_is_validated_in_the_database() throws Exception {
        mojo.query = "SELECT * FROM trips WHERE \"fare\" < 100";

        mojo.execute();

        assertThat(log.lines("info")).anyMatch(l -> l.contains("PASSED"));
    }

    @Test
    void table_and_query_together_are_refused() {
        mojo.table = "TRIPS";
        mojo.query = "SELECT 1";

        assertExecutionError(mojo).hasMessage("Assay: <table> and <query> cannot be combined: give one");
    }

    @Test
    void a_password_needs_a_user() {
        mojo.table = "TRIPS";
        mojo.environment = Map.of("ASSAY_JDBC_PASSWORD", "secret");

        assertExecutionError(mojo).hasMessage("Assay: ASSAY_JDBC_PASSWORD is set: give the user with <user>");
    }

    @Test
    void a_url_without_a_driver_says_how_to_add_one() {
        mojo.data = "jdbc:nosuchdb://127.0.0.1/x";
        mojo.table = "trips";

        assertExecutionError(mojo)
                .hasMessageContaining("No JDBC driver for ")
                .hasMessageEndingWith("add the driver to the assay-maven-plugin's <dependencies> in the POM");
    }

    @Test
    void an_unknown_table_is_named() throws SQLException {
        mojo.table = "NO_SUCH_TABLE";

        assertExecutionError(mojo).hasMessageContaining("NO_SUCH_TABLE");
    }
}
