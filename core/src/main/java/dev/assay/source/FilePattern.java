package dev.assay.source;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled asset pattern: glob-like text with {@code {name}} groups, {@code *} and {@code **}, or a
 * regex with named groups after {@code re:}. Matches paths relative to the folder, with {@code /}
 * separators. Immutable and thread-safe.
 */
final class FilePattern {
    private static final Pattern GROUP_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern REGEX_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern HIVE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=([^=]+)");

    private final String text;
    private final Pattern regex;
    private final List<String> groups;
    // Java regex group names allow no underscore, so a glob's groups are named g0, g1, ... inside.
    private final List<String> regexGroups;

    private FilePattern(String text, Pattern regex, List<String> groups, List<String> regexGroups) {
        this.text = text;
        this.regex = regex;
        this.groups = List.copyOf(groups);
        this.regexGroups = List.copyOf(regexGroups);
    }

    static FilePattern compile(String text) {
        if (text.startsWith("re:")) {
            String source = text.substring(3);
            List<String> groups = new ArrayList<>();
            Matcher m = REGEX_GROUP.matcher(source);
            while (m.find()) {
                groups.add(m.group(1));
            }
            try {
                return new FilePattern(text, Pattern.compile(source), groups, groups);
            } catch (PatternSyntaxException e) {
                throw invalid("invalid regex in asset pattern '" + text + "': " + e.getDescription(), e);
            }
        }
        return glob(text);
    }

    private static FilePattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        List<String> groups = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw invalid("unclosed '{' in asset pattern '" + text + "'", null);
                }
                String name = text.substring(i + 1, end);
                if (!GROUP_NAME.matcher(name).matches()) {
                    throw invalid(
                            "group name '" + name + "' in asset pattern '" + text
                                    + "' must be a letter or '_' followed by letters, digits or '_'",
                            null);
                }
                if (groups.contains(name)) {
                    throw invalid("group '" + name + "' appears twice in asset pattern '" + text + "'", null);
                }
                regex.append("(?<g").append(groups.size()).append(">[^/]+?)");
                groups.add(name);
                i = end + 1;
            } else if (text.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (text.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        List<String> regexGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            regexGroups.add("g" + g);
        }
        return new FilePattern(text, Pattern.compile(regex.toString()), groups, regexGroups);
    }

    private static AssayException invalid(String message, Throwable cause) {
        return cause == null
                ? new AssayException(ErrorCode.INVALID_CONFIGURATION, message)
                : new AssayException(ErrorCode.INVALID_CONFIGURATION, message, cause);
    }

    /** The pattern as written. */
    String text() {
        return text;
    }

    /** The group names the pattern declares, in pattern order. */
    List<String> groups() {
        return groups;
    }

    /**
     * The groups of {@code path} when it matches: the pattern's groups, then the {@code key=value}
     * folders the pattern does not name, in path order.
     */
    Optional<Map<String, String>> match(String path) {
        Matcher m = regex.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            String value = m.group(regexGroups.get(g));
            if (value != null) {
                out.put(groups.get(g), value);
            }
        }
        String[] segments = path.split("/");
        for (int s = 0; s < segments.length - 1; s++) {
            Matcher hive = HIVE.matcher(segments[s]);
            if (hive.matches()) {
                out.putIfAbsent(hive.group(1), hive.group(2));
            }
        }
        return Optional.of(out);
    }
}
