package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a compiled contract on data: each object's suite on its batch, the foreign keys across batches,
 * and the sql rules on a JDBC connection, and decides whether the contract holds. What cannot run (an
 * object without a batch, sql rules without a connection) joins the not-executed list. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * ContractVerification.Report report = ContractVerification.run(
 *         ContractCompiler.compile(contract), Map.of("orders", ordersBatch), Optional.empty(), Validator.create());
 * if (!report.passed(false)) { ... }
 * }</pre>
 */
public final class ContractVerification {
    private ContractVerification() {}

    /**
     * What a contract run found.
     *
     * @param compiled the compiled contract
     * @param objects the validation result of each object that had a batch, by object name
     * @param foreignKeys the result of each foreign key whose two objects had batches
     * @param sql the outcome of each sql rule, when a connection was given
     * @param notExecuted every part not executed: the compiler's, plus objects without a batch, foreign
     *     keys missing a side, and sql rules without a connection
     */
    public record Report(
            CompiledContract compiled,
            Map<String, ValidationResult> objects,
            List<ExpectationResult> foreignKeys,
            List<SqlChecks.Outcome> sql,
            List<NotExecuted> notExecuted) {
        public Report {
            requireNonNull(compiled, "compiled is null");
            objects = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(objects, "objects is null")));
            foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
            sql = List.copyOf(requireNonNull(sql, "sql is null"));
            notExecuted = List.copyOf(requireNonNull(notExecuted, "notExecuted is null"));
        }

        /**
         * The failures that break the contract, one line each: failed or errored checks whose rule has no
         * severity or a severity other than {@code info} and {@code warning}.
         */
        public List<String> breaches() {
            return lines(true);
        }

        /** Failed checks of rules with severity {@code info} or {@code warning}: reported, not breaches. */
        public List<String> warnings() {
            return lines(false);
        }

        /**
         * True when the contract holds: no breach and, unless {@code allowNotExecuted}, nothing left
         * unexecuted.
         */
        public boolean passed(boolean allowNotExecuted) {
            return breaches().isEmpty() && (allowNotExecuted || notExecuted.isEmpty());
        }

        private List<String> lines(boolean breaches) {
            List<String> out = new ArrayList<>();
            objects.forEach((object, result) -> {
                for (ExpectationResult r : result.results()) {
                    if (!r.success() && blocking(r.expectation().options().meta()) == breaches) {
                        out.add(object + ": " + describe(r));
                    }
                }
            });
            for (ExpectationResult r : foreignKeys) {
                if (!r.success() && breaches) {
                    out.add(r.expectation().options().meta().get("foreign_key") + ": " + describe(r));
                }
            }
            for (SqlChecks.Outcome o : sql) {
                if (!o.success() && blocking(o.check().meta()) == breaches) {
                    out.add(o.check().objectName() + ": " + o.message());
                }
            }
            return out;
        }

        private static boolean blocking(Map<String, Object> meta) {
            Object severity = meta.get("severity");
            if (severity == null) {
                return true;
            }
            String s = String.valueOf(severity).toLowerCase(Locale.ROOT);
            return !s.equals("info") && !s.equals("warning") && !s.equals("warn");
        }

        private static String describe(ExpectationResult r) {
            String where = String.valueOf(r.expectation().options().meta().getOrDefault("contract_path", "?"));
            String what = r.expectation().type().name();
            if (r instanceof Failed) {
                return where + " " + what + " failed: " + ((Failed) r).reason();
            }
            return where + " " + what + " errored: " + ((Errored) r).message();
        }
    }

    /**
     * Runs a compiled contract.
     *
     * @param compiled the compiled contract, never null
     * @param batches the batch of each object, by object name; objects without one are not executed
     * @param connection a JDBC connection to the contract's server for the sql rules, or empty
     * @param validator the validator to run with, never null
     * @throws AssayException if a batch is given for an object the contract does not have
     */
    public static Report run(
            CompiledContract compiled,
            Map<String, Batch> batches,
            Optional<Connection> connection,
            Validator validator) {
        requireNonNull(compiled, "compiled is null");
        requireNonNull(batches, "batches is null");
        requireNonNull(connection, "connection is null");
        requireNonNull(validator, "validator is null");
        for (String name : batches.keySet()) {
            if (!compiled.suites().containsKey(name)) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "batch given for '" + name + "', which is not an object of contract "
                                + compiled.contract().id() + "; objects: "
                                + compiled.suites().keySet());
            }
        }
        List<NotExecuted> notExecuted = new ArrayList<>(compiled.notExecuted());
        Map<String, ValidationResult> objects = new LinkedHashMap<>();
        for (Map.Entry<String, ExpectationSuite> e : compiled.suites().entrySet()) {
            Batch batch = batches.get(e.getKey());
            if (batch == null) {
                SchemaObject object = compiled.contract().object(e.getKey()).orElseThrow();
                notExecuted.add(
                        new NotExecuted(object.path(), "object '" + e.getKey() + "'", "no batch was given for it"));
            } else {
                objects.put(e.getKey(), validator.validate(batch, e.getValue()));
            }
        }
        List<ExpectationResult> foreignKeys = new ArrayList<>();
        for (ForeignKey key : compiled.foreignKeys()) {
            Batch from = batches.get(key.fromObject());
            Batch to = batches.get(key.toObject());
            if (from == null || to == null) {
                notExecuted.add(new NotExecuted(
                        key.path(),
                        "foreign key " + key.describe(),
                        "no batch was given for '" + (from == null ? key.fromObject() : key.toObject()) + "'"));
            } else {
                foreignKeys.add(ForeignKeyCheck.run(key, from, to, validator));
            }
        }
        List<SqlChecks.Outcome> sql = new ArrayList<>();
        if (connection.isPresent()) {
            sql.addAll(SqlChecks.run(compiled.sqlChecks(), connection.get()));
        } else {
            for (SqlCheck check : compiled.sqlChecks()) {
                notExecuted.add(new NotExecuted(check.path(), "sql rule", "no JDBC connection was given"));
            }
        }
        return new Report(compiled, objects, foreignKeys, sql, notExecuted);
    }
}
