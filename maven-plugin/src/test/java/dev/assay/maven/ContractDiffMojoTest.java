package dev.assay.maven;

import static dev.assay.maven.MojoFixture.assertBuildFailure;
import static dev.assay.maven.MojoFixture.assertExecutionError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDiffMojoTest {
    private static final String V1 =
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: shop
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    required: true
                  - name: amount
                    logicalType: number
            """;
    private static final String V2_OPTIONAL_COLUMN = V1.replace("version: 1.0.0", "version: 1.1.0")
            + """
                  - name: note
                    logicalType: string
            """;
    private static final String V2_NARROWED = V1.replace("version: 1.0.0", "version: 2.0.0")
            .replace("name: amount\n        logicalType: number", "name: amount\n        logicalType: integer");

    @TempDir
    Path dir;

    private MojoFixture module;
    private RecordingLog log;
    private ContractDiffMojo mojo;

    @BeforeEach
    void mojo() {
        module = new MojoFixture(dir);
        log = module.log;
        mojo = module.contract(new ContractDiffMojo());
    }

    private Path report() {
        return module.report("contract-diff-shop");
    }

    @Nested
    class Against_a_baseline_file {
        @Test
        void an_added_optional_column_passes() throws Exception {
            mojo.baseline = module.write("contracts/shop-1.0.odcs.yaml", V1).toFile();
            mojo.contract =
                    module.write("contracts/shop.odcs.yaml", V2_OPTIONAL_COLUMN).toFile();

            mojo.execute();

            assertThat(log.lines("info"))
                    .anyMatch(l -> l.startsWith("INFO         contracts/shop.odcs.yaml:")
                            && l.contains("optional property 'orders.note' added"))
                    .contains("contract diff contracts/shop.odcs.yaml: PASSED (exit 0): 0 passed, 2 info");
            assertThat(report()).isRegularFile();
        }

        @Test
        void a_narrowed_type_is_a_breaking_change_that_fails_the_build() throws Exception {
            mojo.baseline = module.write("contracts/shop-1.0.odcs.yaml", V1).toFile();
            mojo.contract =
                    module.write("contracts/shop.odcs.yaml", V2_NARROWED).toFile();

            assertBuildFailure(mojo)
                    .hasMessage("Assay: contract diff contracts/shop.odcs.yaml: FAILED (exit 1): 0 passed, 1 breach,"
                            + " 1 info\n\n"
                            + "BREAKING contracts/shop.odcs.yaml:13 diff: schema[0].properties[1].logicalType:"
                            + " property 'orders.amount': logicalType narrowed from number to integer\n\n"
                            + "Report: " + report());
            assertThat(Files.readString(report())).contains("type=\"breaking\"");
        }

        @Test
        void a_missing_baseline_is_an_error() throws IOException {
            mojo.baseline = dir.resolve("contracts/nope.odcs.yaml").toFile();
            mojo.contract = module.write("contracts/shop.odcs.yaml", V1).toFile();

            assertExecutionError(mojo)
                    .hasMessageStartingWith("Assay: contract diff contracts/shop.odcs.yaml could not run:\n  ")
                    .hasMessageContaining("contracts/nope.odcs.yaml");
        }
    }

    @Nested
    class Against_a_git_revision {
        @BeforeEach
        void repository() throws Exception {
            module.write("contracts/shop.odcs.yaml", V1);
            git("init", "-q", "-b", "main");
            git("add", ".");
            git("commit", "-q", "-m", "v1");
            mojo.contract = dir.resolve("contracts/shop.odcs.yaml").toFile();
        }

        @Test
        void the_committed_version_is_the_baseline() throws Exception {
            module.write("contracts/shop.odcs.yaml", V2_NARROWED);
            mojo.baselineRevision = "HEAD";

            assertBuildFailure(mojo)
                    .hasMessageContaining("BREAKING contracts/shop.odcs.yaml:13 diff:"
                            + " schema[0].properties[1].logicalType: property 'orders.amount': logicalType narrowed"
                            + " from number to integer");
        }

        @Test
        void an_unchanged_contract_passes() throws Exception {
            mojo.baselineRevision = "main";

            mojo.execute();

            assertThat(log.lines("info")).contains("contract diff contracts/shop.odcs.yaml: PASSED (exit 0): 0 passed");
        }

        @Test
        void an_unknown_revision_is_an_error_naming_it() {
            mojo.baselineRevision = "release-9";

            assertExecutionError(mojo)
                    .hasMessageStartingWith("Assay: contract diff contracts/shop.odcs.yaml could not run:\n"
                            + "  Cannot read contracts/shop.odcs.yaml@release-9: git revision 'release-9' not found");
        }

        private void git(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor())
                    .as("git %s: %s", String.join(" ", args), output)
                    .isZero();
        }
    }

    @Nested
    class Configuration {
        @Test
        void a_baseline_is_required() throws IOException {
            mojo.contract = module.write("contracts/shop.odcs.yaml", V1).toFile();

            assertExecutionError(mojo)
                    .hasMessage("Assay: contract-diff needs a baseline to compare contracts/shop.odcs.yaml with:"
                            + " <baselineRevision> (a git revision such as origin/main) or <baseline> (a file)");
        }

        @Test
        void a_baseline_file_and_a_revision_are_refused_together() throws IOException {
            mojo.contract = module.write("contracts/shop.odcs.yaml", V1).toFile();
            mojo.baseline = dir.resolve("contracts/old.odcs.yaml").toFile();
            mojo.baselineRevision = "main";

            assertExecutionError(mojo)
                    .hasMessage("Assay: set either <baseline> or <baselineRevision>, not both; got " + mojo.baseline
                            + " and 'main'");
        }

        @Test
        void skip_does_nothing() throws Exception {
            mojo.skip = true;

            mojo.execute();

            assertThat(log.lines("info")).containsExactly("Skipping Assay (assay.skip)");
        }
    }
}
