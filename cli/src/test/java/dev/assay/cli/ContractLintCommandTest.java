package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.ContractFixture.writeContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay contract lint}: exit codes, the GitHub format and usage errors. */
class ContractLintCommandTest {
    @TempDir
    Path dir;

    @Test
    void a_clean_contract_exits_0() throws IOException {
        Path c = writeContract(dir, "");

        Result r = run("contract", "lint", c.toString());

        assertThat(r.out()).isEqualTo("contract lint " + c + ": PASSED (exit 0): 0 passed\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void an_error_exits_1_with_its_line() throws IOException {
        Path c = writeContract(dir, "");
        Files.writeString(c, Files.readString(c).replace("minimum: 0", "minimum: 5\n          maximum: 1"));

        Result r = run("contract", "lint", c.toString(), "--format", "github");

        assertThat(r.out()).startsWith("::error file=" + c.toString().replace(":", "%3A") + ",line=");
        assertThat(r.out()).contains("no value can lie between minimum 5 and maximum 1");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void an_unreadable_file_exits_2() {
        Result r = run("contract", "lint", dir.resolve("none.yaml").toString());

        assertThat(r.out()).startsWith("ERROR Contract file not found: ");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void a_bad_format_is_a_usage_error() throws IOException {
        Path c = writeContract(dir, "");

        Result r = run("contract", "lint", c.toString(), "--format", "xml");

        assertThat(r.err()).contains("--format must be text, json or github, got 'xml'");
        assertThat(r.code()).isEqualTo(2);
    }
}
