package dev.backline.server.account;

import java.time.Duration;
import java.util.Objects;

/**
 * Accounts: PBKDF2 iterations for new password hashes (tests lower it, production keeps at least
 * 210,000) and how long a login token lasts.
 */
public record AccountsConfig(int passwordIterations, Duration tokenTtl) {
    public AccountsConfig {
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (passwordIterations < 1) {
            throw new IllegalArgumentException("password iterations must be positive, was " + passwordIterations);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("token ttl must be positive, was " + tokenTtl);
        }
    }

    public static AccountsConfig defaults() {
        return new AccountsConfig(210_000, Duration.ofHours(24));
    }

    public AccountsConfig withPasswordIterations(int n) {
        return new AccountsConfig(n, tokenTtl);
    }

    public AccountsConfig withTokenTtl(Duration ttl) {
        return new AccountsConfig(passwordIterations, ttl);
    }
}
