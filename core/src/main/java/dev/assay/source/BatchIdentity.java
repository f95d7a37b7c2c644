package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of a {@link DataAsset} is, recorded in the validation result so that a result can be
 * traced to its data. Immutable.
 *
 * @param asset the asset's name
 * @param request the batch request, as text (e.g. {@code {month=01..03, year=2024}})
 * @param files the files read, relative to the asset's folder, in reading order; empty for an asset that
 *     is not made of files (a table)
 * @param groups the group values every file of the batch shares, in pattern order
 */
public record BatchIdentity(String asset, String request, List<String> files, Map<String, String> groups) {
    public BatchIdentity {
        requireNonNull(asset, "asset is null");
        requireNonNull(request, "request is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(groups, "groups is null")));
    }
}
