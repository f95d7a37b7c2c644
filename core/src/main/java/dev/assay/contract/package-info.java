/**
 * Data contracts: Open Data Contract Standard (ODCS) v3.0.x and v3.1.0 contracts read, validated and
 * compiled into expectation suites.
 *
 * <p>Entry points: {@link dev.assay.contract.DataContract#read} (validation problems name file, line
 * and path), {@link dev.assay.contract.ContractCompiler#compile} (one suite per schema object, the sql
 * rules, the foreign keys and every part that is not executed, with the reason),
 * {@link dev.assay.contract.ContractLinter#lint}, {@link dev.assay.contract.SqlChecks} and
 * {@link dev.assay.contract.ForeignKeyCheck}. What each part of a contract becomes is described in
 * {@code docs/contracts.md}.
 */
package dev.assay.contract;
