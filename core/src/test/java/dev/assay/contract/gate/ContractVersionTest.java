package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.contract.gate.Change.Severity;
import dev.assay.error.AssayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions read from a real git repository made in a temporary folder. */
class ContractVersionTest {
    private static final String V1 = "apiVersion: v3.1.0\nkind: DataContract\nid: shop\nversion: 1.0.0\n"
            + "status: active\nschema:\n  - name: orders\n    properties:\n      - name: id\n"
            + "        logicalType: integer\n      - name: note\n        logicalType: string\n";
    private static final String V2 = V1.replace("version: 1.0.0", "version: 2.0.0")
            .replace("      - name: note\n        logicalType: string\n", "");

    @TempDir
    Path repo;

    private Path contract;

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }

    @BeforeEach
    void commitTwoVersions() throws Exception {
        git("init", "-q", "-b", "main");
        Files.createDirectories(repo.resolve("contracts"));
        contract = repo.resolve("contracts/orders.odcs.yaml");
        Files.writeString(contract, V1);
        git("add", ".");
        git("commit", "-q", "-m", "v1");
        git("tag", "v1");
        Files.writeString(contract, V2);
        git("commit", "-q", "-am", "v2");
    }

    @Test
    void reads_the_file_at_a_revision_from_a_sub_folder() {
        ContractVersion old = ContractVersion.resolve("orders.odcs.yaml@HEAD~1", repo.resolve("contracts"));

        assertThat(old.text()).isEqualTo(V1);
        assertThat(old.label()).isEqualTo("orders.odcs.yaml@HEAD~1");
        assertThat(old.contract().version()).isEqualTo("1.0.0");
    }

    @Test
    void diffs_a_tag_against_the_working_tree() {
        List<Change> changes = ContractDiff.diff(
                ContractVersion.resolve("contracts/orders.odcs.yaml@v1", repo),
                ContractVersion.resolve("contracts/orders.odcs.yaml", repo));

        assertThat(changes)
                .extracting(Change::severity, Change::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.INFO, "version changed from '1.0.0' to '2.0.0'"),
                        org.assertj.core.groups.Tuple.tuple(
                                Severity.BREAKING,
                                "property 'orders.note' removed (a rename is a removal plus an addition)"));
    }

    @Test
    void an_unknown_revision_is_named() {
        assertThatThrownBy(() -> ContractVersion.resolve("contracts/orders.odcs.yaml@nope", repo))
                .isInstanceOf(AssayException.class)
                .hasMessageStartingWith(
                        "Cannot read contracts/orders.odcs.yaml@nope: git revision 'nope' not found in ");
    }

    @Test
    void a_file_missing_at_the_revision_is_named() throws Exception {
        Files.writeString(repo.resolve("contracts/new.odcs.yaml"), V1);

        assertThatThrownBy(() -> ContractVersion.resolve("contracts/new.odcs.yaml@v1", repo))
                .isInstanceOf(AssayException.class)
                .hasMessageStartingWith("Cannot read contracts/new.odcs.yaml@v1: contracts/new.odcs.yaml does not"
                        + " exist at git revision 'v1' (");
    }

    @Test
    void a_folder_outside_any_repository_is_named(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("c.yaml"), V1);

        assertThatThrownBy(() -> ContractVersion.resolve("c.yaml@main", elsewhere))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("is not in a git repository");
    }

    @Test
    void a_missing_file_without_revision_is_named() {
        assertThatThrownBy(() -> ContractVersion.resolve("contracts/gone.yaml", repo))
                .isInstanceOf(AssayException.class)
                .hasMessage("Contract file not found: contracts/gone.yaml");
    }
}
