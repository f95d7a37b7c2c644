package dev.assay.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * A Maven module in a temporary folder for one test: the files a test writes in it, the goals configured as the
 * POM's defaults would configure them there, and what they log. Not thread-safe.
 */
final class MojoFixture {
    final Path dir;
    final RecordingLog log = new RecordingLog();

    MojoFixture(Path dir) {
        this.dir = dir;
    }

    /** {@code mojo} in this module: its log, folders, and an empty environment. */
    <M extends AbstractAssayMojo> M configure(M mojo) {
        mojo.setLog(log);
        mojo.basedir = dir.toFile();
        mojo.buildDirectory = dir.resolve("target").toFile();
        mojo.environment = Map.of();
        return mojo;
    }

    /** The validate goal with its defaults: the project in {@code src/assay}, a breach failing the build. */
    ValidateMojo validate() {
        ValidateMojo mojo = configure(new ValidateMojo());
        mojo.project = dir.resolve("src/assay").toFile();
        mojo.failOnError = true;
        return mojo;
    }

    /** A contract goal with its defaults: failing on errors. */
    <M extends AbstractContractMojo> M contract(M mojo) {
        configure(mojo).failOn = "error";
        return mojo;
    }

    /** Writes {@code text} to {@code path} in the module, creating its folders. */
    Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Where a goal writes its JUnit XML report by default: {@code target/assay-reports/TEST-assay-<name>.xml}. */
    Path report(String name) {
        return dir.resolve("target/assay-reports/TEST-assay-" + name + ".xml");
    }

    /** Asserts that {@code mojo} ends with an error (it could not run), for assertions on the message. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertExecutionError(Mojo mojo) {
        return assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class);
    }

    /** Asserts that {@code mojo} fails the build (the data or contract breached), for assertions on the message. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertBuildFailure(Mojo mojo) {
        return assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }
}
