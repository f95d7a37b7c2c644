package dev.assay.examples;

import dev.assay.engine.Validator;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import dev.assay.source.DataAsset;
import dev.assay.source.FileDataSource;
import dev.assay.source.FileSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Validates the newest partition of a lake: the files under {@code trips/year=YYYY/month=MM/}, CSV or
 * Parquet (picked by extension), in a local folder or an S3 prefix alike. The result records which files
 * and which partition were validated.
 *
 * <p>Run: {@code java ... dev.assay.examples.LatestPartition s3://analytics-lake/raw/} (with {@code
 * assay-s3} on the class path) or a local folder; see {@code LatestPartitionTest}.
 */
public final class LatestPartition {
    private LatestPartition() {}

    /** Validates the latest {@code trips} partition of {@code lake} with the pipeline suite, as of {@code now}. */
    public static ValidationResult validateLatest(FileDataSource lake, Instant now) {
        DataAsset trips = lake.asset("trips", "trips/year={year}/month={month}/*");
        Validator validator = Validator.create().withClock(Clock.fixed(now, ZoneOffset.UTC));
        return validator.validate(trips.latestBatch(), TripsPipelineStep.suite());
    }

    public static void main(String[] args) {
        FileDataSource lake = FileSource.at(args.length > 0 ? args[0] : "data/lake", Map.of());
        ValidationResult result = validateLatest(lake, Instant.now());
        System.out.print(ResultText.render(result, false));
        System.exit(result.success() ? 0 : 1);
    }
}
