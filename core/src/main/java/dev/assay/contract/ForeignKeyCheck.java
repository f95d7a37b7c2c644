package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.engine.Validator;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.source.Batch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ForeignKey}: reads the distinct values of the referenced column, then checks that every
 * non-null referencing value is one of them ({@code expect_column_values_to_be_in_set}, with the
 * unexpected count and samples of orphan values). The referenced values are held in memory. Stateless
 * and thread-safe.
 *
 * <p>Passes: {@code orders.customer_id [1, 2, null]} against {@code customers.id [1, 2, 3]}<br>
 * Fails: {@code orders.customer_id [1, 4]} against {@code customers.id [1, 2, 3]} (1 orphan)
 */
public final class ForeignKeyCheck {
    private ForeignKeyCheck() {}

    /**
     * Checks one single-column foreign key.
     *
     * @param key the foreign key, never null
     * @param from the batch of the referencing object, never null
     * @param to the batch of the referenced object, never null
     * @param validator the validator to run with, never null
     * @return passed, failed with the orphan values, or errored (a column is missing) — never thrown
     */
    public static ExpectationResult run(ForeignKey key, Batch from, Batch to, Validator validator) {
        requireNonNull(key, "key is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(validator, "validator is null");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("contract_path", key.path());
        meta.put("foreign_key", key.describe());
        String fromColumn = key.fromColumns().get(0);
        Expectation placeholder = new ColumnValuesInSet(fromColumn, List.of());
        placeholder = placeholder.withOptions(placeholder.options().withMeta(meta));
        if (key.fromColumns().size() != 1) {
            return new Errored(
                    placeholder,
                    dev.assay.model.ResultFormat.SUMMARY,
                    "composite foreign key " + key.describe() + " is not checked: Assay checks single-column keys",
                    "UnsupportedOperationException",
                    "");
        }
        ExpectationResult probe = validator
                .validate(
                        to,
                        ExpectationSuite.named("foreign-key-target")
                                .expect(new DistinctValuesProbe(
                                        key.toColumns().get(0), dev.assay.model.ExpectationOptions.DEFAULT))
                                .build())
                .results()
                .get(0);
        if (!(probe.success())) {
            String why = probe instanceof Errored ? ((Errored) probe).message() : "its values could not be read";
            return new Errored(
                    placeholder,
                    probe.resultFormat(),
                    "referenced column " + key.toObject() + "."
                            + key.toColumns().get(0) + " of " + key.describe() + ": " + why,
                    "ColumnNotFoundException",
                    "");
        }
        List<?> referenced = (List<?>) probe.details().observedValue().orElse(List.of());
        Expectation inSet = new ColumnValuesInSet(
                fromColumn, List.copyOf(referenced.stream().map(v -> (Object) v).toList()));
        inSet = inSet.withOptions(inSet.options().withMeta(meta));
        return validator
                .validate(
                        from,
                        ExpectationSuite.named("foreign-key").expect(inSet).build())
                .results()
                .get(0);
    }
}
