package dev.assay.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.result.ValidationResult;
import dev.assay.source.FileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestPartitionTest {
    @TempDir
    Path lake;

    @Test
    void the_newest_partition_is_validated_and_recorded() throws IOException {
        Path trips = Path.of("project/data/trips.csv");
        Path may = lake.resolve("trips/year=2024/month=5/part-0.csv");
        Path april = lake.resolve("trips/year=2024/month=4/part-0.csv");
        Files.createDirectories(may.getParent());
        Files.createDirectories(april.getParent());
        Files.copy(trips, may);
        Files.writeString(april, "not,the,latest\n");
        Files.writeString(may.resolveSibling("_SUCCESS"), "");

        ValidationResult result =
                LatestPartition.validateLatest(FileSource.folder(lake), Instant.parse("2024-05-02T06:00:00Z"));

        assertThat(result.success()).as(result.unsuccessful().toString()).isTrue();
        assertThat(result.batchName()).isEqualTo("trips [year=2024, month=5]");
        assertThat(result.batchIdentity().orElseThrow().files()).containsExactly("trips/year=2024/month=5/part-0.csv");
    }
}
