package dev.assay.cloudwatch;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A dimension Assay derives from each validation. */
public enum MetricDimension {
    /** The suite's name. */
    SUITE("Suite"),
    /** The data asset's name. */
    DATA_ASSET("DataAsset"),
    /** The checkpoint's name. */
    CHECKPOINT("Checkpoint");

    private final String dimensionName;

    MetricDimension(String dimensionName) {
        this.dimensionName = dimensionName;
    }

    /** The dimension's name in CloudWatch, e.g. {@code DataAsset}; never null. */
    public String dimensionName() {
        return dimensionName;
    }

    /**
     * The dimension called {@code name} in CloudWatch ({@code Suite}, {@code DataAsset} or {@code
     * Checkpoint}).
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} for any other name
     */
    public static MetricDimension named(String name) {
        for (MetricDimension d : values()) {
            if (d.dimensionName.equals(name)) {
                return d;
            }
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "unknown dimension '" + name + "'; valid dimensions: "
                        + Arrays.stream(values()).map(d -> d.dimensionName).collect(Collectors.joining(", ")));
    }
}
