package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.jdbc.PortableRegex.Flavor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortableRegexTest {
    private static final String PG_END = "(?:(?=(?:\\r\\n|[\\r\\u0085\\u2028\\u2029])?\\Z)|(?<!\\r)(?=\\n\\Z))";
    private static final String PCRE_END = "(?:(?=(?:\\r\\n|[\\r\\x{85}\\x{2028}\\x{2029}])?\\z)|(?<!\\r)(?=\\n\\z))";
    private static final String RE2_END = "(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z";
    /** A final $ after text that cannot end with \r consumes the terminator: the fast form, on every flavor. */
    private static final String PG_CONSUMING_END = "(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?\\Z";

    private static String pg(String javaRegex) {
        return PortableRegex.translate(javaRegex, Flavor.POSTGRES).orElseThrow();
    }

    private static String pcre(String javaRegex) {
        return PortableRegex.translate(javaRegex, Flavor.PCRE).orElseThrow();
    }

    private static String re2(String javaRegex) {
        return PortableRegex.translate(javaRegex, Flavor.RE2).orElseThrow();
    }

    @Nested
    class Translates {
        @Test
        void anchors_to_absolute_anchors_and_java_line_terminator_rules() {
            assertThat(pg("^B\\d{5}$")).isEqualTo("\\AB[0-9]{5}" + PG_CONSUMING_END);
            assertThat(pcre("^B\\d{5}$")).isEqualTo("\\AB[0-9]{5}" + RE2_END);
            // After text that may end with \r, or inside a group, $ looks around where the flavor can.
            assertThat(pg("\\s$")).endsWith(PG_END);
            assertThat(pcre("(B$)")).isEqualTo("(?:B" + PCRE_END + ")");
            assertThat(re2("^B\\d{5}$")).isEqualTo("\\AB[0-9]{5}" + RE2_END);
        }

        @Test
        void dot_to_a_class_without_javas_five_line_terminators() {
            assertThat(pg("a.b")).isEqualTo("a[^\\u000A\\u000D\\u0085\\u2028-\\u2029]b");
            assertThat(pcre("a.b")).isEqualTo("a[^\\x{A}\\x{D}\\x{85}\\x{2028}-\\x{2029}]b");
            assertThat(re2("a.b")).isEqualTo(pcre("a.b"));
        }

        @Test
        void predefined_classes_to_their_ascii_ranges() {
            assertThat(pg("\\w+@\\w+\\.com")).isEqualTo("[0-9A-Z\\u005Fa-z]+\\@[0-9A-Z\\u005Fa-z]+\\.com");
            assertThat(pcre("\\s")).isEqualTo("[\\x{9}-\\x{D}\\x{20}]");
            assertThat(pcre("\\D")).isEqualTo("[^0-9]");
            assertThat(pcre("\\W")).isEqualTo("[^0-9A-Z\\x{5F}a-z]");
            assertThat(pcre("\\S")).isEqualTo("[^\\x{9}-\\x{D}\\x{20}]");
        }

        @Test
        void negated_predefined_classes_inside_brackets_as_one_set() {
            assertThat(pg("[^\\d\\s]")).isEqualTo("[^\\u0009-\\u000D\\u00200-9]");
            assertThat(pcre("[\\D]")).isEqualTo("[^0-9]");
            assertThat(pcre("[\\s\\S]")).isEqualTo("[\\x{0}-\\x{D7FF}\\x{E000}-\\x{10FFFF}]");
        }

        @Test
        void class_members_other_than_letters_and_digits_to_hex_escapes() {
            assertThat(pcre("[a-c-]")).isEqualTo("[\\x{2D}a-c]");
            assertThat(pcre("[\\^$\\]\\\\]")).isEqualTo("[\\x{24}\\x{5C}-\\x{5E}]");
            assertThat(pg("[^a]")).isEqualTo("[^a]");
        }

        @Test
        void non_ascii_and_whitespace_to_each_flavors_hex_escape() {
            assertThat(pg("é😀 ")).isEqualTo("\\u00E9\\U0001F600\\u0020");
            assertThat(pcre("é😀 ")).isEqualTo("\\x{E9}\\x{1F600}\\x{20}");
            assertThat(re2("caf\\u00e9\\x{1F600}\\t")).isEqualTo("caf\\x{E9}\\x{1F600}\\x{9}");
            assertThat(pcre("\\uD83D\\uDE00")).isEqualTo("\\x{1F600}");
        }

        @Test
        void escaped_punctuation_to_itself() {
            assertThat(pcre("a\\.b\\\\c\\(\\)#")).isEqualTo("a\\.b\\\\c\\(\\)\\#");
        }

        @Test
        void groups_to_non_capturing_and_lazy_quantifiers_to_greedy() {
            assertThat(pg("(ab|cd)+(?:x|y)?a*?b+?c??d{2,3}?e{2,}f{4}"))
                    .isEqualTo("(?:ab|cd)+(?:x|y)?a*b+c?d{2,3}e{2,}f{4}");
        }

        @Test
        void dollar_ending_each_branch_on_re2() {
            assertThat(re2("x$|^y$")).isEqualTo("x" + RE2_END + "|\\Ay" + RE2_END);
            assertThat(re2("\\n$")).isEqualTo("\\x{A}" + RE2_END);
        }

        @Test
        void dollar_anywhere_on_postgres_and_pcre() {
            assertThat(pg("(x$)\\n")).isEqualTo("(?:x" + PG_END + ")\\u000A");
            assertThat(pcre("\\r$")).isEqualTo("\\x{D}" + PCRE_END);
        }

        @Test
        void counts_up_to_255_and_nested_products_up_to_1000() {
            assertThat(pg("a{255}")).isEqualTo("a{255}");
            assertThat(pg("(a{100}){10}")).isEqualTo("(?:a{100}){10}");
        }

        @Test
        void nul_where_the_database_can_hold_it() {
            assertThat(pcre("[\\x00-\\x7F]")).isEqualTo("[\\x{0}-\\x{7F}]");
            assertThat(pg("[\\x00-\\x7F]")).isEqualTo("[\\u0001-\\u007F]");
        }

        @Test
        void the_empty_pattern_and_empty_branches() {
            assertThat(pg("")).isEmpty();
            assertThat(re2("a|")).isEqualTo("a|");
        }

        @Test
        void java_patterns_for_h2_unchanged() {
            assertThat(PortableRegex.translate("\\bfoo\\p{L}+$", Flavor.JAVA)).contains("\\bfoo\\p{L}+$");
        }
    }

    @Nested
    class Refuses {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\\bfoo",
                    "\\Bfoo",
                    "(a)\\1",
                    "(?<n>a)\\k<n>",
                    "a++",
                    "a*+",
                    "a?+",
                    "a{2}+",
                    "(?=a)",
                    "(?!a)",
                    "(?<=a)b",
                    "(?<!a)b",
                    "(?>a)",
                    "(?i)abc",
                    "(?i:a)",
                    "\\p{L}",
                    "\\P{L}",
                    "\\Qa.b\\E",
                    "[a&&b]",
                    "[a[b]]",
                    "[]a]",
                    "[^]a]",
                    "[a-z-0]",
                    "[\\d-z]",
                    "\\Aa",
                    "a\\z",
                    "a\\Z",
                    "\\Ga",
                    "\\R",
                    "\\h",
                    "\\v",
                    "\\X",
                    "\\cA",
                    "\\011",
                    "\\N{LATIN SMALL LETTER A}",
                    "\\uD800",
                    "\\é",
                    "^*a",
                    "(^a)*",
                    "a{256}",
                    "(a{100}){11}",
                    "[^\\s\\S]"
                })
        void constructs_outside_the_whitelist(String javaRegex) {
            for (Flavor flavor : new Flavor[] {Flavor.POSTGRES, Flavor.PCRE, Flavor.RE2}) {
                assertThat(PortableRegex.translate(javaRegex, flavor))
                        .as("%s on %s", javaRegex, flavor)
                        .isEmpty();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\r$", "\\s$", "x\\r?$", "[^a]$", "(x$)", "x$\\n", "x$$", "(a|\\r)*$"})
        void dollar_on_re2_unless_it_ends_a_branch_after_something_that_cannot_end_with_cr(String javaRegex) {
            assertThat(PortableRegex.translate(javaRegex, Flavor.RE2)).isEmpty();
            assertThat(PortableRegex.translate(javaRegex, Flavor.POSTGRES)).isPresent();
        }

        @Test
        void nul_on_postgres_which_cannot_store_it() {
            assertThat(PortableRegex.translate("\\x00", Flavor.POSTGRES)).isEmpty();
            assertThat(PortableRegex.translate("\\x00", Flavor.PCRE)).contains("\\x{0}");
        }

        @Test
        void inline_flags_on_h2_which_compiles_with_unicode_case() {
            assertThat(PortableRegex.translate("(?i)é", Flavor.JAVA)).isEmpty();
            assertThat(PortableRegex.translate("a(?-i:b)", Flavor.JAVA)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Flavor.class)
        void invalid_java_regexes_instead_of_throwing(Flavor flavor) {
            assertThat(PortableRegex.translate("a{2,1}", flavor)).isEmpty();
            assertThat(PortableRegex.translate("(a", flavor)).isEmpty();
            assertThat(PortableRegex.translate("x{", flavor)).isEmpty();
        }

        @Test
        void null_arguments_with_their_names() {
            assertThatThrownBy(() -> PortableRegex.translate(null, Flavor.RE2))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("javaRegex is null");
            assertThatThrownBy(() -> PortableRegex.translate("a", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("flavor is null");
        }
    }
}
