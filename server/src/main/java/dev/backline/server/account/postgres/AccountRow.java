package dev.backline.server.account.postgres;

import java.time.OffsetDateTime;

/** A row of {@code accounts}. */
public record AccountRow(String id, String name, String nameKey, String passwordHash, OffsetDateTime createdAt,
                         String role) {
}
