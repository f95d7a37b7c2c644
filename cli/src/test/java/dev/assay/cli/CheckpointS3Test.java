package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import dev.assay.s3.S3ProxyFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A project whose stores and data docs site are in S3 (an in-process s3proxy), as a Lambda or a
 * container without a disk would keep them: the checkpoint stores there, and the site is served from there.
 */
class CheckpointS3Test {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path dir;

    private List<String> keys(String bucket, String prefix) {
        return S3
                .admin()
                .listObjectsV2(ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .build())
                .contents()
                .stream()
                .map(S3Object::key)
                .toList();
    }

    @Test
    void results_metric_history_and_the_docs_site_live_in_a_bucket() throws IOException {
        String bucket = S3.bucket();
        Path project = dir.resolve("proj");
        assertThat(run("init", project.toString()).code()).isZero();
        Path yml = project.resolve("assay.yml");
        String settings =
                """
                settings:
                  s3.endpoint: %s
                  s3.path-style: true
                  s3.region: us-east-1
                  s3.profile: assay-test
                """
                        .formatted(S3.endpoint());
        Files.writeString(
                yml,
                Files.readString(yml)
                                .replace("results: results/", "results: s3://" + bucket + "/assay/results/")
                                .replace("metrics: metrics/", "metrics: s3://" + bucket + "/assay/metrics/")
                                .replace("local: docs/", "local: s3://" + bucket + "/site/")
                        + settings);

        Result r = run("checkpoint", "run", "nightly_trips", "--project", project.toString(), "--ascii");

        assertThat(r.code()).as(r.out() + "\n" + r.err()).isZero();
        assertThat(r.out())
                .contains("stored 2 results in s3://" + bucket + "/assay/results/")
                .contains("ok   update_data_docs: data docs updated: 2 new runs");
        assertThat(keys(bucket, "assay/results/validations/")).hasSize(2).allSatisfy(k -> assertThat(k)
                .endsWith(".json"));
        assertThat(keys(bucket, "assay/metrics/")).hasSize(1);
        // Static hosting serves pages by their content type.
        assertThat(S3.admin()
                        .headObject(HeadObjectRequest.builder()
                                .bucket(bucket)
                                .key("site/index.html")
                                .build())
                        .contentType())
                .startsWith("text/html");
        assertThat(project.resolve("results")).doesNotExist();
        assertThat(project.resolve("docs")).doesNotExist();

        Result rebuilt = run("docs", "build", "--full", "--project", project.toString());
        assertThat(rebuilt.code()).isZero();
        assertThat(rebuilt.out()).contains("Data docs rebuilt in s3://" + bucket + "/site/");
    }
}
