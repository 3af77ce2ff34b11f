package dev.backline.server.config;

import dev.backline.log.LogFormat;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the server logs, from the environment alone: it must be in place before the first logger exists,
 * long before the configuration is read. {@code BACKLINE_LOG_FORMAT} is {@code text} (default) or
 * {@code json}; {@code BACKLINE_LOG_COMMANDS} ({@code true} by default) logs every player command on the
 * {@code backline.command} logger.
 */
public record LogSettings(LogFormat format, boolean commands) {
    public static final String FORMAT_ENV = "BACKLINE_LOG_FORMAT";
    public static final String COMMANDS_ENV = "BACKLINE_LOG_COMMANDS";
    public static final String COMMAND_LOGGER = "backline.command";

    /** Held so that the level set on it is not lost with a collected logger (java.util.logging keeps them weakly). */
    private static final Logger COMMANDS = Logger.getLogger(COMMAND_LOGGER);

    /** @throws IllegalArgumentException naming the variable and its accepted values */
    public static LogSettings from(Map<String, String> env) {
        return new LogSettings(LogFormat.parse(env.get(FORMAT_ENV)), flag(env.get(COMMANDS_ENV)));
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(COMMANDS_ENV + " must be true or false, not '" + value + "'");
        };
    }

    /** Installs the format on the console and switches command logging on or off. */
    public void apply() {
        format.install();
        COMMANDS.setLevel(commands ? null : Level.OFF);
    }
}
