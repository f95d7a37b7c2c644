package dev.assay.datadocs;

import dev.assay.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A real store that also remembers which keys were written, so a test can tell what a build touched. */
final class RecordingStore implements Store {
    private final Store store;
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    RecordingStore(Store store) {
        this.store = store;
    }

    List<String> writes() {
        List<String> out = new ArrayList<>(writes);
        Collections.sort(out);
        return out;
    }

    void clear() {
        writes.clear();
    }

    @Override
    public String root() {
        return store.root();
    }

    @Override
    public Optional<byte[]> read(String key) {
        return store.read(key);
    }

    @Override
    public void write(String key, byte[] content) {
        writes.add(key);
        store.write(key, content);
    }

    @Override
    public boolean create(String key, byte[] content) {
        writes.add(key);
        return store.create(key, content);
    }

    @Override
    public List<String> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public boolean delete(String key) {
        return store.delete(key);
    }
}
