package dev.assay.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} does, run against each backend: a subclass gives a new, empty store per test.
 * Public in core's test-jar so connector modules run it against their stores.
 */
public abstract class StoreContract {
    private Store store;

    /** A new, empty store; called before each test. */
    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    /** The store under test. */
    protected Store store() {
        return store;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] pattern(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 31 + 7);
        }
        return out;
    }

    @Test
    public void reads_back_what_was_written() {
        store.write("a/b/c.json", bytes("{\"x\": 1}"));

        assertThat(store.read("a/b/c.json"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("{\"x\": 1}")));
    }

    @Test
    public void reads_back_empty_and_large_binary_objects() {
        byte[] large = pattern(6 * 1024 * 1024 + 3);
        store.write("empty", new byte[0]);
        store.write("large.bin", large);

        assertThat(store.read("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(store.read("large.bin"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
    }

    @Test
    public void reads_nothing_where_nothing_was_written() {
        store.write("a/present", bytes("x"));

        assertThat(store.read("a/absent")).isEmpty();
        assertThat(store.read("absent/deeper/key")).isEmpty();
    }

    @Test
    public void a_write_replaces_the_object() {
        store.write("k", bytes("first, and longer than the second"));
        store.write("k", bytes("second"));

        assertThat(store.read("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("second")));
        assertThat(store.list("")).containsExactly("k");
    }

    @Test
    public void create_writes_only_when_nothing_is_there() {
        assertThat(store.create("runs/1.json", bytes("first"))).isTrue();
        assertThat(store.create("runs/1.json", bytes("second"))).isFalse();

        assertThat(store.read("runs/1.json"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("first")));
        assertThat(store.list("runs/")).containsExactly("runs/1.json");
    }

    @Test
    public void create_does_not_replace_an_object_that_write_put_there() {
        store.write("k", bytes("written"));

        assertThat(store.create("k", bytes("created"))).isFalse();
        assertThat(store.read("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("written")));
    }

    @Test
    public void create_succeeds_again_after_a_delete() {
        assertThat(store.create("k", bytes("one"))).isTrue();
        assertThat(store.delete("k")).isTrue();

        assertThat(store.create("k", bytes("two"))).isTrue();
        assertThat(store.read("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("two")));
    }

    @Test
    public void lists_the_keys_that_start_with_a_prefix_sorted() {
        for (String key : List.of("b/2", "a/2", "a/10", "ab", "a/1", "c", "a/sub/x")) {
            store.write(key, bytes(key));
        }

        assertThat(store.list("")).containsExactly("a/1", "a/10", "a/2", "a/sub/x", "ab", "b/2", "c");
        assertThat(store.list("a/")).containsExactly("a/1", "a/10", "a/2", "a/sub/x");
        assertThat(store.list("a")).containsExactly("a/1", "a/10", "a/2", "a/sub/x", "ab");
        assertThat(store.list("a/1")).containsExactly("a/1", "a/10");
        assertThat(store.list("a/sub/")).containsExactly("a/sub/x");
        assertThat(store.list("zzz/")).isEmpty();
        assertThat(store.list("b/2/")).isEmpty();
    }

    @Test
    public void lists_nothing_in_an_empty_store() {
        assertThat(store.list("")).isEmpty();
        assertThat(store.list("validations/")).isEmpty();
    }

    @Test
    public void lists_every_key_of_a_listing_longer_than_a_page() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            keys.add(String.format("many/%05d.json", i));
        }
        keys.parallelStream().forEach(k -> store.write(k, bytes(k)));

        assertThat(store.list("many/")).containsExactlyElementsOf(keys);
    }

    @Test
    public void delete_removes_the_object_and_says_whether_there_was_one() {
        store.write("d/k", bytes("x"));
        store.write("d/other", bytes("y"));

        assertThat(store.delete("d/k")).isTrue();
        assertThat(store.delete("d/k")).isFalse();
        assertThat(store.delete("never/written")).isFalse();
        assertThat(store.read("d/k")).isEmpty();
        assertThat(store.list("d/")).containsExactly("d/other");
    }

    @Test
    public void names_of_any_characters_make_keys_through_segments() {
        List<String> names = List.of(
                "Zürich", "日本語 データ", "a/b", "..", ".", ".hidden", ".tmp-not-temp", "with space", "%41", "", "😀");
        for (String name : names) {
            assertThat(store.create("names/" + StoreKeys.segment(name) + "/v", bytes(name)))
                    .as(name)
                    .isTrue();
        }

        List<String> listed = store.list("names/");
        assertThat(listed).hasSize(names.size());
        List<String> decoded = new ArrayList<>();
        for (String key : listed) {
            String name = StoreKeys.decode(key.substring("names/".length(), key.length() - "/v".length()));
            decoded.add(name);
            assertThat(store.read(key))
                    .hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo(name));
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    public void a_unicode_key_round_trips() {
        store.write("unicode/ä-ø-ß/日本", bytes("u"));

        assertThat(store.list("unicode/")).containsExactly("unicode/ä-ø-ß/日本");
        assertThat(store.read("unicode/ä-ø-ß/日本")).isPresent();
    }

    @Test
    public void bad_keys_are_rejected_with_a_message_that_names_them() {
        Map<String, String> bad = Map.of(
                "",
                "a store key must not be empty",
                "/a",
                "invalid store key '/a': segments must be non-empty and not '.' or '..'",
                "a/",
                "invalid store key 'a/': segments must be non-empty and not '.' or '..'",
                "a//b",
                "invalid store key 'a//b': segments must be non-empty and not '.' or '..'",
                "../x",
                "invalid store key '../x': segments must be non-empty and not '.' or '..'",
                "a/./b",
                "invalid store key 'a/./b': segments must be non-empty and not '.' or '..'",
                "a\\b",
                "invalid store key 'a\\b': no control characters or backslashes (at index 1)",
                "a\u0001b",
                "invalid store key 'a?b': no control characters or backslashes (at index 1)",
                "x/.tmp-1",
                "invalid store key 'x/.tmp-1': segment '.tmp-1' starts with '.tmp-', which is reserved for"
                        + " temporary files (StoreKeys.segment(name) makes any name safe)");
        bad.forEach((key, message) -> {
            for (Runnable call : List.<Runnable>of(
                    () -> store.write(key, bytes("x")),
                    () -> store.create(key, bytes("x")),
                    () -> store.read(key),
                    () -> store.delete(key))) {
                assertThatThrownBy(call::run)
                        .as(key)
                        .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                        .hasMessage(message);
            }
        });
        assertThat(store.list("")).isEmpty();
    }

    @Test
    public void bad_prefixes_are_rejected_with_a_message_that_names_them() {
        assertThatThrownBy(() -> store.list("../"))
                .isInstanceOf(AssayException.class)
                .hasMessage("invalid store key prefix '../': segments must be non-empty and not '.' or '..'");
        assertThatThrownBy(() -> store.list("/"))
                .isInstanceOf(AssayException.class)
                .hasMessage("invalid store key prefix '/': segments must be non-empty and not '.' or '..'");
        assertThatThrownBy(() -> store.list("a//"))
                .isInstanceOf(AssayException.class)
                .hasMessage("invalid store key prefix 'a//': segments must be non-empty and not '.' or '..'");
    }

    @Test
    public void of_many_threads_creating_one_key_exactly_one_wins() throws Exception {
        int threads = 8;
        int keys = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, List<Integer>> winners = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < keys; k++) {
                        String key = "race/" + k;
                        if (store.create(key, bytes("thread " + thread))) {
                            winners.computeIfAbsent(key, x -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(thread);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.list("race/")).hasSize(keys);
        for (int k = 0; k < keys; k++) {
            String key = "race/" + k;
            assertThat(winners.get(key)).as(key).hasSize(1);
            assertThat(store.read(key)).hasValueSatisfying(v -> assertThat(new String(v, UTF_8))
                    .isEqualTo("thread " + winners.get(key).get(0)));
        }
    }
}
