package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.model.ExpectationSuite;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a contract compiles to: one suite per schema object, the SQL rules to run on the server, the
 * foreign keys to check across objects, and every part of the contract Assay does not check. Immutable.
 *
 * @param contract the contract
 * @param suites the suite of each object, by object name, in contract order
 * @param sqlChecks the {@code sql} quality rules, for a JDBC server
 * @param foreignKeys the referential-integrity checks from relationships
 * @param notExecuted every part of the contract that is not checked, with the reason
 */
public record CompiledContract(
        DataContract contract,
        Map<String, ExpectationSuite> suites,
        List<SqlCheck> sqlChecks,
        List<ForeignKey> foreignKeys,
        List<NotExecuted> notExecuted) {
    public CompiledContract {
        requireNonNull(contract, "contract is null");
        suites = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(suites, "suites is null")));
        sqlChecks = List.copyOf(requireNonNull(sqlChecks, "sqlChecks is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
        notExecuted = List.copyOf(requireNonNull(notExecuted, "notExecuted is null"));
    }

    /** The suite of one object, or empty when the contract has no such object. */
    public Optional<ExpectationSuite> suite(String objectName) {
        return Optional.ofNullable(suites.get(objectName));
    }

    /** True when every part of the contract is checked. */
    public boolean fullyExecutable() {
        return notExecuted.isEmpty();
    }
}
