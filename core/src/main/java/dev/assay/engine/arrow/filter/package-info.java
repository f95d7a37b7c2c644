/**
 * Evaluates a {@link dev.assay.model.RowFilter} over Arrow record batches: {@link
 * dev.assay.engine.arrow.filter.RowFilterEvaluator} compiles a condition once against a schema into type-specialized
 * predicates, which then run 64 rows at a time over the vectors' buffers, producing bitmaps of true and false rows
 * (a row in neither is unknown, as SQL's three-valued logic has it).
 */
package dev.assay.engine.arrow.filter;
