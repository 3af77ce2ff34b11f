package dev.backline.server.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered account. {@code passwordHash} is the encoded PBKDF2 hash (see {@link PasswordHasher}),
 * never the password.
 */
public record Account(String id, AccountName name, String passwordHash, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Leaves the hash out, so an account in a log line leaks nothing. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", name=" + name + "]";
    }
}
