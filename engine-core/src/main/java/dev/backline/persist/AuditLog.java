package dev.backline.persist;

import java.util.List;

/**
 * The append-only record of actions that matter (account creation, admin actions, reloads). Entries are
 * written through: {@link #append} returns once the entry is stored. Nothing can change or delete an entry.
 */
public interface AuditLog {
    /**
     * Stores an entry.
     *
     * @throws StoreUnavailableException if the store cannot be reached; nothing was stored
     */
    void append(AuditEntry entry);

    /** The newest entries, newest first. */
    List<AuditEntry> recent(int limit);
}
