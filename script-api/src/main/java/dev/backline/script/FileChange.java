package dev.backline.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One file a reload found added, modified or removed, with its new hash (null when removed). */
public record FileChange(String file, String change, String sha256) {
    static List<FileChange> between(Map<String, String> before, Map<String, String> after) {
        List<FileChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (old == null) {
                changes.add(new FileChange(name, "added", now));
            } else if (now == null) {
                changes.add(new FileChange(name, "removed", null));
            } else if (!old.equals(now)) {
                changes.add(new FileChange(name, "modified", now));
            }
        }
        return changes;
    }
}
