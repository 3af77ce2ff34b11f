package dev.backline.server.account;

import java.time.Duration;
import java.util.Objects;

/**
 * Accounts: the Argon2id memory cost of new password hashes in KiB (tests lower it, production keeps at
 * least 19,456), how long a login token lasts, and how many characters one account may own.
 */
public record AccountsConfig(int hashMemoryKib, Duration tokenTtl, int maxCharacters) {
    public AccountsConfig {
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        if (hashMemoryKib < 64) {
            throw new IllegalArgumentException("hash memory must be at least 64 KiB, was " + hashMemoryKib);
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("token ttl must be positive, was " + tokenTtl);
        }
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("max characters must be positive, was " + maxCharacters);
        }
    }

    public static AccountsConfig defaults() {
        return new AccountsConfig(19_456, Duration.ofHours(24), 3);
    }

    public AccountsConfig withHashMemoryKib(int kib) {
        return new AccountsConfig(kib, tokenTtl, maxCharacters);
    }

    public AccountsConfig withTokenTtl(Duration ttl) {
        return new AccountsConfig(hashMemoryKib, ttl, maxCharacters);
    }

    public AccountsConfig withMaxCharacters(int n) {
        return new AccountsConfig(hashMemoryKib, tokenTtl, n);
    }
}
