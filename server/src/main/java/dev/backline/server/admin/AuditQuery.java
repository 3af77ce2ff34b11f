package dev.backline.server.admin;

import java.time.Instant;

/**
 * A filter over the audit log: entries by {@code actor} (exact; null for anyone), whose action starts with
 * {@code actionPrefix} (null for any), at or after {@code since} (null for any time), newest first, at most
 * {@code limit}.
 */
public record AuditQuery(String actor, String actionPrefix, Instant since, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }
}
