package dev.backline.log;

import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;

/** How the process writes its log: {@code text} for people, {@code json} for log shippers. */
public enum LogFormat {
    TEXT, JSON;

    /**
     * The format named by {@code value} ({@code text} or {@code json}, any case; null or blank is text).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LogFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BACKLINE_LOG_FORMAT must be text or json, not '" + value + "'");
        }
    }

    public Formatter formatter() {
        return this == JSON ? new JsonLogFormatter() : new TextLogFormatter();
    }

    /** Makes every handler of the root logger (the console, unless configured otherwise) write this format. */
    public void install() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(formatter());
        }
    }
}
