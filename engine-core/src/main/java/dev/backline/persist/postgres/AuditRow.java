package dev.backline.persist.postgres;

import java.time.OffsetDateTime;

/** A row of {@code audit_log}, details as JSON text. */
public record AuditRow(OffsetDateTime at, String actor, String action, String subject, String details) {
}
