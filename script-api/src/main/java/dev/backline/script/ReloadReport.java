package dev.backline.script;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a reload or rollback did: who asked, when, which generation runs now and which ran before, the
 * files that changed (with hashes), how long building and swapping took, and every error with file:line.
 * Kept in the runtime's audit log.
 */
public record ReloadReport(String pack, String action, String actor, Instant at, boolean ok, int generation,
                           int previousGeneration, List<FileChange> changedFiles, Map<String, String> files,
                           long buildMillis, long swapMillis, List<String> errors) {
    public ReloadReport {
        changedFiles = List.copyOf(changedFiles);
        files = Map.copyOf(files);
        errors = List.copyOf(errors);
    }
}
