package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.ContractFormatException;
import dev.assay.contract.DataContract;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One version of a contract: its text, where it came from (a file, or a file at a git revision) and the
 * contract it holds. {@link ContractDiff} compares two. Immutable.
 *
 * @param label where the version came from, for messages: {@code contracts/orders.odcs.yaml} or {@code
 *     contracts/orders.odcs.yaml@main}
 * @param text the YAML text
 * @param contract the contract, read and validated from {@code text}
 */
public record ContractVersion(String label, String text, DataContract contract) {
    public ContractVersion {
        requireNonNull(label, "label is null");
        requireNonNull(text, "text is null");
        requireNonNull(contract, "contract is null");
    }

    /**
     * A version named as on the command line: {@code FILE} (the file as it is) or {@code FILE@REVISION} (the
     * file at a git revision: a branch, tag, commit or {@code HEAD~1}). A name that is an existing file is a
     * file even when it holds {@code @}; otherwise the text after the last {@code @} is the revision.
     *
     * @param spec the name, never null
     * @param workingDir the folder relative paths resolve against, never null
     * @throws ContractFormatException when the text is not a valid contract
     * @throws AssayException when the file cannot be read, git is missing, or the revision or file does not
     *     exist in it
     */
    public static ContractVersion resolve(String spec, Path workingDir) {
        requireNonNull(spec, "spec is null");
        requireNonNull(workingDir, "workingDir is null");
        Path whole = workingDir.resolve(spec);
        int at = spec.lastIndexOf('@');
        if (Files.isRegularFile(whole) || at <= 0 || at == spec.length() - 1) {
            return read(whole, spec);
        }
        return atRevision(workingDir.resolve(spec.substring(0, at)), spec.substring(at + 1), spec);
    }

    /**
     * The file as it is now.
     *
     * @param label how to name it in messages
     * @throws AssayException with {@code INVALID_CONFIGURATION} when the file does not exist or cannot be read
     * @throws ContractFormatException when it is not a valid contract
     */
    public static ContractVersion read(Path file, String label) {
        requireNonNull(file, "file is null");
        requireNonNull(label, "label is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "Contract file not found: " + label, e);
        } catch (IOException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION, "Cannot read contract " + label + ": " + e.getMessage(), e);
        }
        return new ContractVersion(label, text, DataContract.parse(text, label));
    }

    /**
     * The file as it was at a git revision, read with {@code git show REVISION:PATH} in the repository that
     * holds the file (the file need not exist any more in the working tree).
     *
     * @param file the file, in a git working tree
     * @param revision a revision git understands: {@code main}, {@code v1.2.0}, {@code HEAD~1}, a commit
     * @param label how to name the version in messages, e.g. {@code orders.odcs.yaml@main}
     * @throws AssayException when git is not installed, the folder is not in a git repository, the revision
     *     does not exist, or the file does not exist at that revision
     * @throws ContractFormatException when the text there is not a valid contract
     */
    public static ContractVersion atRevision(Path file, String revision, String label) {
        requireNonNull(file, "file is null");
        requireNonNull(revision, "revision is null");
        requireNonNull(label, "label is null");
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read " + label + ": the folder " + folder + " does not exist");
        }
        try {
            folder = folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Git top = git(folder, "rev-parse", "--show-toplevel");
        if (top.code != 0) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read " + label + ": " + folder + " is not in a git repository (" + top.error.trim() + ")");
        }
        Path root = Path.of(top.output.trim());
        String relative = root.relativize(folder.resolve(absolute.getFileName()))
                .toString()
                .replace('\\', '/');
        Git commit = git(folder, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (commit.code != 0) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read " + label + ": git revision '" + revision + "' not found in " + root);
        }
        Git show = git(folder, "show", revision + ":" + relative);
        if (show.code != 0) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Cannot read " + label + ": " + relative + " does not exist at git revision '" + revision + "' ("
                            + show.error.trim() + ")");
        }
        return new ContractVersion(label, show.output, DataContract.parse(show.output, label));
    }

    private record Git(int code, String output, String error) {}

    private static Git git(Path folder, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-C");
        command.add(folder.toString());
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Cannot run git to read a contract at a revision: " + e.getMessage()
                            + "; install git or put it on the PATH",
                    e);
        }
        // Both streams are drained at once so that a large output cannot block git on a full pipe.
        CompletableFuture<String> error = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        String output = drain(process.getInputStream());
        try {
            int code = process.waitFor();
            return new Git(code, output, error.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new AssayException(ErrorCode.INTERNAL, "interrupted while running git " + String.join(" ", args), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
