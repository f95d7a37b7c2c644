package dev.assay.cli;

import dev.assay.datadocs.BuildProblem;
import dev.assay.datadocs.DataDocs;
import dev.assay.datadocs.DataDocsReport;
import dev.assay.error.AssayException;
import dev.assay.project.AssayProject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assay docs}: builds the data docs sites of a project from its stored results. */
@Command(
        name = "docs",
        mixinStandardHelpOptions = true,
        description = "Build the data docs site of an Assay project.",
        subcommands = {DocsCommand.Build.class})
final class DocsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: 'assay docs build'");
    }

    /** {@code assay docs build}. */
    @Command(
            name = "build",
            mixinStandardHelpOptions = true,
            description = "Render the runs not yet on the site (or, with --full, every page) from the project's"
                    + " results store and metric history.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the site was built (stored results that cannot be read are listed on the site and here)",
                "2:a usage or configuration error, or the site could not be written"
            })
    static final class Build implements Callable<Integer> {
        private final Map<String, String> environment;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ProjectOption project;

        @Option(
                names = "--site",
                paramLabel = "NAME",
                defaultValue = "local",
                description = "The site of assay.yml's data_docs (default: ${DEFAULT-VALUE}).")
        String site;

        @Option(names = "--full", description = "Render every page again, not only what changed.")
        boolean full;

        Build(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AssayProject opened = project.open(environment)) {
                DataDocsReport report = DataDocs.builder(opened.docsSite(site))
                        .fullRebuild(full)
                        .build(opened.results(), opened.metricHistory());
                out.println("Data docs " + (report.fullRebuild() ? "rebuilt" : "updated") + " in " + report.siteRoot()
                        + ": " + report.summary() + "; " + report.totalRuns() + " runs in all.");
                out.println("Open " + report.siteRoot() + "/" + report.index());
                List<BuildProblem> problems = report.problems();
                for (BuildProblem problem : problems) {
                    err.println("assay: cannot show " + problem.key() + ": " + problem.reason());
                }
                out.flush();
                err.flush();
                return AssayCommand.PASSED;
            } catch (AssayException e) {
                err.println("assay: " + e.getMessage());
                err.flush();
                return AssayCommand.ERROR;
            }
        }
    }
}
