package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.ContractFixture.committedContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay contract diff} between a contract at a git revision of a real repository and the working file. */
class ContractDiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void a_breaking_change_against_a_revision_exits_1() throws Exception {
        Path c = committedContract(dir);
        Files.writeString(
                c, Files.readString(c).replace("        logicalType: number\n", "        logicalType: integer\n"));

        Result r = run("contract", "diff", c + "@main", c.toString());

        assertThat(r.out())
                .startsWith("BREAKING     " + c
                        + ":32 diff: schema[0].properties[2].logicalType: property 'orders.amount': logicalType narrowed"
                        + " from number to integer\n");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void an_added_optional_column_exits_0() throws Exception {
        Path c = committedContract(dir);
        Files.writeString(
                c,
                Files.readString(c)
                        .replace(
                                "    quality:\n      - metric: rowCount",
                                "      - name: note\n        logicalType: string\n    quality:\n      - metric: rowCount"));

        Result r = run("contract", "diff", c + "@HEAD", c.toString(), "--format", "github");

        assertThat(r.out()).contains("::notice file=").contains("info: optional property 'orders.note' added");
        assertThat(r.code()).isZero();
    }

    @Test
    void a_widened_type_fails_only_with_fail_on_warning() throws Exception {
        Path c = committedContract(dir);
        Files.writeString(
                c,
                Files.readString(c)
                        .replace(
                                "        logicalType: integer\n        primaryKey",
                                "        logicalType: number\n        primaryKey"));

        assertThat(run("contract", "diff", c + "@HEAD", c.toString()).code()).isZero();
        assertThat(run("contract", "diff", c + "@HEAD", c.toString(), "--fail-on", "warning")
                        .code())
                .isEqualTo(1);
    }

    @Test
    void an_unknown_revision_exits_2() throws Exception {
        Path c = committedContract(dir);

        Result r = run("contract", "diff", c + "@v9", c.toString());

        assertThat(r.out()).startsWith("ERROR Cannot read " + c + "@v9: git revision 'v9' not found in ");
        assertThat(r.code()).isEqualTo(2);
    }
}
