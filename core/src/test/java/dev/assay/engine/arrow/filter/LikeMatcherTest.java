package dev.assay.engine.arrow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikeMatcherTest {
    private static boolean matches(String pattern, Optional<Character> escape, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (BufferAllocator allocator = new RootAllocator();
                ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length))) {
            buffer.setBytes(0, bytes);
            return LikeMatcher.compile(pattern, escape).matches(buffer.memoryAddress(), bytes.length);
        }
    }

    /** The same pattern as a regular expression, as an independent oracle. */
    static boolean regexMatches(String pattern, Optional<Character> escape, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (escape.isPresent() && c == escape.get() && i < pattern.length()) {
                int next = pattern.codePointAt(i);
                i += Character.charCount(next);
                regex.append(Pattern.quote(new String(Character.toChars(next))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc     | abc    | true",
                "abc     | abcd   | false",
                "a%      | abc    | true",
                "a%      | ''     | false",
                "%       | ''     | true",
                "%%%     | x      | true",
                "%c      | abc    | true",
                "%b%     | abc    | true",
                "%x%     | abc    | false",
                "a_c     | abc    | true",
                "a_c     | aéc    | true",
                "a__c    | aéc    | false",
                "_       | 😀     | true",
                "__      | 😀     | false",
                "%a%a%a  | aaaa   | true",
                "%ab%ab  | abxab  | true",
                "%ab%ab  | abxa   | false",
                "a%b%c   | aXbYbZc | true"
            })
    void matches_like_sql(String pattern, String text, boolean expected) {
        assertThat(matches(pattern, Optional.empty(), text)).isEqualTo(expected);
    }

    @Test
    void takes_the_character_after_the_escape_literally() {
        assertThat(matches("100!%", Optional.of('!'), "100%")).isTrue();
        assertThat(matches("100!%", Optional.of('!'), "1000")).isFalse();
        assertThat(matches("a!_b", Optional.of('!'), "a_b")).isTrue();
        assertThat(matches("a!_b", Optional.of('!'), "axb")).isFalse();
        assertThat(matches("a!!b", Optional.of('!'), "a!b")).isTrue();
    }

    @Test
    void agrees_with_regular_expressions_on_random_patterns() {
        Random random = new Random(42);
        String[] textAlphabet = {"a", "b", "é", "😀", "%", "_", "!"};
        String[] patternAlphabet = {"a", "b", "é", "😀", "%", "_", "!%", "!_", "%%"};
        try (BufferAllocator allocator = new RootAllocator();
                ArrowBuf buffer = allocator.buffer(256)) {
            for (int round = 0; round < 20_000; round++) {
                String text = random(random, textAlphabet, 8);
                String pattern = random(random, patternAlphabet, 5);
                Optional<Character> escape = Optional.of('!');
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                buffer.setBytes(0, bytes);
                boolean actual = LikeMatcher.compile(pattern, escape).matches(buffer.memoryAddress(), bytes.length);
                assertThat(actual).as("'%s' LIKE '%s'", text, pattern).isEqualTo(regexMatches(pattern, escape, text));
            }
        }
    }

    private static String random(Random random, String[] alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
