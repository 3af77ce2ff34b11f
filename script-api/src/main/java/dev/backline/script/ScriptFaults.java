package dev.backline.script;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where script errors go: logged once with pack, file, line, column and hook, counted, and the most
 * recent kept for operators and tests. Thread-safe.
 */
public final class ScriptFaults {
    private static final Logger LOG = System.getLogger("backline.script");
    static final int KEEP = 200;

    private final ArrayDeque<ScriptFault> recent = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    public void report(ScriptFault fault) {
        total.incrementAndGet();
        synchronized (recent) {
            if (recent.size() == KEEP) {
                recent.removeFirst();
            }
            recent.addLast(fault);
        }
        LOG.log(Level.ERROR, fault + (fault.guestStack().isEmpty() ? "" : "\n" + fault.guestStack().stripTrailing()));
    }

    public long total() {
        return total.get();
    }

    /** The most recent faults, oldest first. */
    public List<ScriptFault> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
