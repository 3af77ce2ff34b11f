package dev.backline.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record for people at a terminal: local time, level, logger, message, then the thread's
 * {@link LogContext} in brackets ({@code [tick=812 player=p:ann pack=backline-city]}) and any stack trace.
 */
public final class TextLogFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
                .append(' ');
        String level = LogLevels.name(record.getLevel());
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())))
                .append(record.getLoggerName()).append(": ").append(formatMessage(record));
        appendContext(line, LogContext.current());
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    private static void appendContext(StringBuilder line, LogContext context) {
        int start = line.length();
        if (context.tick() != LogContext.NO_TICK) {
            line.append(" tick=").append(context.tick());
        }
        if (context.player() != null) {
            line.append(" player=").append(context.player());
        }
        if (context.pack() != null) {
            line.append(" pack=").append(context.pack());
        }
        if (line.length() > start) {
            line.replace(start, start + 1, " [").append(']');
        }
    }
}
