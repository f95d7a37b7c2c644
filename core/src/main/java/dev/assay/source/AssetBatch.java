package dev.assay.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The files of one batch request of a {@link FileAsset}, read as one dataset. Immutable and thread-safe. */
final class AssetBatch implements Batch {
    private final String name;
    private final Batch data;
    private final BatchIdentity identity;

    AssetBatch(
            String asset,
            BatchRequest request,
            List<FileLocation> files,
            List<String> relativeFiles,
            Map<String, String> groups,
            FileFormat format) {
        this.name = groups.isEmpty()
                ? asset
                : asset
                        + groups.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", ", " [", "]"));
        this.data = format.open(List.copyOf(files));
        this.identity = new BatchIdentity(asset, request.toString(), relativeFiles, groups);
    }

    /** The asset's name and the group values its files share, like {@code trips [year=2024, month=01]}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public DatasetSchema schema() {
        return data.schema();
    }

    @Override
    public List<Split> splits(ScanRequest request) {
        return data.splits(request);
    }

    @Override
    public Optional<BatchStatistics> statistics() {
        return data.statistics();
    }

    @Override
    public Optional<BatchIdentity> identity() {
        return Optional.of(identity);
    }

    @Override
    public String toString() {
        return "AssetBatch[" + name + "]";
    }
}
