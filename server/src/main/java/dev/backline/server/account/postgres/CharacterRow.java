package dev.backline.server.account.postgres;

import java.time.OffsetDateTime;

/** A row of {@code characters}: an account's character, by the id of its player entity. */
public record CharacterRow(String entityId, String accountId, String name, OffsetDateTime createdAt) {
}
