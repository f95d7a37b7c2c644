package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.ContractFixture.bigOrdersRule;
import static dev.assay.cli.ContractFixture.contract;
import static dev.assay.cli.ContractFixture.orders;
import static dev.assay.cli.ContractFixture.writeContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import dev.assay.s3.S3ProxyFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay contract test} on CSV files, of a {@code local} server and of an {@code s3} server in an in-process
 * s3proxy: exit codes, the text report and how a server, the data and the gate are chosen.
 */
class ContractTestCommandTest {
    @TempDir
    Path dir;

    @Test
    void passes_with_exit_0() throws IOException {
        orders(dir, "1,open,10.5", "2,paid,20.0");
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith(": PASSED (exit 0): 9 passed\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void a_breach_exits_1_and_says_which_rule() throws IOException {
        orders(dir, "1,open,10.5", "1,paid,-3.0");
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local");

        assertThat(r.out())
                .contains("BREACH       " + c + ":21 orders: schema[0].properties[0].primaryKey"
                        + " expect_column_values_to_be_unique(order_id): 2 of 2 values (100%) are duplicates\n"
                        + "             unexpected: 2 of 2 non-missing values\n"
                        + "             samples: 1 (row 0), 1 (row 1)\n")
                .contains("BREACH       " + c + ":33 orders: schema[0].properties[2].logicalTypeOptions"
                        + " expect_column_values_to_be_between(amount): 1 of 2 values (50%) are not >= 0\n")
                .endsWith(": FAILED (exit 1): 7 passed, 2 breaches\n");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void a_failed_warning_rule_fails_only_with_fail_on_warning() throws IOException {
        orders(dir, "1,open,10.5", "2,lost,20.0");
        Path c = writeContract(dir, "");

        Result lenient = run("contract", "test", c.toString(), "--server", "local");
        Result strict = run("contract", "test", c.toString(), "--server", "local", "--fail-on", "warning");

        assertThat(lenient.out()).contains("WARNING      " + c + ":26 orders:");
        assertThat(lenient.code()).isZero();
        assertThat(strict.out()).contains("[fails the gate]");
        assertThat(strict.code()).isEqualTo(1);
    }

    @Test
    void a_rule_assay_cannot_run_fails_unless_allowed() throws IOException {
        orders(dir, "1,open,10.5");
        Path c = writeContract(dir, bigOrdersRule("mustBe: 0"));

        Result strict = run("contract", "test", c.toString(), "--server", "local");
        Result allowed = run("contract", "test", c.toString(), "--server", "local", "--allow-not-executed");

        assertThat(strict.out())
                .contains("NOT EXECUTED " + c
                        + ":38 orders: schema[0].quality[1] sql rule: sql rule not executed: sql rules"
                        + " run through JDBC, and server 'local' is of type local [fails the gate]\n");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(allowed.out()).endsWith(": PASSED (exit 0): 9 passed, 1 not executed\n");
        assertThat(allowed.code()).isZero();
    }

    @Test
    void data_points_an_object_at_other_files() throws IOException {
        orders(dir, "1,open,-1.0");
        Path ci = dir.resolve("ci.csv");
        Files.writeString(ci, "order_id,status,amount\n1,open,1.0\n");
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local", "--data", "orders=" + ci);

        assertThat(r.code()).isZero();
    }

    @Test
    void several_servers_without_a_choice_exit_2() throws IOException {
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString());

        assertThat(r.out())
                .startsWith("ERROR contract " + c + " has 2 servers; choose one with --server NAME:"
                        + " [local, warehouse]\n");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void missing_data_exits_2() throws IOException {
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local");

        assertThat(r.out()).startsWith("ERROR object 'orders': ");
        assertThat(r.code()).isEqualTo(2);
    }

    @Nested
    class TestOnS3 {
        @RegisterExtension
        static final S3ProxyFixture S3 = new S3ProxyFixture();

        @Test
        void reads_each_object_from_the_servers_location_with_the_model_placeholder() throws IOException {
            String bucket = S3.bucket();
            S3.put(bucket, "raw/orders.csv", "order_id,status,amount\n1,open,10.5\n2,paid,-1.0\n");
            Path c = dir.resolve("s3.odcs.yaml");
            Files.writeString(
                    c,
                    contract(dir, "")
                            .replace(
                                    "  - server: local\n    type: local\n    path: " + dir.resolve("data")
                                            + "/{model}.csv\n" + "    format: csv\n",
                                    "  - server: lake\n    type: s3\n    location: s3://" + bucket
                                            + "/raw/{model}.csv\n" + "    endpointUrl: " + S3.endpoint()
                                            + "\n    format: csv\n"));

            Result r = run(
                    "contract", "test", c.toString(), "--server", "lake", "--s3-path-style", "--profile", "assay-test");

            assertThat(r.out())
                    .contains("BREACH       " + c + ":34 orders: schema[0].properties[2].logicalTypeOptions"
                            + " expect_column_values_to_be_between(amount): 1 of 2 values (50%) are not >= 0\n")
                    .endsWith(": FAILED (exit 1): 8 passed, 1 breach\n");
            assertThat(r.code()).isEqualTo(1);
        }
    }
}
