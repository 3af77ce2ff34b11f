package dev.backline.script;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * A pack's {@code console} output, turned into log lines with the pack's name. The sandbox needs a
 * stream that is not {@code System.out}; lines are capped so a script cannot flood the log with one line.
 */
final class LogStream extends OutputStream {
    private static final Logger LOG = System.getLogger("backline.script.console");
    private static final int MAX_LINE = 4096;

    private final String pack;
    private final Level level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(String pack, Level level) {
        this.pack = pack;
        this.level = level;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        LOG.log(level, "pack=" + pack + " " + line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
