package dev.backline.server.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered account. {@code passwordHash} is the encoded hash (see {@link PasswordHasher}), never the
 * password.
 */
public record Account(String id, AccountName name, String passwordHash, Instant createdAt, Role role) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(role, "role");
    }

    /** A player account. */
    public Account(String id, AccountName name, String passwordHash, Instant createdAt) {
        this(id, name, passwordHash, createdAt, Role.PLAYER);
    }

    public Account withPasswordHash(String hash) {
        return new Account(id, name, hash, createdAt, role);
    }

    public Account withRole(Role r) {
        return new Account(id, name, passwordHash, createdAt, r);
    }

    /** The entity id of the character made with the account, which has the account's name. */
    public String firstCharacterId() {
        return "player:" + name.key();
    }

    /** Leaves the hash out, so an account in a log line leaks nothing. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", name=" + name + ", role=" + role.wire() + "]";
    }
}
