package dev.assay.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code assay} command. Exit codes: 0 every expectation passed, 1 an expectation failed, 2 a
 * usage, configuration or data error.
 */
@Command(
        name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = AssayCommand.Version.class,
        description = "Validate data against expectation suites; run the checkpoints of a project; gate a build on"
                + " a data contract.",
        subcommands = {
            ValidateCommand.class,
            InitCommand.class,
            CheckpointCommand.class,
            DocsCommand.class,
            ContractCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every expectation passed",
            "1:at least one expectation failed or could not be evaluated",
            "2:a usage, configuration or data error"
        })
public final class AssayCommand implements Runnable {
    /** All expectations passed. */
    public static final int PASSED = 0;
    /** An expectation failed or errored. */
    public static final int FAILED = 1;
    /** Bad usage, configuration or data. */
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'assay validate'");
    }

    /** Builds the command line with Assay's exit codes and streams, reading this process's environment. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.getenv());
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)}, reading settings such as the JDBC password from {@code
     * environment} (never null) instead of this process's environment, so tests can give them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // A command that reads settings from the environment (a password, the project folder)
                // takes it in its constructor, so tests can give their own.
                try {
                    return type.getDeclaredConstructor(Map.class).newInstance(environment);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        };
        CommandLine cli = new CommandLine(new AssayCommand(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        cli.getCommandSpec().exitCodeOnExecutionException(ERROR);
        setExitCodes(cli);
        return cli;
    }

    private static void setExitCodes(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ERROR);
            sub.getCommandSpec().exitCodeOnExecutionException(ERROR);
            setExitCodes(sub);
        }
    }

    public static void main(String[] args) {
        // The engine only reads within the offsets Arrow's own vectors hand it, so the CLI turns off
        // Arrow's per-access bounds checks (a measured hot spot); set the property to false to keep them.
        if (System.getProperty("arrow.enable_unsafe_memory_access") == null) {
            System.setProperty("arrow.enable_unsafe_memory_access", "true");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AssayCommand.class.getPackage().getImplementationVersion();
            return new String[] {"assay " + (v == null ? "development build" : v)};
        }
    }
}
