package dev.assay.s3;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.source.FileStore;
import dev.assay.source.FileStoreProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens {@code s3://bucket/prefix/} locations for {@link dev.assay.source.FileStores#open}, so the CLI and
 * config files reach S3 by URI. Options:
 *
 * <ul>
 *   <li>{@code s3.endpoint}: an S3-compatible endpoint URL, e.g. {@code http://127.0.0.1:9000}
 *   <li>{@code s3.path-style}: {@code true} or {@code false}, default {@code false}
 *   <li>{@code s3.region}: e.g. {@code eu-west-1}; default the SDK's region chain, or {@code us-east-1}
 *       with an endpoint
 *   <li>{@code s3.profile}: a profile of the shared AWS config files for credentials and region
 * </ul>
 *
 * Other keys starting with {@code s3.} are an error; keys of other schemes are ignored. Thread-safe.
 */
public final class S3StoreProvider implements FileStoreProvider {
    /** The option keys this provider knows. */
    public static final List<String> OPTIONS = List.of("s3.endpoint", "s3.path-style", "s3.region", "s3.profile");

    private static final Pattern URI_PATTERN = Pattern.compile("(?i:s3)://([^/?#]+)(/[^?#]*)?");
    private static final Pattern BUCKET = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    @Override
    public String scheme() {
        return "s3";
    }

    /** An {@link S3FileStore} for {@code root}; see the class documentation for the options. */
    @Override
    public FileStore open(String root, Map<String, String> options) {
        return source(root, options).store();
    }

    /**
     * The {@link S3Source} for {@code root} (never null) with {@code options} (never null).
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} for a malformed URI, an unknown {@code s3.}
     *     option or a bad option value
     */
    public static S3Source source(String root, Map<String, String> options) {
        requireNonNull(root, "root is null");
        requireNonNull(options, "options is null");
        Matcher m = URI_PATTERN.matcher(root);
        if (!m.matches() || !BUCKET.matcher(m.group(1)).matches()) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "'" + root + "' is not an S3 location; write s3://bucket/ or s3://bucket/prefix/");
        }
        for (String key : options.keySet()) {
            if (key.toLowerCase(Locale.ROOT).startsWith("s3.") && !OPTIONS.contains(key)) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "unknown S3 option '" + key + "'; valid options: " + String.join(", ", OPTIONS));
            }
        }
        S3Source source = S3Source.bucket(m.group(1));
        String prefix = m.group(2) == null ? "" : m.group(2).substring(1);
        if (!prefix.isEmpty()) {
            source = source.prefix(prefix);
        }
        String endpoint = options.get("s3.endpoint");
        if (endpoint != null) {
            try {
                source = source.endpoint(new URI(endpoint.trim()));
            } catch (URISyntaxException e) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "option s3.endpoint is not a URL: '" + e.getInput() + "'; write e.g. http://127.0.0.1:9000",
                        e);
            }
        }
        String pathStyle = options.get("s3.path-style");
        if (pathStyle != null) {
            String value = pathStyle.trim().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "option s3.path-style must be true or false, got '" + pathStyle + "'");
            }
            source = source.pathStyle(Boolean.parseBoolean(value));
        }
        String region = options.get("s3.region");
        if (region != null) {
            source = source.region(region);
        }
        String profile = options.get("s3.profile");
        if (profile != null) {
            source = source.profile(profile);
        }
        return source;
    }
}
