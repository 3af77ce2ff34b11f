package dev.backline.server.account;

import java.util.Objects;

/** A character an account owns: its entity id in the world ({@code player:<name key>}) and its name. */
public record CharacterRef(String entityId, String name) {
    public CharacterRef {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(name, "name");
    }

    /** The character named {@code name}. */
    public static CharacterRef of(AccountName name) {
        return new CharacterRef("player:" + name.key(), name.value());
    }
}
