package dev.backline.command;

/**
 * Thrown by a handler to fail a command with a stable error code and a message for the player, after
 * the handler has reported whatever the operators need to know.
 */
public final class CommandFailedException extends RuntimeException {
    private final String code;

    public CommandFailedException(String code, String playerMessage) {
        super(playerMessage, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
