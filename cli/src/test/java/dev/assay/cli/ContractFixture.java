package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the {@code assay contract} tests work on, in a test's folder: the orders contract, its CSV data and
 * a git repository holding it.
 */
final class ContractFixture {
    private ContractFixture() {}

    /** The contract: orders from {@code <dir>/data/{model}.csv} locally, or from a MySQL-type server. */
    static String contract(Path dir, String extraRules) {
        return "apiVersion: v3.1.0\n"
                + "kind: DataContract\n"
                + "id: shop\n"
                + "version: 1.0.0\n"
                + "status: active\n"
                + "servers:\n"
                + "  - server: local\n"
                + "    type: local\n"
                + "    path: " + dir.resolve("data") + "/{model}.csv\n"
                + "    format: csv\n"
                + "  - server: warehouse\n"
                + "    type: mysql\n"
                + "    host: db.example.internal\n"
                + "    port: 3306\n"
                + "    database: shop\n"
                + "schema:\n"
                + "  - name: orders\n"
                + "    properties:\n"
                + "      - name: order_id\n"
                + "        logicalType: integer\n"
                + "        primaryKey: true\n"
                + "        required: true\n"
                + "      - name: status\n"
                + "        logicalType: string\n"
                + "        quality:\n"
                + "          - metric: invalidValues\n"
                + "            arguments:\n"
                + "              validValues: [open, paid]\n"
                + "            mustBe: 0\n"
                + "            severity: warning\n"
                + "      - name: amount\n"
                + "        logicalType: number\n"
                + "        logicalTypeOptions:\n"
                + "          minimum: 0\n"
                + "    quality:\n"
                + "      - metric: rowCount\n"
                + "        mustBeGreaterThan: 0\n"
                + extraRules;
    }

    /**
     * An sql rule on orders: how many orders are over 1000 (one of the H2 and server tables' two), which {@code
     * threshold} such as {@code mustBe: 0} checks.
     */
    static String bigOrdersRule(String threshold) {
        return "      - type: sql\n        query: SELECT COUNT(*) FROM {object} WHERE amount > 1000\n        "
                + threshold + "\n";
    }

    /** Writes {@link #contract} to {@code <dir>/orders.odcs.yaml}. */
    static Path writeContract(Path dir, String extraRules) throws IOException {
        Path c = dir.resolve("orders.odcs.yaml");
        Files.writeString(c, contract(dir, extraRules));
        return c;
    }

    /** Writes {@code rows} as the local server's {@code orders} data. */
    static void orders(Path dir, String... rows) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/orders.csv"), "order_id,status,amount\n" + String.join("\n", rows) + "\n");
    }

    /** Makes {@code dir} a git repository on branch main whose one commit holds {@link #writeContract}. */
    static Path committedContract(Path dir) throws IOException, InterruptedException {
        Path c = writeContract(dir, "");
        git(dir, "init", "-q", "-b", "main");
        git(dir, "add", ".");
        git(dir, "commit", "-q", "-m", "v1");
        return c;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }
}
