package dev.assay.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line elapsed-time indicator on stderr for long runs, shown only when stderr is a terminal and
 * the run takes longer than a second. Erased when the run ends.
 */
final class Progress implements AutoCloseable {
    private static final char[] SPIN = {'|', '/', '-', '\\'};

    private final Thread thread;
    private final PrintWriter err;
    private volatile boolean shown;

    private Progress(PrintWriter err, String label) {
        this.err = err;
        this.thread = new Thread(() -> spin(label), "assay-progress");
        this.thread.setDaemon(true);
    }

    static Progress start(PrintWriter err, String label) {
        Progress p = new Progress(err, label);
        if (stderrIsTerminal() && System.getenv("CI") == null) {
            p.thread.start();
        }
        return p;
    }

    /**
     * True when stderr is a terminal. Java 17 cannot ask isatty(2) directly; on Linux the answer is
     * where /proc/self/fd/2 points. Elsewhere, fall back to whether the JVM has a console (stdin and
     * stdout are terminals), which misses only `assay ... > out.json` runs.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2"))
                    .toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    private void spin(String label) {
        long start = System.nanoTime();
        try {
            Thread.sleep(1000);
            for (int i = 0; ; i++) {
                double seconds = (System.nanoTime() - start) / 1e9;
                err.print(String.format(Locale.ROOT, "\r%c %s ... %.0fs", SPIN[i % SPIN.length], label, seconds));
                err.flush();
                shown = true;
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
