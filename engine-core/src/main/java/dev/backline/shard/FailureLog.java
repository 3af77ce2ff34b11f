package dev.backline.shard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Logs a failure once, where it is handled (the log context gives the tick), and counts it. */
final class FailureLog {
    private static final Logger LOG = System.getLogger("backline.shard");
    private final TickStats stats;

    FailureLog(TickStats stats) {
        this.stats = stats;
    }

    void failed(String what, RuntimeException e) {
        stats.recordFailure();
        LOG.log(Level.ERROR, what + " failed: " + e, e);
    }
}
