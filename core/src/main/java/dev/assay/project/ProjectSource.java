package dev.assay.project;

import dev.assay.source.DataAsset;
import dev.assay.source.DataSource;

/** A data source declared in a project, and how a checkpoint's validation names an asset in it. */
public interface ProjectSource {
    /** The source. */
    DataSource source();

    /**
     * The asset a validation names: it reads its own keys of {@code validation} (for files {@code asset},
     * {@code pattern}, {@code format}; for a database {@code table} or {@code query}, ...) and leaves the
     * others ({@code suite}, {@code batch}, ...) to the checkpoint.
     */
    DataAsset asset(Config validation);

    /** The keys {@link #asset} reads, for the message about an unknown key. */
    java.util.List<String> assetKeys();
}
