package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What the index and the suite and asset pages show of one stored run; kept in the site's manifest so a
 * rebuild need not read the run's result again.
 *
 * @param key the result's key in the results store
 * @param page the key of the run's page in the site
 * @param runId the run id ({@code meta.run_id})
 * @param suite the suite's name
 * @param asset the data asset ({@code meta.data_asset})
 * @param batch the batch ({@code meta.batch_key})
 * @param time when the validation started
 * @param checkpoint the checkpoint that ran it, or empty
 * @param success whether every expectation held
 * @param evaluated how many expectations were evaluated
 * @param successful how many held
 * @param successPercent the share that held, in percent
 */
record RunSummary(
        String key,
        String page,
        String runId,
        String suite,
        String asset,
        String batch,
        Instant time,
        String checkpoint,
        boolean success,
        int evaluated,
        int successful,
        double successPercent) {
    RunSummary {
        requireNonNull(key, "key is null");
        requireNonNull(page, "page is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(suite, "suite is null");
        requireNonNull(asset, "asset is null");
        requireNonNull(batch, "batch is null");
        requireNonNull(time, "time is null");
        requireNonNull(checkpoint, "checkpoint is null");
    }

    int unsuccessful() {
        return evaluated - successful;
    }
}
