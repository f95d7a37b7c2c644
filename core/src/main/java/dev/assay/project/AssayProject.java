package dev.assay.project;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.model.ExpectationSuite;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import dev.assay.store.Stores;
import dev.assay.suite.SuiteFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Assay project: a folder with {@code assay.yml} (sources, stores, data docs sites, settings,
 * defaults), {@code suites/} and {@code checkpoints/}. Open one, then run its checkpoints:
 *
 * <pre>{@code
 * CheckpointResult run = AssayProject.open(Path.of("assay")).checkpoint("nightly_trips").run();
 * }</pre>
 *
 * <p>{@code ${NAME}} in any text value of {@code assay.yml} or a checkpoint is replaced by the environment
 * variable {@code NAME} (a missing one is an error), so secrets stay out of the files. Immutable after
 * opening; the stores it opens are thread-safe. Close it when done, to release the clients of remote
 * stores (a project whose stores are local folders holds nothing).
 */
public final class AssayProject implements ActionContext, AutoCloseable {
    /** The project file's name. */
    public static final String FILE = "assay.yml";

    static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path dir;
    private final String name;
    private final Map<String, ProjectSource> sources;
    private final ResultStore results;
    private final MetricHistory metrics;
    private final Map<String, Store> docsSites;
    private final Map<String, String> settings;
    private final String resultFormat;
    private final UnaryOperator<String> environment;
    private final PrintStream out;

    private AssayProject(
            Path dir,
            String name,
            Map<String, ProjectSource> sources,
            ResultStore results,
            MetricHistory metrics,
            Map<String, Store> docsSites,
            Map<String, String> settings,
            String resultFormat,
            UnaryOperator<String> environment,
            PrintStream out) {
        this.dir = dir;
        this.name = name;
        this.sources = sources;
        this.results = results;
        this.metrics = metrics;
        this.docsSites = docsSites;
        this.settings = settings;
        this.resultFormat = resultFormat;
        this.environment = environment;
        this.out = out;
    }

    /**
     * Opens the project in {@code dir}.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when {@code assay.yml} is missing or
     *     invalid (the message names the key)
     */
    public static AssayProject open(Path dir) {
        return open(dir, System::getenv);
    }

    /**
     * Opens the project in {@code dir}, reading {@code ${NAME}} references from {@code environment}
     * rather than the process environment.
     */
    public static AssayProject open(Path dir, UnaryOperator<String> environment) {
        requireNonNull(dir, "dir is null");
        requireNonNull(environment, "environment is null");
        Path folder = dir.toAbsolutePath().normalize();
        Config config = read(folder, FILE, environment);
        String name = config.optionalString("name")
                .orElse(
                        folder.getFileName() == null
                                ? "assay"
                                : folder.getFileName().toString());
        Map<String, String> settings = config.map("settings").stringEntries();
        Config storesConfig = config.map("stores");
        Store resultsStore = Stores.open(storesConfig.optionalString("results").orElse("results/"), folder, settings);
        Store metricsStore = Stores.open(storesConfig.optionalString("metrics").orElse("metrics/"), folder, settings);
        storesConfig.done("results", "metrics");
        Map<String, Store> sites = new LinkedHashMap<>();
        Config docs = config.map("data_docs");
        Map<String, String> siteLocations = docs.stringEntries();
        sites.put("local", Stores.open(siteLocations.getOrDefault("local", "docs/"), folder, settings));
        siteLocations.forEach((site, location) -> sites.putIfAbsent(site, Stores.open(location, folder, settings)));
        String resultFormat = null;
        Config defaults = config.map("defaults");
        resultFormat = defaults.optionalString("result_format").orElse(null);
        defaults.done("result_format");
        Map<String, ProjectSource> sources = new LinkedHashMap<>();
        Config sourcesConfig = config.map("sources");
        for (String sourceName : sourcesConfig.keys()) {
            Config source = sourcesConfig.optionalMap(sourceName).orElseThrow();
            String type = source.string("type");
            sources.put(sourceName, provider(type, source).open(sourceName, source, folder, settings));
        }
        config.done("name", "sources", "stores", "data_docs", "settings", "defaults");
        return new AssayProject(
                folder,
                name,
                Collections.unmodifiableMap(sources),
                new ResultStore(resultsStore),
                new MetricHistory(metricsStore),
                Collections.unmodifiableMap(sites),
                Collections.unmodifiableMap(settings),
                resultFormat,
                environment,
                System.out);
    }

    /** This project with action output going to {@code out} instead of standard output. */
    public AssayProject withOut(PrintStream out) {
        return new AssayProject(
                dir,
                name,
                sources,
                results,
                metrics,
                docsSites,
                settings,
                resultFormat,
                environment,
                requireNonNull(out, "out is null"));
    }

    /** The project's name ({@code name} in {@code assay.yml}, else the folder's). */
    public String name() {
        return name;
    }

    @Override
    public Path projectDir() {
        return dir;
    }

    @Override
    public ResultStore results() {
        return results;
    }

    @Override
    public MetricHistory metricHistory() {
        return metrics;
    }

    @Override
    public Store docsSite(String site) {
        Store store = docsSites.get(site);
        if (store == null) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "no data docs site '" + site + "' in " + FILE + "; sites: "
                            + String.join(", ", docsSites.keySet()));
        }
        return store;
    }

    @Override
    public List<String> docsSites() {
        return List.copyOf(docsSites.keySet());
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    /** Closes the stores the project opened (results, metric history, data docs sites). */
    @Override
    public void close() {
        results.store().close();
        metrics.store().close();
        docsSites.values().forEach(Store::close);
    }

    /** The declared sources, by name. */
    public Map<String, ProjectSource> sources() {
        return sources;
    }

    /** The default result format ({@code defaults.result_format}), or null for the validator's. */
    String resultFormat() {
        return resultFormat;
    }

    /**
     * The suite named {@code suite}: {@code suites/<suite>.json}, {@code .yaml} or {@code .yml}, or a path
     * relative to the project, with its suite parameters filled from {@code parameters}.
     */
    public ExpectationSuite suite(String suite, Map<String, ?> parameters) {
        return SuiteFiles.read(suiteFile(suite), parameters);
    }

    /** The suite named {@code suite}, which must have no suite parameters. */
    public ExpectationSuite suite(String suite) {
        return suite(suite, Map.of());
    }

    Path suiteFile(String suite) {
        if (suite.contains("/") || suite.matches(".*\\.(json|ya?ml)")) {
            return dir.resolve(suite);
        }
        for (String ext : List.of(".json", ".yaml", ".yml")) {
            Path file = dir.resolve("suites").resolve(suite + ext);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "no suite '" + suite + "' in " + dir.resolve("suites") + " (looked for " + suite + ".json, .yaml, .yml)"
                        + available(dir.resolve("suites"), "suites"));
    }

    /** The names of the checkpoints in {@code checkpoints/}, sorted. */
    public List<String> checkpointNames() {
        return names(dir.resolve("checkpoints"));
    }

    /** The names of the suites in {@code suites/}, sorted. */
    public List<String> suiteNames() {
        return names(dir.resolve("suites"));
    }

    /**
     * The checkpoint named {@code checkpoint} ({@code checkpoints/<name>.yml}, {@code .yaml} or {@code
     * .json}), read and checked: its sources, suites' files and actions must exist and its actions'
     * settings be valid, so that a mistake fails before any data is read.
     */
    public Checkpoint checkpoint(String checkpoint) {
        requireNonNull(checkpoint, "checkpoint is null");
        for (String ext : List.of(".yml", ".yaml", ".json")) {
            String file = "checkpoints/" + checkpoint + ext;
            if (Files.isRegularFile(dir.resolve(file))) {
                return Checkpoint.read(this, checkpoint, read(dir, file, environment));
            }
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "no checkpoint '" + checkpoint + "' in " + dir.resolve("checkpoints")
                        + available(dir.resolve("checkpoints"), "checkpoints"));
    }

    static CheckpointActionProvider action(String type, Config where) {
        List<String> known = new ArrayList<>();
        for (CheckpointActionProvider p :
                ServiceLoader.load(CheckpointActionProvider.class, AssayProject.class.getClassLoader())) {
            if (p.type().equals(type)) {
                return p;
            }
            known.add(p.type());
        }
        Collections.sort(known);
        throw where.error(
                "type",
                "'" + type + "' is not an action type; known: " + String.join(", ", known)
                        + hint(type, "publish_cloudwatch_metrics", "assay-cloudwatch")
                        + hint(type, "update_data_docs", "assay-datadocs"));
    }

    private static String hint(String type, String wanted, String module) {
        return type.equals(wanted) ? " (add the " + module + " module to the class path)" : "";
    }

    private static SourceProvider provider(String type, Config where) {
        List<String> known = new ArrayList<>();
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class, AssayProject.class.getClassLoader())) {
            if (p.type().equals(type)) {
                return p;
            }
            known.add(p.type());
        }
        throw where.error(
                "type",
                "'" + type + "' is not a source type; known: " + String.join(", ", known)
                        + hint(type, "jdbc", "assay-jdbc"));
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.matches(".+\\.(json|ya?ml)"))
                    .map(f -> f.substring(0, f.lastIndexOf('.')))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String available(Path folder, String what) {
        List<String> names = names(folder);
        return names.isEmpty() ? "" : "; " + what + ": " + String.join(", ", names);
    }

    /** Reads a YAML (or JSON) file of the project as a strict {@link Config}, with variables expanded. */
    static Config read(Path dir, String file, UnaryOperator<String> environment) {
        Path path = dir.resolve(file);
        Object tree;
        try {
            tree = YAML.readValue(Files.readAllBytes(path), Object.class);
        } catch (NoSuchFileException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    file.equals(FILE)
                            ? "no " + FILE + " in " + dir + "; create a project with 'assay init' or give --project"
                            : file + " not found in " + dir);
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    file + ": malformed YAML" + (at == null ? "" : " at line " + at.getLineNr()) + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (tree == null) {
            tree = Map.of();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, file + ": must be a mapping of keys to values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> expanded = (Map<String, Object>) expand(map, file, "", environment);
        return new Config(file, "", expanded);
    }

    private static Object expand(Object value, String file, String path, UnaryOperator<String> environment) {
        if (value instanceof String s) {
            Matcher m = VARIABLE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = environment.apply(m.group(1));
                if (v == null) {
                    throw new AssayException(
                            ErrorCode.INVALID_CONFIGURATION,
                            file + ": " + path + " refers to the environment variable " + m.group(1)
                                    + ", which is not set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                out.put(key, expand(v, file, path.isEmpty() ? key : path + "." + key, environment));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(expand(list.get(i), file, path + "[" + i + "]", environment));
            }
            return out;
        }
        return value;
    }
}
