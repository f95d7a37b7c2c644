package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

/**
 * What became of one action (or of storing the results, reported as the action {@code
 * store_validation_result}).
 *
 * @param name the action's name in the checkpoint (its type unless named)
 * @param type the action's type
 * @param success true when it completed
 * @param message its summary, or what went wrong
 */
public record ActionOutcome(String name, String type, boolean success, String message) {
    public ActionOutcome {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
    }
}
