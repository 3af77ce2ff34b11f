package dev.backline.persist;

import dev.backline.shard.Durability;
import dev.backline.shard.Shard;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Write-behind persistence of one shard (ARCHITECTURE.md, decision 6). At the end of a tick, once per flush
 * interval, the world thread takes what changed (entities, pack state and timers, clock and RNG) as
 * immutable snapshots and hands them to a writer thread, which writes them as one {@link FlushBatch} in one
 * transaction. The world thread
 * never waits on the database: while it is away, batches merge in memory (one version per entity) and the
 * writer retries with backoff. {@link #commitDurable()} writes through for what must not be lost once
 * acknowledged; {@link #close()} writes everything that is left.
 *
 * <pre>{@code
 * WriteBehind persistence = WriteBehind.start(shard, store, WriteBehindConfig.defaults());
 * WorldThread world = WorldThread.start(shard, "world");
 * ...
 * world.close();          // stop ticking first
 * persistence.close();    // then write the rest
 * }</pre>
 */
public final class WriteBehind implements Durability, AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.persist");

    private final Shard shard;
    private final WriteBehindConfig config;
    private final BatchWriter writer;
    private final LongSupplier nanoTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long lastHandover;
    private volatile long lastHandoverNanos;
    private volatile long maxHandoverNanos;

    private WriteBehind(Shard shard, WorldStore store, WriteBehindConfig config, LongSupplier nanoTime) {
        this.shard = shard;
        this.config = config;
        this.writer = new BatchWriter(store, config);
        this.nanoTime = nanoTime;
        this.lastHandover = nanoTime.getAsLong();
    }

    /**
     * Starts the writer thread, hooks the hand-over into the shard's ticks and makes it where the shard's
     * durable commands commit. Call before the world thread starts (or from a world task).
     */
    public static WriteBehind start(Shard shard, WorldStore store, WriteBehindConfig config) {
        return start(shard, store, config, System::nanoTime);
    }

    /** As {@link #start(Shard, WorldStore, WriteBehindConfig)}, measuring flush intervals with {@code nanoTime}. */
    static WriteBehind start(Shard shard, WorldStore store, WriteBehindConfig config, LongSupplier nanoTime) {
        WriteBehind wb = new WriteBehind(shard, store, config, nanoTime);
        wb.writer.startOn(Thread.ofPlatform().name("persist-writer").daemon(true).unstarted(wb.writer));
        shard.afterEachTick(wb::afterTick);
        shard.durableCommands().use(wb);
        return wb;
    }

    private void afterTick() {
        if (nanoTime.getAsLong() - lastHandover >= config.flushInterval().toNanos()) {
            handOver(null);
        }
    }

    /**
     * Hands everything changed so far to the writer now, and completes once it is in the store: for
     * operations of real value (a purchase) that must be stored before they are acknowledged. World thread
     * only; never blocks. Acknowledge from the future's completion, not before.
     *
     * @return completes when stored; fails at once with {@link StoreUnavailableException} while the store is
     *         away (the change stays in memory and is written when it is back, but may not be acknowledged)
     */
    public CompletableFuture<Void> commitDurable() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("persistence has shut down"));
        }
        if (!writer.available()) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("the database is unavailable"));
        }
        CompletableFuture<Void> stored = new CompletableFuture<>();
        handOver(stored);
        return stored;
    }

    /** {@link #commitDurable()}, as the shard's {@link Durability}. */
    @Override
    public CompletableFuture<Void> commit() {
        return commitDurable();
    }

    private void handOver(CompletableFuture<Void> durable) {
        if (closed.get()) {
            return;
        }
        long started = System.nanoTime();
        writer.offer(new BatchWriter.Handover(ShardCapture.take(shard), durable));
        long took = System.nanoTime() - started;
        lastHandoverNanos = took;
        if (took > maxHandoverNanos) {
            maxHandoverNanos = took;
        }
        lastHandover = nanoTime.getAsLong();
    }

    /** Whether the last write succeeded (durable commits are refused while it is false). Any thread. */
    @Override
    public boolean available() {
        return writer.available();
    }

    /** The counters now. Any thread. */
    public WriteBehindStats stats() {
        return new WriteBehindStats(writer.flushes(), writer.rowsWritten(), writer.failedWrites(), writer.backlogRows(),
                writer.available(), writer.lastWriteNanos(), writer.maxWriteNanos(), lastHandoverNanos, maxHandoverNanos);
    }

    /**
     * Takes the last changes and writes everything left, trying for up to the configured shutdown timeout.
     * Call only once the world thread has stopped: the final capture reads the world from this thread.
     * Idempotent.
     *
     * @return true if everything was stored
     */
    public boolean closeAndReport() {
        if (closed.getAndSet(true)) {
            return writer.backlogRows() == 0;
        }
        long started = System.nanoTime();
        ShardCapture last = ShardCapture.take(shard);
        writer.offer(new BatchWriter.Handover(last, null));
        long unwritten = writer.finish(config.shutdownTimeout().toNanos());
        if (unwritten == 0) {
            LOG.log(Level.INFO, "persistence: everything written at shutdown (tick " + last.shardState().tick() + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        }
        return unwritten == 0;
    }

    /** {@link #closeAndReport()}, for try-with-resources. */
    @Override
    public void close() {
        closeAndReport();
    }
}
