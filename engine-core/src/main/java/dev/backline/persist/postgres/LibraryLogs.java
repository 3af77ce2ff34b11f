package dev.backline.persist.postgres;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liquibase, zonky and HikariCP each log several INFO lines per start through java.util.logging (the last
 * two by way of SLF4J); Backline's own lines say what happened in one. Their warnings and errors still show.
 * The loggers are held here because java.util.logging forgets the level of a logger nobody references.
 */
final class LibraryLogs {
    private static final List<Logger> QUIETED = List.of(
            quiet("liquibase"), quiet("io.zonky.test.db.postgres"), quiet("com.zaxxer.hikari"));

    private LibraryLogs() {
    }

    /** Sets the levels; only the first call does anything (the class initialiser does the work). */
    static void quiet() {
        assert !QUIETED.isEmpty();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }
}
