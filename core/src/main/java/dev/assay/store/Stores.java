package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.source.FileStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the store for a location: a local folder, or a URI a {@link StoreProvider} serves. */
public final class Stores {
    private Stores() {}

    /**
     * The store at {@code location}: a local folder (relative to {@code base} unless absolute), a {@code
     * file://} URI, or a URI such as {@code s3://bucket/prefix/} whose scheme a provider on the class path
     * serves.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when no provider serves the scheme
     */
    public static Store open(String location, Path base, Map<String, String> options) {
        requireNonNull(location, "location is null");
        requireNonNull(base, "base is null");
        requireNonNull(options, "options is null");
        String scheme = FileStores.scheme(location);
        if (scheme == null) {
            return Store.local(base.resolve(location));
        }
        if (scheme.equals("file")) {
            return Store.local(Path.of(java.net.URI.create(location)));
        }
        List<String> known = new ArrayList<>(List.of("file"));
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            if (provider.scheme().equals(scheme)) {
                return provider.open(location, options);
            }
            known.add(provider.scheme());
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "no store serves '" + scheme + "://' locations (" + location + "); "
                        + (scheme.equals("s3")
                                ? "add the assay-s3 module to the class path"
                                : "known schemes: " + String.join(", ", known)));
    }
}
