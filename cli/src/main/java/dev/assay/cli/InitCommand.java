package dev.assay.cli;

import dev.assay.error.AssayException;
import dev.assay.project.AssayProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay init}: scaffolds a project with sample data, suites and a checkpoint that runs as it is. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Create an Assay project: assay.yml, suites/, checkpoints/ and, unless --empty, sample data,"
                + " two suites and the checkpoint nightly_trips that runs on it.")
final class InitCommand implements Callable<Integer> {
    /** The files of the sample project, as packed into the jar from examples/project. */
    static final List<String> SAMPLE = List.of(
            "assay.yml",
            "checkpoints/nightly_trips.yml",
            "suites/trips.json",
            "suites/trips-strict.yaml",
            "suites/trips_volume.yaml",
            "data/trips.csv");

    private static final String EMPTY_PROJECT =
            """
            # An Assay project. See docs/checkpoints.md. ${NAME} in any value reads the environment variable NAME.
            sources: {}
            #  lake:
            #    type: files
            #    location: data/
            stores:
              results: results/
              metrics: metrics/
            data_docs:
              local: docs/
            """;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "The folder to create (default: ./assay, or ./assay-project where ./assay is a file).")
    Path dir;

    @Option(names = "--empty", description = "Only assay.yml and empty suites/ and checkpoints/ folders.")
    boolean empty;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = dir != null ? dir : defaultFolder();
        try {
            if (Files.exists(folder.resolve(AssayProject.FILE))) {
                err.println(
                        "assay: " + folder.resolve(AssayProject.FILE) + " exists already; not overwriting a project");
                return AssayCommand.ERROR;
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                err.println("assay: " + folder + " is a file; give another folder: assay init DIR");
                return AssayCommand.ERROR;
            }
            Files.createDirectories(folder.resolve("suites"));
            Files.createDirectories(folder.resolve("checkpoints"));
            if (empty) {
                Files.writeString(folder.resolve(AssayProject.FILE), EMPTY_PROJECT);
            } else {
                for (String file : SAMPLE) {
                    Path target = folder.resolve(file);
                    if (Files.exists(target)) {
                        err.println("assay: " + target + " exists already; not overwriting it");
                        return AssayCommand.ERROR;
                    }
                }
                for (String file : SAMPLE) {
                    copy(file, folder.resolve(file));
                }
            }
            out.println(
                    "Created an Assay project in " + folder + (empty ? "" : ", with sample data and a checkpoint."));
            if (!empty) {
                String project = projectHint(folder);
                out.println("Next: assay checkpoint run nightly_trips" + project);
                out.println("      then open " + folder.resolve("docs").resolve("index.html"));
            }
            out.flush();
            return AssayCommand.PASSED;
        } catch (IOException e) {
            err.println("assay: cannot create the project in " + folder + ": " + e.getMessage());
            return AssayCommand.ERROR;
        } catch (AssayException e) {
            err.println("assay: " + e.getMessage());
            return AssayCommand.ERROR;
        }
    }

    /** The --project hint a later command needs, empty when it finds the folder by itself. */
    private static String projectHint(Path folder) {
        Path normal = folder.normalize();
        return ProjectOption.DEFAULT_FOLDERS.contains(normal.toString()) ? "" : " --project " + folder;
    }

    private static Path defaultFolder() {
        Path assay = Path.of(ProjectOption.DEFAULT_FOLDERS.get(0));
        // In Assay's own checkout ./assay is the launcher script.
        return Files.isRegularFile(assay) ? Path.of(ProjectOption.DEFAULT_FOLDERS.get(1)) : assay;
    }

    private static void copy(String file, Path target) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + file)) {
            if (in == null) {
                throw new IOException("the sample file " + file + " is missing from the assay jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }
}
