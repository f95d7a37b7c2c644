package dev.assay.cli;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.project.AssayProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --project} option, and how a command finds its project without it. */
final class ProjectOption {
    /** Where {@code assay init} scaffolds, and where a project is looked for, in this order. */
    static final List<String> DEFAULT_FOLDERS = List.of("assay", "assay-project");

    @Option(
            names = "--project",
            paramLabel = "DIR",
            description = "The project folder (default: $ASSAY_PROJECT, else the current folder if it has"
                    + " assay.yml, else ./assay or ./assay-project).")
    Path project;

    /**
     * The project folder: {@code --project}, {@code $ASSAY_PROJECT}, the current folder when it has {@code
     * assay.yml}, {@code ./assay/} or {@code ./assay-project/}.
     */
    Path folder(Map<String, String> environment) {
        if (project != null) {
            return project;
        }
        String fromEnv = environment.get("ASSAY_PROJECT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (Files.isRegularFile(Path.of(AssayProject.FILE))) {
            return Path.of(".");
        }
        for (String folder : DEFAULT_FOLDERS) {
            if (Files.isRegularFile(Path.of(folder, AssayProject.FILE))) {
                return Path.of(folder);
            }
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "no Assay project here: no assay.yml in the current folder, ./assay or ./assay-project;"
                        + " create one with 'assay init' or give --project DIR");
    }

    AssayProject open(Map<String, String> environment) {
        return AssayProject.open(folder(environment), environment::get);
    }
}
