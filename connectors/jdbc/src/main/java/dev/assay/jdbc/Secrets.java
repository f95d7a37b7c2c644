package dev.assay.jdbc;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages: masks them in JDBC URLs and in driver messages, which often repeat
 * the URL (e.g. {@code No suitable driver found for jdbc:...?password=...}). Immutable and thread-safe.
 */
final class Secrets {
    /** {@code password=...}, {@code pwd=...} and the like in URL parameters, up to the next separator. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token)=([^&;,\\s)]*)");
    /** {@code //user:password@host} in URL authorities. */
    private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@\\s]*:)([^@/\\s]*)@");

    private final Optional<String> password;

    private Secrets(Optional<String> password) {
        this.password = password;
    }

    static Secrets none() {
        return new Secrets(Optional.empty());
    }

    /** Also masks every occurrence of {@code password} (when not empty) wherever it appears. */
    static Secrets of(String password) {
        return new Secrets(password == null || password.isEmpty() ? Optional.empty() : Optional.of(password));
    }

    /** {@code text} with every password replaced by {@code ***}. */
    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        if (password.isPresent()) {
            masked = masked.replace(password.get(), "***");
        }
        masked = PARAMETER.matcher(masked).replaceAll(m -> m.group(1) + "=***");
        masked = AUTHORITY.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "***@");
        return masked;
    }

    /**
     * {@code e} itself when its messages hold no secret, else a copy of the chain with masked messages and
     * the same SQL states, vendor codes and stack traces, so a logged cause cannot leak a password.
     */
    SQLException sanitize(SQLException e) {
        if (!leaks(e)) {
            return e;
        }
        SQLException copy = new SQLException(mask(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        Throwable cause = e.getCause();
        if (cause instanceof SQLException s) {
            copy.initCause(sanitize(s));
        } else if (cause != null) {
            SQLException masked = new SQLException(cause.getClass().getName() + ": " + mask(cause.getMessage()));
            masked.setStackTrace(cause.getStackTrace());
            copy.initCause(masked);
        }
        return copy;
    }

    private boolean leaks(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !mask(message).equals(message)) {
                return true;
            }
        }
        return false;
    }
}
