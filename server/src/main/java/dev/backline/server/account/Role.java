package dev.backline.server.account;

import java.util.Locale;

/**
 * What an account may do beyond playing. Stored on the account; scripts see it as {@code player.role}
 * ({@code "player"}, {@code "gm"}, {@code "admin"}). Each role includes the ones before it.
 */
public enum Role {
    PLAYER, GM, ADMIN;

    /** The role as stored and shown, e.g. {@code gm}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role has at least the rights of {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static Role of(String wire) {
        if (wire != null) {
            for (Role r : values()) {
                if (r.wire().equals(wire)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("a role is one of player, gm, admin; was '" + wire + "'");
    }
}
