package dev.backline.shard;

import java.util.HashMap;
import java.util.Map;

/**
 * Predicts how long a queued task will take, so that a tick starts it only if it would end in time. Tasks of
 * a kind (a command's verb: {@link WorldTask#kind()}) are predicted from how slow that kind was lately; others
 * from how slow any task was lately. One slow kind (a command listing every player online, say) so no longer
 * holds back the fast ones behind it, and is itself started only where it fits.
 *
 * <p>Each estimate rises at once to a slow run and falls by 1/32 per run of its own kind. After new code
 * comes in ({@link #codeChanged()}, a pack swapped in) every kind's first run is predicted at least
 * {@code coldNanos}: the JIT has compiled nothing of the new code yet, and that first run is what was left
 * overrunning ticks under reloads.
 */
final class TaskCosts {
    /** Kinds tracked at most; players can type any first word, and the rest share the general estimate. */
    static final int MAX_KINDS = 512;

    private static final class Kind {
        long nanos;
        long codeGeneration;
    }

    private final long coldNanos;
    private final Map<String, Kind> kinds = new HashMap<>();
    private long anyNanos;
    private long codeGeneration;

    TaskCosts(long coldNanos) {
        this.coldNanos = coldNanos;
    }

    long predict(WorldTask task) {
        Kind kind = kindOf(task);
        if (kind == null) {
            return anyNanos;
        }
        return kind.codeGeneration == codeGeneration ? kind.nanos : Math.max(kind.nanos, coldNanos);
    }

    void ran(WorldTask task, long tookNanos) {
        anyNanos = Math.max(tookNanos, anyNanos - (anyNanos >> 5));
        String name = task.kind();
        if (name == null) {
            return;
        }
        Kind kind = kinds.get(name);
        if (kind == null) {
            if (kinds.size() >= MAX_KINDS) {
                return;
            }
            kind = new Kind();
            kinds.put(name, kind);
        }
        kind.nanos = Math.max(tookNanos, kind.nanos - (kind.nanos >> 5));
        kind.codeGeneration = codeGeneration;
    }

    /** New code runs from now on: expect every kind's first run, and any task, to be slow. */
    void codeChanged() {
        codeGeneration++;
        anyNanos = Math.max(anyNanos, coldNanos);
    }

    private Kind kindOf(WorldTask task) {
        String name = task.kind();
        return name == null ? null : kinds.get(name);
    }
}
