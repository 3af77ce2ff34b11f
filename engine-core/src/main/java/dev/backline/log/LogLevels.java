package dev.backline.log;

import java.util.logging.Level;

/** java.util.logging's level names in the words of {@link System.Logger} (which the engine logs through). */
final class LogLevels {
    private LogLevels() {
    }

    static String name(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.CONFIG.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
