package dev.assay.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.assay.Assay;
import dev.assay.expectation.Expectations;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The other process of the store fault tests: writes to a local store until it is killed or done. Modes:
 *
 * <ul>
 *   <li>{@code churn <folder> <seed>}: forever, replaces {@code replaced/current} with a new whole version
 *       and creates {@code created/<seed>-<n>}, objects of 0.5 to 4 MB; prints {@code ready} after the
 *       first round
 *   <li>{@code results <folder> <count> <go-file>}: once {@code go-file} exists, saves {@code count} copies
 *       of one result (same suite, asset, batch and start time) with {@link ResultStore#save}
 *   <li>{@code create <folder> <keys> <tag> <go-file>}: once {@code go-file} exists, creates {@code
 *       race/<n>} for each n holding {@code tag}; prints each key it won
 * </ul>
 *
 * A last argument {@code nolinks} makes the store create as it does where hard links are unsupported.
 */
public final class StoreChild {
    /** The start time every saved result shares. */
    public static final Instant STARTED_AT = Instant.parse("2024-01-31T06:00:00.123456Z");

    private StoreChild() {}

    public static void main(String[] args) throws Exception {
        // A last argument "nolinks" makes the store create under its folder lock instead of with hard links.
        boolean links = !args[args.length - 1].equals("nolinks");
        Store store = new LocalStore(Path.of(args[1]), links);
        switch (args[0]) {
            case "churn" -> churn(store, Long.parseLong(args[2]));
            case "results" -> results(store, Integer.parseInt(args[2]), Path.of(args[3]));
            case "create" -> create(store, Integer.parseInt(args[2]), args[3], Path.of(args[4]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.out.flush();
    }

    private static void churn(Store store, long seed) {
        Random random = new Random(seed);
        for (long n = 0; ; n++) {
            long version = seed * 1_000_000 + n;
            store.write("replaced/current", versioned(version, 30_000 + random.nextInt(150_000)));
            store.create("created/" + seed + "-" + n, versioned(version, 20_000 + random.nextInt(150_000)));
            if (n == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    /**
     * An object that tells whether it is whole: {@code blocks} copies of one 24-byte line holding the
     * version and the count, so a cut or mixed object never checks out.
     */
    static byte[] versioned(long version, int blocks) {
        byte[] line = String.format("%012d %010d\n", version, blocks).getBytes(UTF_8);
        byte[] out = new byte[line.length * blocks];
        for (int i = 0; i < blocks; i++) {
            System.arraycopy(line, 0, out, i * line.length, line.length);
        }
        return out;
    }

    /** The version of a whole {@link #versioned} object, or empty when it is cut, mixed or not one. */
    static Optional<Long> wholeVersion(byte[] content) {
        int width = 24;
        if (content.length < width || content.length % width != 0) {
            return Optional.empty();
        }
        String first = new String(content, 0, width, UTF_8);
        if (!first.matches("\\d{12} \\d{10}\n")) {
            return Optional.empty();
        }
        long blocks = Long.parseLong(first.substring(13, 23));
        if (blocks * width != content.length) {
            return Optional.empty();
        }
        for (int i = width; i < content.length; i++) {
            if (content[i] != content[i % width]) {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(first.substring(0, 12)));
    }

    /** A result of a real validation, with a fixed start time so that every save has the same key prefix. */
    public static ValidationResult result() {
        ValidationResult r = Assay.validate(
                InMemoryBatch.named("orders")
                        .column("id", "int64", 1L, 2L, 3L)
                        .column("amount", "float64", 10.0, 20.0, null)
                        .build(),
                ExpectationSuite.named("orders suite")
                        .expect(Expectations.column("id").notNull())
                        .expect(Expectations.column("amount").notNull())
                        .build());
        ValidationResult.RunInfo run = r.run();
        return new ValidationResult(
                r.suiteName(),
                r.batchName(),
                r.results(),
                new ValidationResult.RunInfo(
                        STARTED_AT, Duration.ofMillis(5), Duration.ofMillis(3), run.engine(), 1, 3, 0),
                r.batchIdentity());
    }

    private static void results(Store store, int count, Path go) throws Exception {
        ValidationResult result = result();
        ResultStore results = new ResultStore(store);
        System.out.println("ready");
        System.out.flush();
        awaitFile(go);
        for (int i = 0; i < count; i++) {
            results.save(
                    result,
                    Map.of(
                            "checkpoint",
                            "nightly",
                            "writer",
                            ProcessHandle.current().pid()));
        }
        System.out.println("done");
    }

    private static void create(Store store, int keys, String tag, Path go) throws Exception {
        System.out.println("ready");
        System.out.flush();
        awaitFile(go);
        List<String> won = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            if (store.create("race/" + k, tag.getBytes(UTF_8))) {
                won.add("race/" + k);
            }
        }
        won.forEach(System.out::println);
        System.out.println("done");
    }

    private static void awaitFile(Path go) throws InterruptedException {
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
    }

    /** A child JVM running {@code args}, with this JVM's java, class path and module opens. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")) {
                command.add(arg);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreChild.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
