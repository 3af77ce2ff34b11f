package dev.backline.shard;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;

/** Logs a failure once, where it is handled, with the tick it happened in, and counts it. */
final class FailureLog {
    private static final Logger LOG = System.getLogger("backline.shard");
    private final TickStats stats;
    private final LongSupplier tick;

    FailureLog(TickStats stats, LongSupplier tick) {
        this.stats = stats;
        this.tick = tick;
    }

    void failed(String what, RuntimeException e) {
        stats.recordFailure();
        LOG.log(Level.ERROR, "tick=" + tick.getAsLong() + " " + what + " failed: " + e, e);
    }
}
