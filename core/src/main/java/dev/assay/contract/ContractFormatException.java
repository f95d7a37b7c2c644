package dev.assay.contract;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A contract cannot be read: it is not YAML, or it does not follow the Open Data Contract Standard. The
 * message lists every problem found, each with its file, line and path.
 */
public class ContractFormatException extends AssayException {
    private static final long serialVersionUID = 1L;

    private final transient List<ContractProblem> problems;

    /** One or more problems; never empty. */
    public ContractFormatException(String source, List<ContractProblem> problems) {
        super(ErrorCode.INVALID_SUITE, message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The contract text is not readable at all (not YAML, not a file). */
    public ContractFormatException(String message, Throwable cause) {
        super(ErrorCode.INVALID_SUITE, message, cause);
        this.problems = List.of();
    }

    private static String message(String source, List<ContractProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty");
        }
        return "Contract " + source + " is not a valid ODCS v3 contract (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** The problems, in document order; empty when the text could not be parsed at all. */
    public List<ContractProblem> problems() {
        return problems;
    }
}
