package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/contracts.md compiles to what the page says. */
class DocsExampleTest {
    @Test
    void the_example_contract_compiles_as_documented() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "contracts.md"));
        int start = page.indexOf("```yaml\n", page.indexOf("## Example")) + "```yaml\n".length();
        String yaml = page.substring(start, page.indexOf("```", start));

        CompiledContract compiled = ContractCompiler.compile(DataContract.parse(yaml, "docs/contracts.md"));

        assertThat(compiled.suites().values())
                .extracting(s -> s.name())
                .containsExactly("shop.orders", "shop.customers");
        assertThat(compiled.sqlChecks()).hasSize(1);
        assertThat(compiled.foreignKeys())
                .extracting(ForeignKey::describe)
                .containsExactly("orders.customer_id -> customers.customer_id");
        assertThat(compiled.notExecuted()).extracting(NotExecuted::path).containsExactly("slaProperties[0]");
    }
}
