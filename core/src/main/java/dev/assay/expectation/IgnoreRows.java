package dev.assay.expectation;

import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import java.util.Arrays;

/** Reads and writes GX's {@code ignore_row_if}. */
final class IgnoreRows {
    private IgnoreRows() {}

    static IgnoreRowIf read(KwargReader kwargs, IgnoreRowIf defaultValue) {
        return kwargs.optionalString("ignore_row_if")
                .map(text -> Arrays.stream(IgnoreRowIf.values())
                        .filter(v -> v.gxName().equals(text))
                        .findFirst()
                        .orElseThrow(() -> kwargs.invalid(
                                "ignore_row_if",
                                "'" + text + "' is not one of "
                                        + Arrays.stream(IgnoreRowIf.values())
                                                .map(IgnoreRowIf::gxName)
                                                .toList())))
                .orElse(defaultValue);
    }

    static void write(KwargWriter kwargs, IgnoreRowIf value, IgnoreRowIf defaultValue) {
        if (value != defaultValue) {
            kwargs.put("ignore_row_if", value.gxName());
        }
    }
}
