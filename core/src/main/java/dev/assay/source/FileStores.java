package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the store for a location: a local path, or a URI whose scheme a {@link FileStoreProvider} on the
 * class path serves ({@code s3://} with {@code assay-s3}).
 */
public final class FileStores {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    private FileStores() {}

    /**
     * The store rooted at {@code root}: a local folder, or a URI such as {@code s3://bucket/prefix/}.
     *
     * @param options store settings, e.g. {@code s3.endpoint}; see the provider's documentation
     * @throws AssayException with {@code INVALID_CONFIGURATION} when no provider serves the URI's scheme
     */
    public static FileStore open(String root, Map<String, String> options) {
        requireNonNull(root, "root is null");
        requireNonNull(options, "options is null");
        String scheme = scheme(root);
        if (scheme == null || scheme.equals("file")) {
            return FileStore.local(Path.of(scheme == null ? root : root.substring("file://".length())));
        }
        for (FileStoreProvider p : providers()) {
            if (p.scheme().equals(scheme)) {
                return p.open(root, options);
            }
        }
        List<String> known = providers().stream().map(FileStoreProvider::scheme).toList();
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "no store serves '" + scheme + "://' locations (" + root + "); "
                        + (scheme.equals("s3")
                                ? "add the assay-s3 module to the class path"
                                : "known schemes: file" + (known.isEmpty() ? "" : ", " + String.join(", ", known))));
    }

    /** The lower-case scheme of {@code location}, or null for a plain path. */
    public static String scheme(String location) {
        Matcher m = SCHEME.matcher(location);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Splits a location as a user writes it ({@code data/trips.parquet}, {@code data/*.csv}, {@code
     * s3://bucket/raw/year=2024/}) into a store root and a {@link FilePattern} under it: the root is the
     * longest folder without wildcards; a folder (a trailing {@code /}, or an existing local directory)
     * becomes the pattern {@code **}.
     */
    public static Location split(String location) {
        requireNonNull(location, "location is null");
        String text = location;
        boolean remote = scheme(text) != null && !text.startsWith("file://");
        if (!remote && !text.endsWith("/") && !text.isEmpty() && Files.isDirectory(Path.of(text))) {
            text = text + "/";
        }
        int wildcard = firstWildcard(text);
        int cut = text.lastIndexOf('/', wildcard < 0 ? text.length() - 1 : wildcard);
        int minimum = remote ? text.indexOf("://") + 3 : -1;
        if (remote && cut < minimum) {
            cut = text.length();
            text = text + "/";
        }
        String root = cut < 0 ? "." : text.substring(0, cut + 1);
        String pattern = cut < 0 ? text : text.substring(cut + 1);
        return new Location(root, pattern.isEmpty() ? "**" : pattern);
    }

    private static int firstWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    private static List<FileStoreProvider> providers() {
        return ServiceLoader.load(FileStoreProvider.class, FileStores.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /**
     * A location split into a store root and a pattern.
     *
     * @param root the folder or URI prefix, ending in {@code /} unless it is {@code .}
     * @param pattern a {@link FilePattern} relative to the root
     */
    public record Location(String root, String pattern) {}
}
