package dev.backline.server;

import java.util.logging.LogManager;

/**
 * java.util.logging's own shutdown hook resets every handler, and JVM shutdown hooks run at the same time, so
 * whatever Backline's shutdown hook logs after that moment vanishes: "everything written at shutdown", or
 * worse, "N changed rows could not be written". This manager skips that one reset; console handlers flush
 * every record, so nothing is left unwritten. {@link Main} installs it before the first logger exists.
 */
public final class ShutdownSafeLogManager extends LogManager {
    private static final String CLEANER = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(CLEANER)) {
            return;
        }
        super.reset();
    }
}
