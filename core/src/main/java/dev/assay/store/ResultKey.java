package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a stored validation result is: its suite, data asset, batch, run time and run id. The store key is
 * {@code validations/<suite>/<asset>/<batch>/<run time>-<run id>.json}, each name made a safe segment
 * with {@link StoreKeys#segment}, the run time in UTC to the microsecond ({@code
 * 20240131T060000.000000Z}), so the keys of one batch sort by time.
 *
 * @param suite the suite's name
 * @param asset the data asset's name (the batch's name for data that is not an asset, such as one file)
 * @param batch the batch, as its request reads (e.g. {@code {day=2024-01-31}}), or the batch's name
 * @param runTime when the validation started
 * @param runId a short random id that tells apart runs of one batch started in the same microsecond
 */
public record ResultKey(String suite, String asset, String batch, Instant runTime, String runId) {
    /** The folder under which results are stored. */
    public static final String PREFIX = "validations/";

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern FILE = Pattern.compile("(\\d{8}T\\d{6}\\.\\d{6}Z)-([0-9a-z]+)\\.json");

    /** Newest first, then by suite, asset and batch. */
    public static final Comparator<ResultKey> NEWEST_FIRST = Comparator.comparing(ResultKey::runTime)
            .reversed()
            .thenComparing(ResultKey::suite)
            .thenComparing(ResultKey::asset)
            .thenComparing(ResultKey::batch)
            .thenComparing(ResultKey::runId);

    public ResultKey {
        requireNonNull(suite, "suite is null");
        requireNonNull(asset, "asset is null");
        requireNonNull(batch, "batch is null");
        requireNonNull(runTime, "runTime is null");
        requireNonNull(runId, "runId is null");
        if (!runId.matches("[0-9a-z]+")) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION, "a run id is lower-case letters and digits: '" + runId + "'");
        }
    }

    /** The store key. */
    public String key() {
        return PREFIX + StoreKeys.segment(suite) + "/" + StoreKeys.segment(asset) + "/" + StoreKeys.segment(batch) + "/"
                + TIME.format(runTime) + "-" + runId + ".json";
    }

    /** The key's parts, or empty for a key that is not a result's (such as a stray file). */
    public static Optional<ResultKey> parse(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        Matcher m = FILE.matcher(parts[3]);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.from(TIME.parse(m.group(1)));
            return Optional.of(new ResultKey(
                    StoreKeys.decode(parts[0]),
                    StoreKeys.decode(parts[1]),
                    StoreKeys.decode(parts[2]),
                    time,
                    m.group(2)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
