package dev.assay.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The contract fixtures under src/test/resources/contracts. */
final class Contracts {
    private Contracts() {}

    static Path file(String name) {
        try {
            return Path.of(Contracts.class.getResource("/contracts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static DataContract orders() {
        return DataContract.read(file("orders.odcs.yaml"));
    }

    static DataContract shop() {
        return DataContract.read(file("shop.odcs.yaml"));
    }

    /** A minimal valid 3.1.0 contract whose only object is {@code t}, with the given YAML under it. */
    static String withObject(String objectYaml) {
        return "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nschema:\n"
                + "  - name: t\n" + objectYaml;
    }
}
