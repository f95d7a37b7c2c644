package dev.assay.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Feature;
import com.google.common.jimfs.Jimfs;
import dev.assay.error.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return Store.local(dir.resolve("store"));
    }

    private Path folder() {
        return dir.resolve("store");
    }

    @Test
    void root_is_the_absolute_folder() {
        assertThat(store().root())
                .isEqualTo(folder().toAbsolutePath().normalize().toString());
    }

    @Test
    void keeps_each_key_as_a_file_in_folders() throws IOException {
        store().write("validations/s/a.json", "x".getBytes(UTF_8));

        assertThat(Files.readString(folder().resolve("validations/s/a.json"))).isEqualTo("x");
    }

    @Test
    void leaves_no_temporary_files_behind() throws IOException {
        store().write("a/k", "1".getBytes(UTF_8));
        store().write("a/k", "2".getBytes(UTF_8));
        store().create("a/k", "3".getBytes(UTF_8));
        store().create("a/j", "4".getBytes(UTF_8));

        try (Stream<Path> files = Files.list(folder().resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("k", "j");
        }
    }

    @Test
    void never_lists_temporary_files_such_as_those_a_killed_writer_left() throws IOException {
        store().write("a/k", "1".getBytes(UTF_8));
        Files.writeString(folder().resolve("a/.tmp-0f3c"), "half a wri");
        Files.createDirectories(folder().resolve(".tmp-dir"));
        Files.writeString(folder().resolve(".tmp-dir/inside"), "x");

        assertThat(store().list("")).containsExactly("a/k");
    }

    @Test
    void does_not_list_files_whose_names_are_not_valid_keys() throws IOException {
        store().write("a/k", "1".getBytes(UTF_8));
        Files.writeString(folder().resolve("a/back\\slash"), "x");

        assertThat(store().list("")).containsExactly("a/k");
    }

    @Test
    void a_prefix_cannot_reach_outside_the_folder() throws IOException {
        Files.writeString(dir.resolve("outside"), "secret");

        assertThatThrownBy(() -> store().list("../"))
                .hasMessage("invalid store key prefix '../': segments must be non-empty and not '.' or '..'");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // guards against a listing that never ends
    void lists_keys_while_folders_vanish_during_the_walk() throws Exception {
        // Folders are deleted and re-created while listing: every listing finishes and lists only real keys.
        Store store = store();
        for (int i = 0; i < 50; i++) {
            store.write("keep/" + i, "k".getBytes(UTF_8));
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> errors = new ArrayList<>();
        Thread churn = new Thread(() -> {
            try {
                for (int round = 0; !stop.get(); round++) {
                    for (int i = 0; i < 20; i++) {
                        store.write("gone/" + round % 3 + "/" + i + "/x", "g".getBytes(UTF_8));
                    }
                    deleteTree(folder().resolve("gone"));
                }
            } catch (Throwable t) {
                synchronized (errors) {
                    errors.add(t);
                }
            }
        });
        churn.start();
        try {
            for (int i = 0; i < 200; i++) {
                List<String> keys = store.list("");
                assertThat(keys.stream().filter(k -> k.startsWith("keep/"))).hasSize(50);
                assertThat(keys).allMatch(k -> k.startsWith("keep/") || k.matches("gone/\\d/\\d+/x"));
            }
        } finally {
            stop.set(true);
            churn.join();
        }
        // The churn thread's own writes may meet the deletes; what matters is that listing never failed.
        assertThat(errors).allMatch(e -> e instanceof StoreUnavailableException);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // another round's files appeared or vanished meanwhile; the next round deletes them
        }
    }

    @Nested
    class KeysThatCollide {
        @Test
        void an_object_cannot_be_written_below_another_object() {
            store().write("a", "x".getBytes(UTF_8));

            assertThatThrownBy(() -> store().write("a/b", "y".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot write key 'a/b' in the store " + folder()
                            + ": 'a' is an object, so it cannot also be a folder of keys");
            assertThatThrownBy(() -> store().create("a/b/c", "y".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot create key 'a/b/c' in the store " + folder()
                            + ": 'a' is an object, so it cannot also be a folder of keys");
        }

        @Test
        void an_object_cannot_be_written_where_a_folder_of_keys_is() {
            store().write("a/b", "x".getBytes(UTF_8));

            assertThatThrownBy(() -> store().write("a", "y".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot write key 'a' in the store " + folder()
                            + ": 'a' is a folder of other keys (such as 'a/...'), so it cannot also be an object");
            assertThatThrownBy(() -> store().create("a", "y".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot create key 'a' in the store " + folder()
                            + ": 'a' is a folder of other keys (such as 'a/...'), so it cannot also be an object");
            assertThat(store().list("")).containsExactly("a/b");
        }

        @Test
        void a_folder_of_keys_reads_as_no_object_and_is_not_deleted() {
            store().write("a/b", "x".getBytes(UTF_8));
            store().write("o", "x".getBytes(UTF_8));

            assertThat(store().read("a")).isEmpty();
            assertThat(store().read("o/below")).isEmpty();
            assertThat(store().delete("a")).isFalse();
            assertThat(store().delete("o/below")).isFalse();
            assertThat(store().list("")).containsExactly("a/b", "o");
        }
    }

    @Nested
    class OnAFileSystemWithoutHardLinks extends StoreContract {
        private FileSystem fs;

        @Override
        protected Store newStore() {
            fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                    .setSupportedFeatures(Feature.FILE_CHANNEL, Feature.SECURE_DIRECTORY_STREAM)
                    .build());
            return Store.local(fs.getPath("/store"));
        }

        @AfterEach
        void closeFileSystem() throws IOException {
            fs.close();
        }

        @Test
        void create_notices_the_missing_hard_links_and_takes_the_folder_lock_instead() throws IOException {
            assertThatThrownBy(() -> Files.createLink(fs.getPath("/link"), fs.getPath("/store")))
                    .isInstanceOf(UnsupportedOperationException.class);

            assertThat(store().create("a/k", "1".getBytes(UTF_8))).isTrue();
            assertThat(store().create("a/k", "2".getBytes(UTF_8))).isFalse();

            assertThat(Files.exists(fs.getPath("/store/a/.tmp-create.lock"))).isTrue();
            assertThat(store().read("a/k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo("1".getBytes(UTF_8)));
            assertThat(store().list("")).containsExactly("a/k");
        }
    }

    @Nested
    class WithoutHardLinks extends StoreContract {
        @Override
        protected Store newStore() {
            return new LocalStore(dir.resolve("nolinks"), false);
        }

        @Test
        void create_leaves_only_its_hidden_lock_file_which_is_never_listed() throws IOException {
            assertThat(store().create("a/k", "1".getBytes(UTF_8))).isTrue();
            assertThat(store().create("a/k", "2".getBytes(UTF_8))).isFalse();

            try (Stream<Path> files = Files.list(dir.resolve("nolinks/a"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("k", ".tmp-create.lock");
            }
            assertThat(store().list("")).containsExactly("a/k");
        }
    }
}
