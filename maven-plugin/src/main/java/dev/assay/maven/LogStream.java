package dev.assay.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.Log;

/**
 * The lines a checkpoint's actions print (which report they wrote, what they published), each sent to the Maven
 * log at info level. UTF-8. Not thread-safe; a checkpoint runs its actions one after another.
 */
final class LogStream extends OutputStream {
    private final Log log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(Log log) {
        this.log = log;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        log.info(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
