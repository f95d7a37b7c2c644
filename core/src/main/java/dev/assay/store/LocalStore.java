package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.error.StoreUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in a local folder; a key's segments are folders and a file.
 *
 * <p>A write goes to a hidden temporary file ({@code .tmp-<uuid>}) in the target's folder, is forced to
 * disk, and is then renamed over the target (an atomic replace on POSIX file systems and NTFS); the folder
 * is then forced too, so the rename survives a power cut. A create hard-links the forced temporary file to
 * the target, which fails atomically when the target exists. Where the file system has no hard links
 * (some network and FAT file systems), create falls back to an exclusive lock on a hidden lock file in
 * the target's folder ({@link FileChannel#lock()}, released by the OS when a process dies), checks the
 * target is absent and renames the temporary file into place: atomic among Assay processes, but not
 * against a program that writes the folder without the lock. The fallback is announced once in the log.
 * Temporary files, such as one left by a killed writer, are never listed.
 *
 * <p>A key cannot be both an object and a folder of other keys ({@code a} and {@code a/b}): writing one
 * when the other exists fails with a message that says so. Thread-safe, and safe for several processes
 * sharing the folder.
 */
final class LocalStore implements Store {
    static final String TEMP_PREFIX = StoreKeys.TEMP_PREFIX;
    private static final String LOCK_FILE = TEMP_PREFIX + "create.lock";
    private static final int DIRECTORY_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);

    /**
     * This JVM's locks for creates without hard links, one stripe per folder: an OS file lock is held per
     * process, not per thread, so threads of one process take turns here first.
     */
    private static final ReentrantLock[] FOLDER_LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < FOLDER_LOCKS.length; i++) {
            FOLDER_LOCKS[i] = new ReentrantLock();
        }
    }

    private final Path folder;
    private final AtomicBoolean hardLinks;

    LocalStore(Path folder) {
        this(folder, true);
    }

    /** A store that, with {@code hardLinks} false, always creates under the folder lock (for tests). */
    LocalStore(Path folder, boolean hardLinks) {
        this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
        this.hardLinks = new AtomicBoolean(hardLinks);
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
            if (!Files.isRegularFile(path)) {
                return Optional.empty(); // a folder of other keys, or a parent that is an object: no object here
            }
            throw failure("read", key, e);
        }
    }

    @Override
    public void write(String key, byte[] content) {
        requireNonNull(content, "content is null");
        Path target = path(key);
        Path temp = writeTemp("write", key, target, content);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Only a provider without atomic rename gets here; the default file system always has it.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure("write", key, e);
        }
        forceFolder(target.getParent());
    }

    @Override
    public boolean create(String key, byte[] content) {
        requireNonNull(content, "content is null");
        Path target = path(key);
        Path temp = writeTemp("create", key, target, content);
        try {
            if (hardLinks.get()) {
                try {
                    Files.createLink(target, temp);
                    forceFolder(target.getParent());
                    return true;
                } catch (FileAlreadyExistsException e) {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw e; // a key collision, reported as such
                    }
                    return false;
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (!linksUnsupported(e, target)) {
                        throw e;
                    }
                    if (hardLinks.compareAndSet(true, false)) {
                        LOG.warn(
                                "hard links are not supported in {} ({}); creates take a lock file there instead",
                                folder,
                                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    }
                }
            }
            return createLocked(target, temp);
        } catch (IOException e) {
            throw failure("create", key, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Under this JVM's lock and the OS lock of the target's folder: rename the temporary file if the target is absent. */
    private static boolean createLocked(Path target, Path temp) throws IOException {
        Path dir = target.getParent();
        ReentrantLock local = FOLDER_LOCKS[Math.floorMod(dir.hashCode(), FOLDER_LOCKS.length)];
        local.lock();
        try (FileChannel lockFile =
                FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lockFile.lock(); // released when the channel closes, or by the OS when the process dies
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString(), null, "a folder is there");
                }
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(dir);
            return true;
        } finally {
            local.unlock();
        }
    }

    /** Whether {@code e}, thrown by createLink, means this file system has no hard links. */
    private static boolean linksUnsupported(Exception e, Path target) {
        if (e instanceof UnsupportedOperationException) {
            return true;
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : null;
        // EPERM ("Operation not permitted") and EOPNOTSUPP are what Linux and macOS say on FAT, SMB and
        // some FUSE mounts; a folder where the target is a folder is a key collision instead.
        return reason != null
                && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && (reason.contains("not permitted") || reason.contains("not supported"));
    }

    @Override
    public List<String> list(String prefix) {
        StoreKeys.checkPrefix(prefix);
        int cut = prefix.lastIndexOf('/');
        Path start = cut < 0 ? folder : folder.resolve(prefix.substring(0, cut));
        List<String> keys = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(start) || !dir.getFileName().toString().startsWith(TEMP_PREFIX)
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                        String key = key(file);
                        if (key.startsWith(prefix) && valid(key)) {
                            keys.add(key);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted while the walk went on: not there any more
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of(); // no folder (yet) where the prefix points
        } catch (IOException e) {
            throw new StoreUnavailableException(
                    "cannot list keys starting with '" + prefix + "' in the store " + folder + ": " + describe(e), e);
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    @Override
    public boolean delete(String key) {
        Path path = path(key);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return false; // a folder of other keys, not an object
        }
        try {
            boolean deleted = Files.deleteIfExists(path);
            if (deleted) {
                forceFolder(path.getParent());
            }
            return deleted;
        } catch (IOException e) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return false; // a parent is an object: no object here
            }
            throw failure("delete", key, e);
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

    private static boolean valid(String key) {
        try {
            StoreKeys.check(key);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("skipping {}: not a valid store key", key);
            return false;
        }
    }

    private Path writeTemp(String action, String key, Path target, byte[] content) {
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        // Another process may delete an emptied folder between our creating it and our file in it.
        for (int attempt = 1; ; attempt++) {
            try {
                createFolders(dir);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    ch.force(true);
                }
                return temp;
            } catch (NoSuchFileException e) {
                if (attempt == DIRECTORY_ATTEMPTS) {
                    throw failure(action, key, e);
                }
            } catch (IOException e) {
                deleteQuietly(temp);
                throw failure(action, key, e);
            }
        }
    }

    /** Creates {@code dir} and its missing parents, forcing each new folder's entry to disk. */
    private void createFolders(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        for (Path p = dir; p != null && !p.equals(existing); p = p.getParent()) {
            forceFolder(p.getParent());
        }
    }

    /**
     * Forces a folder's entries to disk, so a rename or a new file in it survives a power cut. Where a
     * folder cannot be opened for this (Windows), the rename is as durable as the OS makes it.
     */
    private static void forceFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force folder {} to disk: {}", dir, e.toString());
        }
    }

    /** The error for {@code e}, naming the key, the store and what is in the way. */
    private StoreUnavailableException failure(String action, String key, IOException e) {
        String reason = collision(key).orElseGet(() -> describe(e));
        return new StoreUnavailableException(
                "cannot " + action + " key '" + key + "' in the store " + folder + ": " + reason, e);
    }

    /** A message when {@code key} collides with an object or a folder of keys, if it does. */
    private Optional<String> collision(String key) {
        for (Path above = folder; above != null; above = above.getParent()) {
            if (Files.exists(above, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(above)) {
                return Optional.of(above + " is a file, not a folder");
            }
        }
        Path target = folder.resolve(key);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("'" + key + "' is a folder of other keys (such as '" + key
                    + "/...'), so it cannot also be an object");
        }
        String[] segments = key.split("/");
        StringBuilder parent = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            if (parent.length() > 0) {
                parent.append('/');
            }
            parent.append(segments[i]);
            Path p = folder.resolve(parent.toString());
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                return Optional.of("'" + parent + "' is an object, so it cannot also be a folder of keys");
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        if (e instanceof FileSystemException fse) {
            return type + " " + fse.getFile() + (fse.getReason() == null ? "" : " (" + fse.getReason() + ")");
        }
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file is never listed; say so only to someone debugging.
            LOG.debug("cannot delete temporary file {}: {}", path, e.toString());
        }
    }

    @Override
    public String toString() {
        return "LocalStore[" + folder + "]";
    }
}
