package dev.backline.server.admin;

import dev.backline.persist.AuditEntry;
import dev.backline.persist.AuditLog;
import dev.backline.script.FileChange;
import dev.backline.script.ReloadReport;
import dev.backline.script.ScriptRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every reload and rollback of a pack into the persistent audit log, so the record outlives the
 * process ({@code GET /admin/reloads} shows the runtime's in-memory list). Entries are {@code pack.reload}
 * or {@code pack.rollback} by the actor who asked, about the pack, with the generations, whether it worked,
 * every file with its hash, the changed files, timings and errors as details.
 *
 * <pre>{@code ReloadAuditTrail.connect(scripts, BufferedAuditLog.start(database.auditLog()));}</pre>
 */
public final class ReloadAuditTrail {
    private ReloadAuditTrail() {
    }

    /**
     * From now on every report of {@code scripts} is appended to {@code audit}. Reports are made on the world
     * thread, so {@code audit} must not block (a {@link dev.backline.persist.BufferedAuditLog}).
     */
    public static void connect(ScriptRuntime scripts, AuditLog audit) {
        scripts.onReport(report -> audit.append(entry(report)));
    }

    /** The audit entry of one report. */
    public static AuditEntry entry(ReloadReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ok", report.ok());
        details.put("generation", report.generation());
        details.put("previousGeneration", report.previousGeneration());
        details.put("files", report.files());
        List<Object> changed = new ArrayList<>();
        for (FileChange c : report.changedFiles()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("file", c.file());
            change.put("change", c.change());
            change.put("sha256", c.sha256());
            changed.add(change);
        }
        details.put("changedFiles", changed);
        details.put("buildMillis", report.buildMillis());
        details.put("swapMillis", report.swapMillis());
        details.put("errors", report.errors());
        String actor = report.actor() == null || report.actor().isBlank() ? "unknown" : report.actor();
        return new AuditEntry(report.at(), actor.length() > 200 ? actor.substring(0, 200) : actor,
                "pack." + report.action(), report.pack(), details);
    }
}
