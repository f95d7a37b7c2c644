package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JdbcSourceErrorTest {
    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Nested
    class Connecting {
        @Test
        void an_unreachable_server_is_named_with_the_drivers_message_and_no_password() {
            JdbcSource source = JdbcSource.of("jdbc:postgresql://127.0.0.1:1/test?user=u&password=hunter22");

            SourceUnavailableException e = catchThrowableOfType(
                    SourceUnavailableException.class,
                    () -> source.table("t").batch().schema());

            assertThat(e)
                    .hasMessage("Cannot connect to jdbc:postgresql://127.0.0.1:1/test?user=u&password=***: "
                            + "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct"
                            + " and that the postmaster is accepting TCP/IP connections.");
            assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
            assertThat(stackTrace(e)).doesNotContain("hunter22");
        }

        @Test
        void a_missing_driver_is_reported_without_the_password_the_driver_repeats() {
            JdbcSource source = JdbcSource.of("jdbc:nosuchdb://db.example:5/x;user=u;password=hunter22");

            SourceUnavailableException e = catchThrowableOfType(
                    SourceUnavailableException.class,
                    () -> source.query("q", "SELECT 1").batch().schema());

            assertThat(e)
                    .hasMessage("Cannot connect to jdbc:nosuchdb://db.example:5/x;user=u;password=***: "
                            + "No suitable driver found for jdbc:nosuchdb://db.example:5/x;user=u;password=***");
            assertThat(stackTrace(e)).doesNotContain("hunter22");
        }

        @Test
        void a_password_given_apart_is_masked_wherever_the_driver_repeats_it() {
            JdbcSource source = JdbcSource.of("jdbc:nosuchdb://u:hunter22@db.example/x", "u", "hunter22");

            assertThat(source).hasToString("JdbcSource[jdbc:nosuchdb://u:***@db.example/x]");
            assertThatThrownBy(() -> source.table("t").batch().schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("Cannot connect to jdbc:nosuchdb://u:***@db.example/x: "
                            + "No suitable driver found for jdbc:nosuchdb://u:***@db.example/x");
        }

        @Test
        void an_unreachable_h2_server_is_reported_too() {
            JdbcSource source = JdbcSource.of("jdbc:h2:tcp://127.0.0.1:1/mem:x", "sa", "hunter22");

            assertThatThrownBy(() -> source.table("t").batch().schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("Cannot connect to jdbc:h2:tcp://127.0.0.1:1/mem:x: Connection is broken:")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter22"));
        }
    }

    @Nested
    class Describing {
        @Test
        void to_string_masks_passwords_in_url_parameters() {
            assertThat(JdbcSource.of("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                    .hasToString("JdbcSource[jdbc:postgresql://h/db?user=u&password=***&ssl=true]");
            assertThat(JdbcSource.of("jdbc:sqlserver://h;user=u;Password=s3cret;encrypt=true"))
                    .hasToString("JdbcSource[jdbc:sqlserver://h;user=u;Password=***;encrypt=true]");
        }

        @Test
        void an_asset_names_its_relation_and_the_masked_url() {
            JdbcSource source = JdbcSource.of("jdbc:h2:mem:x;PASSWORD=s3cret");

            assertThat(source).hasToString("JdbcSource[jdbc:h2:mem:x;PASSWORD=***]");
            assertThat(source.root()).isEqualTo("jdbc:h2:mem:x;PASSWORD=***");
            assertThat(source.table("sales.orders"))
                    .hasToString("JdbcAsset[sales.orders of jdbc:h2:mem:x;PASSWORD=***]");
            assertThat(source.query("recent", "SELECT 1").named("r"))
                    .hasToString("JdbcAsset[r of jdbc:h2:mem:x;PASSWORD=***]");
            assertThat(source.query("recent", "SELECT 1").batch())
                    .hasToString("JdbcBatch[query recent of jdbc:h2:mem:x;PASSWORD=***]");
        }
    }

    @Nested
    class Naming {
        @Test
        void credentials_come_from_the_environment_or_a_properties_file_and_stay_secret(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.util.Map<String, String> env = java.util.Map.of(
                    "ORDERS_DB_URL", "jdbc:h2:mem:creds;DB_CLOSE_DELAY=-1",
                    "ORDERS_DB_USER", "sa",
                    "ORDERS_DB_PASSWORD", "s3cret-env");
            JdbcSource fromEnv = JdbcSource.fromEnvironment("ORDERS_DB", env::get);
            java.nio.file.Path file = dir.resolve("orders.properties");
            java.nio.file.Files.writeString(
                    file, "url=jdbc:h2:mem:creds2;DB_CLOSE_DELAY=-1\nuser=sa\npassword=s3cret-file\n");
            JdbcSource fromFile = JdbcSource.fromProperties(file);

            assertThat(fromEnv.query("one", "SELECT 1 AS n").batch().schema().columnNames())
                    .containsExactly("N");
            assertThat(fromFile.query("one", "SELECT 1 AS n").batch().schema().columnNames())
                    .containsExactly("N");
            assertThat(fromEnv.toString() + fromFile).doesNotContain("s3cret");
            assertThatThrownBy(() -> JdbcSource.fromEnvironment("MISSING_DB", env::get))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("environment variable MISSING_DB_URL is not set; it names the database, with"
                            + " MISSING_DB_USER and MISSING_DB_PASSWORD for the credentials");
            java.nio.file.Path noUrl = dir.resolve("no-url.properties");
            java.nio.file.Files.writeString(noUrl, "password=s3cret-file\n");
            assertThatThrownBy(() -> JdbcSource.fromProperties(noUrl))
                    .hasMessage("the database properties " + noUrl + " have no 'url' (keys: url, user, password)");
            assertThatThrownBy(() -> JdbcSource.fromProperties(dir.resolve("absent.properties")))
                    .hasMessageStartingWith("cannot read the database properties ");
            // A wrong password is reported without the password.
            JdbcSource wrong = JdbcSource.fromEnvironment(
                    "ORDERS_DB",
                    java.util.Map.of(
                            "ORDERS_DB_URL", "jdbc:h2:mem:creds3;DB_CLOSE_DELAY=-1;IFEXISTS=FALSE",
                            "ORDERS_DB_USER", "sa",
                            "ORDERS_DB_PASSWORD", "s3cret-env")::get);
            wrong.query("one", "SELECT 1").batch(); // creates the database with this password
            JdbcSource other = JdbcSource.fromEnvironment(
                    "ORDERS_DB",
                    java.util.Map.of(
                            "ORDERS_DB_URL", "jdbc:h2:mem:creds3;DB_CLOSE_DELAY=-1",
                            "ORDERS_DB_USER", "sa",
                            "ORDERS_DB_PASSWORD", "not-it-s3cret")::get);
            assertThatThrownBy(() -> other.query("one", "SELECT 1").batch())
                    .isInstanceOf(dev.assay.error.SourceUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        }

        @Test
        void an_unknown_dialect_is_rejected_with_the_known_ones() {
            JdbcSource source = JdbcSource.of("jdbc:h2:mem:x");

            assertThatThrownBy(() -> source.withDialect("oracle"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown SQL dialect 'oracle'; one of [postgresql, mariadb, mysql, duckdb, h2, sqlite,"
                            + " ansi]");
            assertThat(source.withDialect("postgresql")).hasToString(source.toString());
        }

        @Test
        void a_table_name_with_an_empty_part_is_rejected() {
            JdbcSource source = JdbcSource.of("jdbc:h2:mem:x");

            assertThatThrownBy(() -> source.table("sales.").batch())
                    .isInstanceOf(AssayException.class)
                    .hasMessage("Invalid table name 'sales.'; expected table, schema.table or catalog.schema.table");
            assertThatThrownBy(() -> source.table("a.b.c.d").batch())
                    .hasMessage("Invalid table name 'a.b.c.d'; expected table, schema.table or catalog.schema.table");
        }

        @Test
        void an_empty_query_is_rejected() {
            assertThatThrownBy(() ->
                            JdbcSource.of("jdbc:h2:mem:x").query("q", " ; ").batch())
                    .isInstanceOf(AssayException.class)
                    .hasMessage("Query 'q' is empty");
        }
    }
}
