package dev.backline.server.account;

import java.time.Duration;

/** Too many failed logins for the account or from the address; try again after {@link #retryAfter()}. */
public final class LoginThrottledException extends RuntimeException {
    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
