package dev.assay.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the data sources of one {@code type} that an {@code assay.yml} declares, found with {@link
 * java.util.ServiceLoader}: core serves {@code files} (a local folder or, with {@code assay-s3}, an {@code
 * s3://} prefix), {@code assay-jdbc} serves {@code jdbc}. A module lists its provider in {@code
 * META-INF/services/dev.assay.project.SourceProvider}.
 */
public interface SourceProvider {
    /** The source type {@code assay.yml} names, e.g. {@code files} or {@code jdbc}. */
    String type();

    /**
     * The source declared by {@code config} (its entry under {@code sources}, less {@code type}). Read
     * every key through {@code config} and call {@link Config#done} so that a misspelt key is an error.
     *
     * @param name the source's name in {@code assay.yml}
     * @param projectDir the project folder, against which relative paths resolve
     * @param settings the project's {@code settings} (such as {@code s3.endpoint})
     */
    ProjectSource open(String name, Config config, Path projectDir, Map<String, String> settings);
}
