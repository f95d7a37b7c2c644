package dev.assay.maven;

import dev.assay.report.JUnitXmlReport;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings every Assay goal shares: skipping and the JUnit XML report; and where the project is. Not thread-safe: Maven gives each execution its own instance.
 */
abstract class AbstractAssayMojo extends AbstractMojo {
    /** Skips the goal; also {@code -Dassay.skip}. */
    @Parameter(property = "assay.skip", defaultValue = "false")
    boolean skip;

    /** The JUnit XML report; by default {@code target/assay-reports/TEST-assay-<name>.xml}. */
    @Parameter(property = "assay.junitXml")
    File junitXml;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    /** Where {@code ASSAY_JDBC_PASSWORD} and a project's {@code ${NAME}} references are looked up. */
    Map<String, String> environment = System.getenv();

    /** True (after saying so) when the goal is to be skipped. */
    boolean skipped() {
        if (skip) {
            getLog().info("Skipping Assay (assay.skip)");
        }
        return skip;
    }

    /** Each line of {@code text} to the log, at info level when {@code good}, else as a warning. */
    void log(String text, boolean good) {
        for (String line : text.split("\n", -1)) {
            if (good) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
        }
    }

    /**
     * Writes the JUnit XML report of {@code suites} to {@code <junitXml>}, or by default to {@code
     * target/assay-reports/TEST-assay-<name>.xml}.
     *
     * @return the file written
     */
    Path writeReport(String name, List<JUnitXmlReport.TestSuite> suites) throws MojoExecutionException {
        return writeReport(name, out -> JUnitXmlReport.write("assay " + name, suites, out));
    }

    /** What a JUnit XML report holds, written to {@code out}. */
    @FunctionalInterface
    interface ReportContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a JUnit XML report with {@code content} to {@code <junitXml>}, or by default to {@code
     * target/assay-reports/TEST-assay-<name>.xml} (with {@code name} made {@link #fileName fit for a file name}),
     * creating its folder, and logs where it went.
     *
     * @return the file written
     */
    Path writeReport(String name, ReportContent content) throws MojoExecutionException {
        Path file = junitXml != null
                ? junitXml.toPath()
                : buildDirectory.toPath().resolve("assay-reports").resolve("TEST-assay-" + fileName(name) + ".xml");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Assay: cannot write the JUnit XML report " + file + ": " + e, e);
        }
        getLog().info("JUnit XML report: " + file);
        return file;
    }

    /** A name fit for a file name on any system: letters, digits, {@code . _ -}; anything else as {@code _}. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
