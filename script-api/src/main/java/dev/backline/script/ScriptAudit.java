package dev.backline.script;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.AuditLog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Where {@code game.audit} entries go: the server connects its (non-blocking, buffered) audit log; without one
 * (the script test runner) entries are only logged. Scripts call it on the world thread, so the log must
 * never block.
 */
final class ScriptAudit {
    private static final Logger LOG = System.getLogger("backline.script");
    private volatile AuditLog log;

    void connect(AuditLog auditLog) {
        this.log = auditLog;
    }

    void append(AuditEntry entry) {
        AuditLog target = log;
        if (target == null) {
            LOG.log(Level.INFO, "audit (no log connected): " + entry.actor() + " " + entry.action() + " " + entry.subject()
                    + " " + entry.details());
            return;
        }
        target.append(entry);
    }
}
