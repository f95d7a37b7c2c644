package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An Open Data Contract Standard (ODCS) v3 contract, versions 3.0.x and 3.1.0: the parts Assay
 * compiles into suites (schema, quality rules, relationships, SLA) and the servers it can read.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * DataContract contract = DataContract.read(Path.of("orders.odcs.yaml"));
 * CompiledContract compiled = ContractCompiler.compile(contract);
 * }</pre>
 *
 * @param source the file (or name) the contract was read from, for messages
 * @param apiVersion the ODCS version, e.g. {@code v3.1.0}
 * @param id the contract's id
 * @param version the contract's own version
 * @param status e.g. {@code active}
 * @param name the contract's name, or empty
 * @param domain the domain, or empty
 * @param dataProduct the data product, or empty
 * @param servers the servers, in order
 * @param schema the objects, in order
 * @param slaProperties the SLA properties, in order
 * @param slaDefaultElement the default SLA element (deprecated in 3.1), or empty
 * @param lines the 1-based line in the source of each path (e.g. {@code schema[0].properties[1]}), for
 *     messages; empty for a contract built in code
 */
public record DataContract(
        String source,
        String apiVersion,
        String id,
        String version,
        String status,
        Optional<String> name,
        Optional<String> domain,
        Optional<String> dataProduct,
        List<ContractServer> servers,
        List<SchemaObject> schema,
        List<SlaProperty> slaProperties,
        Optional<String> slaDefaultElement,
        Map<String, Integer> lines) {
    public DataContract {
        requireNonNull(source, "source is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(status, "status is null");
        requireNonNull(name, "name is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(dataProduct, "dataProduct is null");
        servers = List.copyOf(requireNonNull(servers, "servers is null"));
        schema = List.copyOf(requireNonNull(schema, "schema is null"));
        slaProperties = List.copyOf(requireNonNull(slaProperties, "slaProperties is null"));
        requireNonNull(slaDefaultElement, "slaDefaultElement is null");
        lines = Map.copyOf(requireNonNull(lines, "lines is null"));
    }

    /**
     * Reads and validates a contract file.
     *
     * @param file the YAML file, never null
     * @throws ContractFormatException listing every problem (file, line, path, what was expected) when the
     *     file is not a valid ODCS v3.0.x/v3.1.0 contract, or cannot be read
     */
    public static DataContract read(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ContractFormatException("Contract file not found: " + file, e);
        } catch (IOException e) {
            throw new ContractFormatException("Cannot read contract " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses and validates contract YAML.
     *
     * @param yaml the contract text, never null
     * @param source the file name or a description, used in messages, never null
     * @throws ContractFormatException listing every problem when the text is not a valid contract
     */
    public static DataContract parse(String yaml, String source) {
        requireNonNull(yaml, "yaml is null");
        requireNonNull(source, "source is null");
        ContractYaml.Document doc = ContractYaml.parse(yaml, source);
        List<ContractProblem> problems = ContractValidator.validate(doc);
        if (!problems.isEmpty()) {
            throw new ContractFormatException(source, problems);
        }
        return ContractReader.read(doc);
    }

    /**
     * Validates contract YAML without building a contract.
     *
     * @return every problem, in document order; empty when the contract is valid
     * @throws ContractFormatException only when the text is not YAML at all
     */
    public static List<ContractProblem> validate(String yaml, String source) {
        return ContractValidator.validate(ContractYaml.parse(yaml, source));
    }

    /** True for ODCS 3.1.x. */
    public boolean isV31() {
        return apiVersion.startsWith("v3.1");
    }

    /** The line of a path in the source, or empty when unknown. */
    public OptionalInt line(String path) {
        Integer l = lines.get(path);
        return l == null ? OptionalInt.empty() : OptionalInt.of(l);
    }

    /** The object with this name or, failing that, this physical name; empty when there is none. */
    public Optional<SchemaObject> object(String name) {
        return schema.stream().filter(o -> o.name().equals(name)).findFirst().or(() -> schema.stream()
                .filter(o -> o.physicalName().filter(name::equals).isPresent())
                .findFirst());
    }

    /** The server with this identifier, or empty. */
    public Optional<ContractServer> server(String name) {
        return servers.stream().filter(s -> s.server().equals(name)).findFirst();
    }
}
