package dev.assay.source;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.internal.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named set of files in a {@link FileDataSource}, matched by a path pattern whose groups (such as
 * {@code {year}}) split the files into batches: the {@link DataAsset} of files. A batch may span many
 * files, read as one dataset in path order. A {@link BatchRequest} names groups; a group's value is
 * compared as a number when both sides are numbers, otherwise as text. Immutable and thread-safe; the
 * store is listed on every call.
 *
 * <pre>{@code
 * Batch january = trips.batch(BatchRequest.of("year", "2024", "month", "01"));
 * Batch q1 = trips.batch(BatchRequest.range("month", "01", "03").and("year", "2024"));
 * Batch day = events.batch(BatchRequest.partition("day", LocalDate.of(2024, 1, 31))); // {day} = 2024-01-31
 * Batch latest = trips.latestBatch();
 * }</pre>
 */
public final class FileAsset implements DataAsset {
    private static final int SHOWN_BATCHES = 5;

    private final FileStore store;
    private final String name;
    private final FilePattern pattern;
    private final FileFormat format;

    FileAsset(FileStore store, String name, FilePattern pattern, FileFormat format) {
        this.store = store;
        this.name = name;
        this.pattern = pattern;
        this.format = format;
    }

    /** The asset's name, never null. */
    @Override
    public String name() {
        return name;
    }

    /** The pattern as written, never null. */
    public String pattern() {
        return pattern.text();
    }

    /**
     * The files of {@code request} as one batch, whose {@link Batch#identity() identity} records the
     * asset, the files and the group values.
     *
     * @param request the request, never null; {@link BatchRequest#all()} for every file
     * @throws AssayException with {@code INVALID_CONFIGURATION} when the request names a group the asset
     *     does not have; with {@code SOURCE_UNAVAILABLE} when no file matches or the store cannot be listed
     */
    @Override
    public Batch batch(BatchRequest request) {
        Objects.requireNonNull(request, "request is null");
        return batch(request, matches());
    }

    private Batch batch(BatchRequest request, List<Match> matches) {
        checkGroups(request, matches);
        List<Match> selected =
                matches.stream().filter(m -> request.matches(m.groups())).toList();
        if (selected.isEmpty()) {
            throw new SourceUnavailableException("no files of asset '" + name + "' match batch request " + request
                    + " (pattern '" + pattern.text() + "' in " + store.root() + "); available batches: "
                    + shown(batches(matches)));
        }
        return new AssetBatch(
                name,
                request,
                selected.stream().map(Match::location).toList(),
                selected.stream().map(Match::path).toList(),
                common(selected),
                checkFormats(selected));
    }

    /**
     * The batch with the greatest group values, compared group by group in pattern order, numbers by
     * value ({@code 10 > 9}).
     *
     * @throws AssayException with {@code SOURCE_UNAVAILABLE} when no file matches or the store cannot be listed
     */
    @Override
    public Batch latestBatch() {
        List<Match> matches = matches(); // one listing: a remote store charges for each
        List<BatchRequest> batches = batches(matches);
        if (batches.isEmpty()) {
            throw new SourceUnavailableException(
                    "no files of asset '" + name + "' match pattern '" + pattern.text() + "' in " + store.root());
        }
        return batch(batches.get(batches.size() - 1), matches);
    }

    /**
     * Every distinct combination of group values, as requests for one value per group, sorted by their
     * values in group order (numbers by value). Empty when no file matches.
     *
     * @throws AssayException with {@code SOURCE_UNAVAILABLE} when the store cannot be listed
     */
    @Override
    public List<BatchRequest> availableBatches() {
        return batches(matches());
    }

    private List<Match> matches() {
        List<Match> out = new ArrayList<>();
        for (FileStore.StoredFile file : store.list()) {
            String path = file.path();
            if (hidden(path)
                    || (format instanceof FileFormats.ByExtension auto
                            && auto.formatName(path).isEmpty())) {
                continue;
            }
            pattern.match(path).ifPresent(groups -> out.add(new Match(path, groups, file.location())));
        }
        return out;
    }

    /** True when a segment of {@code path} starts with {@code .} or {@code _}, as Hadoop, Spark and Hive mark. */
    private static boolean hidden(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.startsWith(".") || segment.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The format, once checked that the files of a batch read by extension share one format. */
    private FileFormat checkFormats(List<Match> selected) {
        if (!(format instanceof FileFormats.ByExtension auto)) {
            return format;
        }
        Map<String, String> example = new LinkedHashMap<>();
        for (Match m : selected) {
            example.putIfAbsent(auto.formatName(m.path()).orElseThrow(), m.path());
        }
        if (example.size() > 1) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "the files of a batch of asset '" + name + "' are of different formats ("
                            + example.entrySet().stream()
                                    .map(e -> e.getValue() + " is " + e.getKey())
                                    .collect(Collectors.joining(", "))
                            + "); narrow the pattern '" + pattern.text() + "' or declare the asset with a format");
        }
        return format;
    }

    private List<String> groupNames(List<Match> matches) {
        Set<String> names = new LinkedHashSet<>(pattern.groups());
        matches.forEach(m -> names.addAll(m.groups().keySet()));
        return List.copyOf(names);
    }

    private List<BatchRequest> batches(List<Match> matches) {
        List<String> names = groupNames(matches);
        Set<Map<String, String>> distinct = new LinkedHashSet<>();
        for (Match m : matches) {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String n : names) {
                String v = m.groups().get(n);
                if (v != null) {
                    ordered.put(n, v);
                }
            }
            distinct.add(ordered);
        }
        Comparator<Map<String, String>> order = (a, b) -> {
            for (String n : names) {
                String x = a.get(n);
                String y = b.get(n);
                if (x == null || y == null) {
                    if (x != y) {
                        return x == null ? -1 : 1;
                    }
                    continue;
                }
                int c = BatchRequest.compareValues(x, y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return distinct.stream().sorted(order).map(BatchRequest::of).toList();
    }

    private void checkGroups(BatchRequest request, List<Match> matches) {
        List<String> names = groupNames(matches);
        for (String group : request.groups()) {
            if (!names.contains(group)) {
                Optional<String> nearest = Names.nearest(group, names);
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "asset '" + name + "' has no group '" + group + "' (groups: " + names + ")"
                                + nearest.map(n -> "; did you mean '" + n + "'?")
                                        .orElse(""));
            }
        }
    }

    /** The group values every selected file shares, in group order. */
    private static Map<String, String> common(List<Match> selected) {
        Map<String, String> out = new LinkedHashMap<>(selected.get(0).groups());
        for (Match m : selected) {
            out.entrySet().removeIf(e -> !e.getValue().equals(m.groups().get(e.getKey())));
        }
        return out;
    }

    private static String shown(List<BatchRequest> batches) {
        if (batches.isEmpty()) {
            return "none";
        }
        String head = batches.stream()
                .limit(SHOWN_BATCHES)
                .map(BatchRequest::toString)
                .collect(Collectors.joining(", "));
        return batches.size() > SHOWN_BATCHES ? head + " and " + (batches.size() - SHOWN_BATCHES) + " more" : head;
    }

    @Override
    public String toString() {
        return "FileAsset[" + name + ", '" + pattern.text() + "' in " + store.root() + "]";
    }

    private record Match(String path, Map<String, String> groups, FileLocation location) {}
}
