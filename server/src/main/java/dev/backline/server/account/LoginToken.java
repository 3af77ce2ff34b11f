package dev.backline.server.account;

import java.time.Instant;
import java.util.Objects;

/** A token handed out at login: what the client sends in its WebSocket {@code auth} frame. */
public record LoginToken(String token, Instant expiresAt) {
    public LoginToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "LoginToken[expiresAt=" + expiresAt + "]";
    }
}
