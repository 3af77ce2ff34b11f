package dev.backline.script;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * The polyglot engine's and contexts' standard output and error, turned into log lines with a name. The
 * sandbox needs streams that are not {@code System.out}. Scripts have no way to print here (GraalJS's
 * {@code print} and console are off; {@code console.js} logs directly), so this carries the engine's own
 * messages. Bytes are taken in bulk and a line keeps its first {@link #MAX_LINE} bytes, then {@code …}.
 */
final class LogStream extends OutputStream {
    private static final Logger LOG = System.getLogger("backline.script.console");
    static final int MAX_LINE = 8192;

    private final String pack;
    private final Level level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean cut;

    LogStream(String pack, Level level) {
        this.pack = pack;
        this.level = level;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start);
                flushLine();
                start = i + 1;
            }
        }
        append(bytes, start, end - start);
    }

    private void append(byte[] bytes, int off, int len) {
        int room = MAX_LINE - line.size();
        if (len > room) {
            cut = true;
        }
        line.write(bytes, off, Math.max(0, Math.min(len, room)));
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0 || cut) {
            flushLine();
        }
    }

    private void flushLine() {
        LOG.log(level, "pack=" + pack + " " + line.toString(StandardCharsets.UTF_8) + (cut ? "…" : ""));
        line.reset();
        cut = false;
    }
}
