/**
 * The contract gate: {@link dev.assay.contract.gate.ContractGate#test} runs a contract against the data its
 * {@code servers} name, {@link dev.assay.contract.gate.ContractGate#diff} classifies the changes between two
 * versions of a contract ({@link dev.assay.contract.gate.ContractDiff}), and {@link
 * dev.assay.contract.gate.ContractGate#lint} lints one. Each gives a {@link
 * dev.assay.contract.gate.GateReport}: one {@link dev.assay.contract.gate.GateCase} per rule, change or
 * problem, and an exit code, written as text, JSON, GitHub Actions annotations ({@link
 * dev.assay.contract.gate.GateReportWriter}) or JUnit XML ({@link dev.assay.contract.gate.GateJUnitXml}).
 * See {@code docs/contract-gate.md}.
 */
package dev.assay.contract.gate;
