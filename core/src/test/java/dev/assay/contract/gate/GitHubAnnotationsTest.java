package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsTest {
    @Test
    void escapes_percent_and_line_breaks_in_the_message() {
        assertThat(GitHubAnnotations.command("error", "", OptionalInt.empty(), "", "50% of rows\r\nare: null, x"))
                .isEqualTo("::error::50%25 of rows%0D%0Aare: null, x\n");
    }

    @Test
    void escapes_colons_and_commas_in_properties_as_well() {
        assertThat(GitHubAnnotations.command(
                        "warning", "contracts/a,b.yaml", OptionalInt.of(12), "orders: schema[0] 100%\nnew", "m"))
                .isEqualTo("::warning file=contracts/a%2Cb.yaml,line=12,title=orders%3A schema[0] 100%25%0Anew::m\n");
    }

    @Test
    void a_title_without_a_file_follows_the_command() {
        assertThat(GitHubAnnotations.command("notice", "", OptionalInt.of(3), "t", "m"))
                .isEqualTo("::notice title=t::m\n");
    }

    @Test
    void rejects_an_unknown_level() {
        assertThatThrownBy(() -> GitHubAnnotations.command("info", "f", OptionalInt.empty(), "t", "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be error, warning or notice, got 'info'");
    }

    @Test
    void a_file_is_named_from_the_repository_root_when_running_in_github_actions(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path repo) {
        String contract = repo.resolve("module/contracts/orders.odcs.yaml").toString();

        assertThat(GitHubAnnotations.repositoryPath(contract, repo.toString()))
                .isEqualTo("module/contracts/orders.odcs.yaml");
        assertThat(GitHubAnnotations.repositoryPath(contract, null)).isEqualTo(contract);
        assertThat(GitHubAnnotations.repositoryPath("/elsewhere/c.yaml", repo.toString()))
                .isEqualTo("/elsewhere/c.yaml");
    }
}
