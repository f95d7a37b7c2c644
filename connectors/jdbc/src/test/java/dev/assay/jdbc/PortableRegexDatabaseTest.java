package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.jdbc.PortableRegex.Flavor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs every translated pattern of a corpus against every string of a corpus in each database, both bound
 * as parameters, and checks the database's boolean against Java's {@code find()}: any disagreement is a
 * translation that must have been refused. Does the same for 300 random patterns (fixed seed) built from
 * the constructs where the dialects differ, over short random strings of line terminators, non-ASCII
 * letters and digits. Also pins how many corpus patterns each flavor accepts, so a translator that refuses
 * everything cannot pass.
 */
class PortableRegexDatabaseTest {
    static final List<String> PATTERNS = List.of(
            "^B\\d{5}$",
            "[A-Z]+",
            "a.b",
            "\\w+@\\w+\\.com",
            "x$",
            "^$",
            "$",
            ".*",
            "^.$",
            "^..$",
            "[^a]",
            "a+?",
            "a*?b",
            "a{2,3}?",
            "a{0}b",
            "cat|dog|^x",
            "(ab|cd)+",
            "(?:a|b)c",
            "a|",
            "",
            "\\s",
            "\\S+",
            "\\d",
            "\\D",
            "\\W",
            "[\\w-]+",
            "[^\\s]",
            "[\\D]",
            "[\\t ]+",
            "[.]",
            "\\.",
            "[\\^$\\]\\\\]",
            "[a-c-]",
            "\\x41|\\u0042",
            "é",
            "[à-ÿ]+",
            "caf\\u00e9$",
            "\\x{1F600}",
            "😀",
            "日本",
            "[^\\x00-\\x7F]",
            "[\\x00-\\x7F]+$",
            "^[\\s\\S]{2}",
            "\\r$",
            "\\n$",
            "x\\r?$",
            "\\s$",
            "x$|y$",
            "(x$)",
            "x$\\n",
            "^\\S*$",
            "^\\p{L}+$",
            "\\bfoo\\b",
            "(a)\\1",
            "a++",
            "(?i)abc",
            "\\Qa.b\\E",
            "[a&&b]",
            "^x\\R",
            "[]a]",
            "(?=a)",
            "\\Aa");

    static final List<String> VALUES = List.of(
            "",
            "a",
            "abc",
            "ABC",
            "aXb",
            "a\nb",
            "a\rb",
            "a\u2028b",
            "a\u0085b",
            "x",
            "x\n",
            "x\r\n",
            "x\r",
            "x\u2028",
            "x\n\n",
            "\n",
            "\r\n",
            "\r",
            "B12345",
            "B12345\n",
            "b12345",
            "B123456",
            "joe@example.com",
            "JOE@EXAMPLE.COM",
            "a b\tc",
            "\u00A0\u000B",
            "é",
            "café",
            "café\n",
            "Café",
            "٣",
            "12٣",
            "日本語",
            "😀",
            "a_b-c.d^",
            "x\ry",
            "aaa",
            "foo bar");

    /** A binary collation: PCRE2 follows the operand's, and most MariaDB collations ignore case. */
    private static final String MARIADB = "CONVERT(? USING utf8mb4) COLLATE utf8mb4_nopad_bin REGEXP ?";

    private static final List<Connection> CONNECTIONS = new ArrayList<>();

    @AfterAll
    static void close() throws SQLException {
        for (Connection connection : CONNECTIONS) {
            connection.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> h2_agrees_with_java() {
        return agreement("h2", Flavor.JAVA, "jdbc:h2:mem:", "REGEXP_LIKE(?, ?)", 61);
    }

    @TestFactory
    Stream<DynamicTest> duckdb_agrees_with_java() {
        return agreement("duckdb", Flavor.RE2, "jdbc:duckdb:", "regexp_matches(?, ?)", 45);
    }

    @TestFactory
    @EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = ".+")
    Stream<DynamicTest> postgresql_agrees_with_java() {
        return agreement("postgresql", Flavor.POSTGRES, System.getenv(TestDatabase.POSTGRES_ENV), "? ~ ?", 51);
    }

    @TestFactory
    @EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_ENV, matches = ".+")
    Stream<DynamicTest> mariadb_agrees_with_java() {
        return agreement("mariadb", Flavor.PCRE, System.getenv(TestDatabase.MARIADB_ENV), MARIADB, 51);
    }

    /** The translation avoids everything these flags change, so the result must not move. */
    @TestFactory
    @EnabledIfEnvironmentVariable(named = TestDatabase.MARIADB_ENV, matches = ".+")
    Stream<DynamicTest> mariadb_agrees_with_java_under_other_default_regex_flags() throws SQLException {
        Connection connection = connect(System.getenv(TestDatabase.MARIADB_ENV));
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION default_regex_flags = 'DOTALL,MULTILINE,EXTENDED,UNGREEDY'");
        }
        return agreement("mariadb with flags", Flavor.PCRE, connection, MARIADB, 51);
    }

    private static Stream<DynamicTest> agreement(
            String database, Flavor flavor, String url, String expression, int expectedAccepted) {
        return agreement(database, flavor, connect(url), expression, expectedAccepted);
    }

    private static Stream<DynamicTest> agreement(
            String database, Flavor flavor, Connection connection, String expression, int expectedAccepted) {
        List<String> accepted = PATTERNS.stream()
                .filter(p -> PortableRegex.translate(p, flavor).isPresent())
                .toList();
        DynamicTest count = DynamicTest.dynamicTest(database + " accepts " + expectedAccepted + " patterns", () -> {
            System.out.printf(
                    "%s (%s): %d of %d patterns translated; refused: %s%n",
                    database, flavor, accepted.size(), PATTERNS.size(), refused(flavor));
            assertThat(accepted).hasSize(expectedAccepted);
        });
        Stream<DynamicTest> each = accepted.stream()
                .map(p -> DynamicTest.dynamicTest(
                        database + ": " + printable(p), () -> assertAgrees(connection, expression, p, flavor)));
        DynamicTest generated = DynamicTest.dynamicTest(database + ": generated patterns", () -> {
            List<String> patterns = generatedPatterns(flavor);
            List<String> disagreements = new ArrayList<>();
            for (String pattern : patterns) {
                disagreements.addAll(disagreements(connection, expression, pattern, flavor, GENERATED_VALUES));
            }
            System.out.printf(
                    "%s (%s): %d of %d generated patterns translated, %d disagreements over %d strings%n",
                    database, flavor, patterns.size(), GENERATED, disagreements.size(), GENERATED_VALUES.size());
            assertThat(disagreements).isEmpty();
            assertThat(patterns).hasSizeGreaterThan(GENERATED * 3 / 4);
        });
        return Stream.concat(Stream.of(count, generated), each);
    }

    private static void assertAgrees(Connection connection, String expression, String javaRegex, Flavor flavor)
            throws SQLException {
        assertThat(disagreements(connection, expression, javaRegex, flavor, VALUES))
                .isEmpty();
    }

    /** "value java=.. db=.." for each value where the database's answer is not Java's. */
    private static List<String> disagreements(
            Connection connection, String expression, String javaRegex, Flavor flavor, List<String> values)
            throws SQLException {
        String translated = PortableRegex.translate(javaRegex, flavor).orElseThrow();
        Pattern pattern = Pattern.compile(javaRegex);
        List<String> disagreements = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + expression)) {
            for (String value : values) {
                select.setString(1, value);
                select.setString(2, translated);
                boolean expected = pattern.matcher(value).find();
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    boolean actual = rows.getBoolean(1);
                    if (actual != expected) {
                        disagreements.add(printable(javaRegex) + " as " + printable(translated) + " on "
                                + printable(value) + ": java=" + expected + " db=" + actual);
                    }
                }
            }
        }
        return disagreements;
    }

    private static final int GENERATED = 300;

    /** Short strings over the characters where the dialects differ: line terminators, non-ASCII, digits. */
    private static final List<String> GENERATED_VALUES = generatedValues();

    private static final String[] GENERATED_ATOMS = {
        "a",
        "b",
        "x",
        "1",
        " ",
        "é",
        "\\n",
        "\\r",
        "\\u2028",
        "\\x{85}",
        ".",
        "\\d",
        "\\s",
        "\\w",
        "\\S",
        "\\W",
        "[ab]",
        "[^a\\n]",
        "[\\s\\r]",
        "[^\\r]",
        "^",
        "$",
        "\\."
    };

    private static final String[] GENERATED_QUANTIFIERS = {"*", "+", "?", "{2}", "{0,2}", "*?", "{1,}"};

    private static List<String> generatedValues() {
        String[] alphabet = {"a", "b", "x", "1", " ", "é", "\n", "\r", "\u2028", "\u0085"};
        Random random = new Random(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            values.add(value.toString());
        }
        return List.copyOf(values);
    }

    /** The same {@link #GENERATED} random valid Java patterns on every run, keeping those {@code flavor} takes. */
    private static List<String> generatedPatterns(Flavor flavor) {
        Random random = new Random(42);
        List<String> patterns = new ArrayList<>();
        while (patterns.size() < GENERATED) {
            String pattern = generatedPattern(random, 0);
            try {
                Pattern.compile(pattern);
                patterns.add(pattern);
            } catch (PatternSyntaxException e) {
                // a generated quantifier on an anchor or the like: not a pattern a user could write
            }
        }
        return patterns.stream()
                .filter(p -> PortableRegex.translate(p, flavor).isPresent())
                .toList();
    }

    private static String generatedPattern(Random random, int depth) {
        StringBuilder pattern = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            if (depth < 2 && random.nextInt(5) == 0) {
                pattern.append(random.nextBoolean() ? "(?:" : "(").append(generatedPattern(random, depth + 1));
                if (random.nextInt(3) == 0) {
                    pattern.append('|').append(generatedPattern(random, depth + 1));
                }
                pattern.append(')');
            } else {
                pattern.append(GENERATED_ATOMS[random.nextInt(GENERATED_ATOMS.length)]);
            }
            if (random.nextInt(3) == 0) {
                pattern.append(GENERATED_QUANTIFIERS[random.nextInt(GENERATED_QUANTIFIERS.length)]);
            }
        }
        if (depth == 0 && random.nextInt(4) == 0) {
            pattern.append('|').append(generatedPattern(random, 1));
        }
        return pattern.toString();
    }

    private static List<String> refused(Flavor flavor) {
        return PATTERNS.stream()
                .filter(p -> PortableRegex.translate(p, flavor).equals(Optional.empty()))
                .map(PortableRegexDatabaseTest::printable)
                .toList();
    }

    private static Connection connect(String url) {
        try {
            Connection connection = DriverManager.getConnection(url);
            CONNECTIONS.add(connection);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test database", e);
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u{%X}", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
