package dev.assay.jdbc;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.error.SourceUnavailableException;
import dev.assay.model.ExpectationSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** A MariaDB session killed by the server while it computes a validation's aggregate. */
@EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_ENV, matches = ".+")
class MariaDbConnectionLossTest {
    @Test
    void a_connection_killed_while_the_database_aggregates_fails_the_validation() throws Exception {
        String url = System.getenv(TestDatabase.MARIADB_ENV);
        // Each row sleeps a millisecond (a nullable value, so the count must compute it): minutes, unless killed.
        JdbcBatch batch = JdbcSource.of(url)
                .query("slow", "SELECT IF(SLEEP(0.001) = 0, seq, NULL) AS g FROM seq_1_to_200000")
                .batch();
        ExpectationSuite suite =
                ExpectationSuite.named("slow").expect(column("g").notNull()).build();
        try (Connection admin = DriverManager.getConnection(url)) {
            Thread killer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    try (Statement statement = admin.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT ID FROM information_schema.PROCESSLIST"
                                    + " WHERE ID <> CONNECTION_ID() AND INFO LIKE 'SELECT COUNT(*)%SLEEP(0.001)%'")) {
                        while (rows.next()) {
                            try (Statement kill = admin.createStatement()) {
                                kill.execute("KILL CONNECTION " + rows.getLong(1));
                            }
                        }
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (java.sql.SQLException e) {
                        // The session may end between listing and killing it: look again.
                    }
                }
            });
            killer.start();
            try {
                assertThatThrownBy(() -> Validator.create().validate(batch, suite))
                        .isInstanceOf(SourceUnavailableException.class)
                        .hasMessageStartingWith("Lost the connection to " + url + " while validating 'slow': ");
            } finally {
                killer.interrupt();
                killer.join();
            }
        }
    }
}
