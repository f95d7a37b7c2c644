package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,title=T::message}), escaped as the runner
 * reads them: in the message {@code %}, CR and LF become {@code %25}, {@code %0D}, {@code %0A}; in a
 * property value {@code :} and {@code ,} become {@code %3A} and {@code %2C} as well. Stateless and
 * thread-safe.
 */
public final class GitHubAnnotations {
    private GitHubAnnotations() {}

    /**
     * One workflow command line, ending with a line break.
     *
     * @param level {@code error}, {@code warning} or {@code notice}
     * @param file the file the annotation points at, as the repository names it; empty for none
     * @param line the 1-based line, or empty
     * @param title the annotation's title
     * @param message the message; may span lines
     */
    public static String command(String level, String file, OptionalInt line, String title, String message) {
        requireNonNull(level, "level is null");
        requireNonNull(file, "file is null");
        requireNonNull(line, "line is null");
        requireNonNull(title, "title is null");
        requireNonNull(message, "message is null");
        if (!level.equals("error") && !level.equals("warning") && !level.equals("notice")) {
            throw new IllegalArgumentException("level must be error, warning or notice, got '" + level + "'");
        }
        StringBuilder s = new StringBuilder("::").append(level);
        String separator = " ";
        if (!file.isEmpty()) {
            s.append(separator).append("file=").append(escapeProperty(file));
            separator = ",";
            if (line.isPresent()) {
                s.append(",line=").append(line.getAsInt());
            }
        }
        if (!title.isEmpty()) {
            s.append(separator).append("title=").append(escapeProperty(title));
        }
        return s.append("::").append(escapeData(message)).append('\n').toString();
    }

    /**
     * {@code file} as GitHub names it: relative to the repository's root ({@code workspace}, the runner's
     * {@code GITHUB_WORKSPACE}), so that an annotation of a contract given as {@code
     * contracts/orders.odcs.yaml} from a module's folder still lands on the file. A file outside the
     * workspace, or no workspace, leaves it as given.
     *
     * @param file the file as the command was given it, relative to the working directory or absolute
     * @param workspace the repository's root, or null when not running in GitHub Actions
     */
    public static String repositoryPath(String file, String workspace) {
        if (workspace == null || workspace.isBlank() || file.isEmpty()) {
            return file;
        }
        try {
            java.nio.file.Path root =
                    java.nio.file.Path.of(workspace).toAbsolutePath().normalize();
            java.nio.file.Path path =
                    java.nio.file.Path.of(file).toAbsolutePath().normalize();
            if (!path.startsWith(root)) {
                return file;
            }
            StringBuilder out = new StringBuilder();
            for (java.nio.file.Path part : root.relativize(path)) {
                out.append(out.length() == 0 ? "" : "/").append(part);
            }
            return out.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    /** A message escaped: {@code %}, CR and LF. */
    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value escaped: as {@link #escapeData}, and {@code :} and {@code ,}. */
    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
