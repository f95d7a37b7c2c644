package dev.assay.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogStreamTest {
    private final RecordingLog log = new RecordingLog();

    @Test
    void each_line_becomes_one_info_entry() {
        try (PrintStream out = new PrintStream(new LogStream(log), true, StandardCharsets.UTF_8)) {
            out.println("wrote reports/junit/nightly.xml");
            out.print("published 12 metrics\r\n");
        }

        assertThat(log.lines("info")).containsExactly("wrote reports/junit/nightly.xml", "published 12 metrics");
    }

    @Test
    void multi_byte_characters_split_across_writes_are_kept_whole() {
        LogStream stream = new LogStream(log);
        byte[] bytes = "Zürich ✓\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            stream.write(b);
        }

        assertThat(log.lines("info")).containsExactly("Zürich ✓");
    }

    @Test
    void an_unfinished_last_line_is_logged_on_close() {
        LogStream stream = new LogStream(log);
        for (byte b : "no newline".getBytes(StandardCharsets.UTF_8)) {
            stream.write(b);
        }

        stream.close();

        assertThat(log.lines("info")).containsExactly("no newline");
    }

    @Test
    void close_without_output_logs_nothing() {
        new LogStream(log).close();

        assertThat(log.lines("info")).isEmpty();
    }
}
