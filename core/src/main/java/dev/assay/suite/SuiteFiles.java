package dev.assay.suite;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.error.SourceUnavailableException;
import dev.assay.error.SuiteFormatException;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes expectation suites as JSON or YAML in Great Expectations' shape.
 *
 * <p>Reading accepts GX 1.x files ({@code name}, {@code expectations[].type}) and GX 0.x files
 * ({@code expectation_suite_name}, {@code expectations[].expectation_type}), and is strict: an unknown
 * key or expectation type, a value of the wrong type or a missing required kwarg is a {@link
 * SuiteFormatException} whose message names the file, the expectation (counted from 1, with its type),
 * the key and, for a misspelling, the nearest valid name:
 *
 * <pre>
 * suites/trips.json: expectation #3 (expect_column_values_to_be_between): unknown kwarg 'max_vale'; did you mean 'max_value'?
 * </pre>
 *
 * <p>Writing produces the GX 1.x shape; {@code read(write(suite))} equals {@code suite}. The format is
 * described in {@code docs/suite-format.md}. All methods are static, stateless and thread-safe.
 */
public final class SuiteFiles {
    static final ObjectMapper JSON_MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final YAMLMapper YAML_MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Without it, the string "1" would be written bare and read back as a number.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    /** The key of a suite parameter reference: {@code {"$PARAMETER": "name"}}. */
    public static final String PARAMETER = "$PARAMETER";

    private SuiteFiles() {}

    /**
     * Reads a suite file; the format follows the extension ({@code .json}, {@code .yaml}, {@code .yml}).
     *
     * @param file the file, never null; messages name it as given
     * @return the suite, never null
     * @throws SuiteFormatException if the file is not a valid suite (message names file, expectation and key)
     * @throws SourceUnavailableException if the file cannot be read
     */
    public static ExpectationSuite read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads a suite file whose kwargs may hold suite parameters: an object {@code {"$PARAMETER": "name"}}
     * anywhere in it is replaced by the value of {@code name} in {@code parameters} (a string, number,
     * boolean, list or map), so that one suite serves several batches or environments.
     *
     * @param file the file, never null; messages name it as given
     * @param parameters values by parameter name, never null
     * @return the suite, never null
     * @throws SuiteFormatException if the file is not a valid suite, or names a parameter without a value
     * @throws SourceUnavailableException if the file cannot be read
     */
    public static ExpectationSuite read(Path file, Map<String, ?> parameters) {
        requireNonNull(file, "file is null");
        requireNonNull(parameters, "parameters is null");
        SuiteFormat format = SuiteFormat.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceUnavailableException(file + ": cannot read the suite file: " + describe(e), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SuiteFormatException(file + ": the file is not UTF-8 text", e);
        }
        // A byte order mark is legal at the start of UTF-8 text, but not JSON.
        String source = file.toString();
        JsonNode tree = tree(text.startsWith("\uFEFF") ? text.substring(1) : text, format, source);
        return new SuiteReader(source, SharedKwargs.ConditionParser.DEFAULT)
                .read(fillParameters(tree, parameters, source, ""));
    }

    /** {@code node} with every {@code {"$PARAMETER": name}} replaced by its value. */
    private static JsonNode fillParameters(JsonNode node, Map<String, ?> parameters, String source, String path) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has(PARAMETER)) {
                JsonNode name = node.get(PARAMETER);
                if (!name.isTextual()) {
                    throw new SuiteFormatException(
                            source + ": " + path + ": " + PARAMETER + " must name a parameter, got " + name);
                }
                if (!parameters.containsKey(name.asText())) {
                    throw new SuiteFormatException(source + ": " + path + ": the suite parameter '" + name.asText()
                            + "' has no value; give it in the checkpoint's parameters (or with --param "
                            + name.asText() + "=VALUE)"
                            + (parameters.isEmpty() ? "" : "; given: " + String.join(", ", parameters.keySet())));
                }
                return JSON_MAPPER.valueToTree(parameters.get(name.asText()));
            }
            com.fasterxml.jackson.databind.node.ObjectNode out = JSON_MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), fillParameters(e.getValue(), parameters, source, join(path, e.getKey())));
            }
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON_MAPPER.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(fillParameters(node.get(i), parameters, source, path + "[" + i + "]"));
            }
            return out;
        }
        return node;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Parses suite text.
     *
     * @param text the file's content, never null
     * @param format how the text is written, never null
     * @param sourceName names the text in messages (usually its file), never null
     * @return the suite, never null
     * @throws SuiteFormatException if the text is not a valid suite
     */
    public static ExpectationSuite parse(String text, SuiteFormat format, String sourceName) {
        return parse(text, format, sourceName, SharedKwargs.ConditionParser.DEFAULT);
    }

    static ExpectationSuite parse(
            String text, SuiteFormat format, String sourceName, SharedKwargs.ConditionParser conditions) {
        requireNonNull(text, "text is null");
        requireNonNull(format, "format is null");
        requireNonNull(sourceName, "sourceName is null");
        return new SuiteReader(sourceName, conditions).read(tree(text, format, sourceName));
    }

    private static JsonNode tree(String text, SuiteFormat format, String sourceName) {
        try {
            return (format == SuiteFormat.JSON ? JSON_MAPPER : YAML_MAPPER).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SuiteFormatException(
                    sourceName + ": malformed " + format + where + ": " + problem(e.getOriginalMessage()), e);
        }
    }

    /** The problem of a parser message, without the echoed source lines YAML adds. */
    private static String problem(String message) {
        if (message.startsWith("Trailing token")) {
            return "more content after the end of the suite (one suite per file)";
        }
        String problem = message;
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem = line;
            }
        }
        return problem.strip();
    }

    /**
     * Writes a suite in GX 1.x shape, atomically: to a temporary file beside {@code file}, then moved over
     * it, so a reader never sees half a file. The format follows the extension.
     *
     * @param suite the suite, never null
     * @param file the file to create or replace, never null; its directory must exist
     * @throws SuiteFormatException if the extension is not {@code .json}, {@code .yaml} or {@code .yml}
     * @throws SourceUnavailableException if the file cannot be written
     */
    public static void write(ExpectationSuite suite, Path file) {
        requireNonNull(suite, "suite is null");
        requireNonNull(file, "file is null");
        String text = SuiteFormat.of(file) == SuiteFormat.JSON ? toJson(suite) : toYaml(suite);
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new SourceUnavailableException(file + ": cannot write the suite file: " + describe(e), e);
        }
    }

    /** A replaced file keeps its permissions (the temporary file was created with the defaults). */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from != null && to != null && Files.isRegularFile(target)) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /**
     * The suite as JSON in GX 1.x shape, pretty-printed with two-space indentation.
     *
     * @param suite the suite, never null
     * @return the text, ending with a newline
     */
    public static String toJson(ExpectationSuite suite) {
        requireNonNull(suite, "suite is null");
        return write(JSON_MAPPER.writer(prettyPrinter()), SuiteWriter.suite(suite)) + "\n";
    }

    /**
     * The suite as YAML in GX 1.x shape.
     *
     * @param suite the suite, never null
     * @return the text, ending with a newline
     */
    public static String toYaml(ExpectationSuite suite) {
        requireNonNull(suite, "suite is null");
        return write(YAML_MAPPER.writer(), SuiteWriter.suite(suite));
    }

    /**
     * The kwargs a suite file holds for one expectation: its own, then the shared options that differ
     * from the defaults ({@code mostly}, {@code row_condition}, {@code result_format},
     * {@code catch_exceptions}). Values are plain: strings, numbers, booleans, lists, maps, with
     * {@code java.time} values as ISO-8601 text. Used for {@code expectation_config} in results.
     *
     * @param expectation the expectation, never null
     * @return the kwargs in order, a new mutable map
     */
    public static Map<String, Object> kwargs(Expectation expectation) {
        return SuiteWriter.kwargs(requireNonNull(expectation, "expectation is null"));
    }

    /** Two-space indentation, {@code "key": value}, one array item per line, {@code []} and {@code {}} when empty. */
    static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a suite: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code no such file}, {@code access denied}, {@code directory not empty}: no paths repeated. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String kind = splitWords(f.getClass().getSimpleName().replace("Exception", ""));
            String reason = f.getReason() == null ? "" : ": " + f.getReason();
            return f.getClass() == FileSystemException.class
                    ? reason.isEmpty() ? "file system error" : reason.substring(2)
                    : kind + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code NoSuchFile} as {@code no such file}. */
    private static String splitWords(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
