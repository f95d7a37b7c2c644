package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The files of a local folder. Immutable and thread-safe. */
final class LocalFileStore implements FileStore {
    private final Path folder;

    LocalFileStore(Path folder) {
        this.folder = requireNonNull(folder, "folder is null");
    }

    @Override
    public String root() {
        return folder.toString();
    }

    Path folder() {
        return folder;
    }

    @Override
    public List<StoredFile> list() {
        if (!Files.isDirectory(folder)) {
            throw new SourceUnavailableException("folder not found: " + folder);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> new StoredFile(relative(folder.relativize(p)), new LocalFile(p)))
                    .sorted(java.util.Comparator.comparing(StoredFile::path))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SourceUnavailableException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileLocation file(String relativePath) {
        return new LocalFile(folder.resolve(relativePath));
    }

    private static String relative(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path part : path) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "LocalFileStore[" + folder + "]";
    }

    /** A file on a local disk. */
    static final class LocalFile implements FileLocation {
        private final Path path;

        LocalFile(Path path) {
            this.path = path;
        }

        @Override
        public String uri() {
            return path.toString();
        }

        @Override
        public long length() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw unavailable(path, e);
            }
        }

        @Override
        public ByteBuffer read(long position, int length) {
            ByteBuffer out = ByteBuffer.allocate(length);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                while (out.hasRemaining()) {
                    int n = channel.read(out, position + out.position());
                    if (n < 0) {
                        throw new MalformedDataException(path + ": unexpected end of file at byte "
                                + (position + out.position()) + " while reading " + length + " bytes at " + position
                                + " (the file is truncated or changed while it was read)");
                    }
                }
            } catch (IOException e) {
                throw unavailable(path, e);
            }
            return out.flip();
        }

        @Override
        public InputStream open(long position) {
            try {
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                channel.position(position);
                return Channels.newInputStream(channel);
            } catch (IOException e) {
                throw unavailable(path, e);
            }
        }

        @Override
        public Optional<Path> localPath() {
            return Optional.of(path);
        }

        @Override
        public String toString() {
            return uri();
        }
    }

    static SourceUnavailableException unavailable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SourceUnavailableException("file not found: " + path, e);
        }
        if (e instanceof AccessDeniedException) {
            return new SourceUnavailableException("access denied to " + path, e);
        }
        return new SourceUnavailableException("cannot read " + path + ": " + e, e);
    }
}
