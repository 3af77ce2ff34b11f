package dev.backline.server.account;

/** Registration refused: the input is invalid or the name is taken. The message is for the client. */
public final class AccountRejectedException extends RuntimeException {
    /** Why registration was refused. */
    public enum Reason { INVALID, NAME_TAKEN, LIMIT }

    private final Reason reason;

    AccountRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
