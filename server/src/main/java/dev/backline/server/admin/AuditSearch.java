package dev.backline.server.admin;

import dev.backline.persist.AuditEntry;
import java.util.List;

/**
 * Reads the audit log with filters, for {@code GET /admin/audit}.
 *
 * @see dev.backline.server.admin.postgres.PostgresAuditSearch
 */
@FunctionalInterface
public interface AuditSearch {
    /**
     * The matching entries, newest first.
     *
     * @throws dev.backline.persist.StoreUnavailableException if the database cannot be reached
     */
    List<AuditEntry> find(AuditQuery query);
}
