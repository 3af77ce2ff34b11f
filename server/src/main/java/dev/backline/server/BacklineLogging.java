package dev.backline.server;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * Tells Helidon that logging is configured: {@link Main} installs {@code LogSettings} (text or JSON) before
 * the first logger exists. Without a provider Helidon prints a line of its own to stderr, outside any log
 * format, which would break a JSON log stream.
 */
public final class BacklineLogging implements LoggingProvider {
    @Override
    public void initialization() {
        // Main has configured java.util.logging already.
    }

    @Override
    public void runTime() {
        // Nothing changes between build time and run time: there is no native image.
    }
}
