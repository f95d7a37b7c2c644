package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.error.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store in a local folder. A write goes to a hidden temporary file in the target's folder, is forced to
 * disk, and is then renamed over the target (an atomic replace on POSIX file systems and NTFS); a create
 * hard-links the temporary file to the target, which fails atomically when the target exists. Hidden
 * temporary files ({@code .tmp-*}), such as one left by a killed writer, are never listed.
 */
final class LocalStore implements Store {
    static final String TEMP_PREFIX = ".tmp-";

    private final Path folder;

    LocalStore(Path folder) {
        this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
    }

    @Override
    public String root() {
        return folder.toString();
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path path = path(key);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String key, byte[] content) {
        Path target = path(key);
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreUnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean create(String key, byte[] content) {
        Path target = path(key);
        Path temp = writeTemp(target, content);
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            throw new StoreUnavailableException("cannot create " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public List<String> list(String prefix) {
        requireNonNull(prefix, "prefix is null");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        int cut = prefix.lastIndexOf('/');
        Path start = cut < 0 ? folder : folder.resolve(prefix.substring(0, cut));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(p -> !p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .filter(Files::isRegularFile)
                    .map(this::key)
                    .filter(k -> k.startsWith(prefix))
                    .forEach(keys::add);
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException || e instanceof NoSuchFileException) {
                return list(prefix); // a folder vanished while walking; list again
            }
            throw new StoreUnavailableException("cannot list " + start + ": " + e.getMessage(), e);
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    @Override
    public boolean delete(String key) {
        Path path = path(key);
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private Path path(String key) {
        StoreKeys.check(key);
        return folder.resolve(key);
    }

    private String key(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path part : folder.relativize(path)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private Path writeTemp(Path target, byte[] content) {
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StoreUnavailableException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file is never listed
        }
    }

    @Override
    public String toString() {
        return "LocalStore[" + folder + "]";
    }
}
