package dev.backline.server.config;

/** A configuration value that cannot be used. The message is one line and names the key. */
public final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message, null, false, false);
    }
}
