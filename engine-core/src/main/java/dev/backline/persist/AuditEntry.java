package dev.backline.persist;

import dev.backline.world.PropertyValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log: who did what to what, when, with details as JSON-compatible data.
 *
 * <pre>{@code AuditEntry.of("admin:ops", "world.reload", "backline-city", Map.of("files", 3));}</pre>
 *
 * @param actor   who acted, e.g. {@code account:alice} or {@code admin:ops}
 * @param action  a dotted verb, e.g. {@code account.create}
 * @param subject what it was done to, or null
 */
public record AuditEntry(Instant at, String actor, String action, String subject, Map<String, Object> details) {
    @SuppressWarnings("unchecked")
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        requireText(actor, "actor");
        requireText(action, "action");
        details = (Map<String, Object>) PropertyValues.freeze(details == null ? Map.of() : details);
    }

    public static AuditEntry of(String actor, String action, String subject, Map<String, Object> details) {
        return new AuditEntry(Instant.now(), actor, action, subject, details);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 200 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an audit " + what + " must be 1 to 200 characters, was '" + value + "'");
        }
    }
}
