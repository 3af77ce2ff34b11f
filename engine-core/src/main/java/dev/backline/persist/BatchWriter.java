package dev.backline.persist;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer thread's side of the write-behind. It merges everything handed over into one pending batch
 * (per id the latest change wins, so the backlog never holds more than one version of an entity), writes it
 * in one transaction, and on failure keeps merging newer batches while it waits and retries with a doubling
 * delay. The world thread only ever adds to a lock-free queue.
 */
final class BatchWriter implements Runnable {
    private static final Logger LOG = System.getLogger("backline.persist");
    private static final long IDLE_PARK_NANOS = 100_000_000L;
    private static final long STILL_DOWN_LOG_NANOS = 10_000_000_000L;

    /** What the world thread captured, and the future of a durable commit waiting for it (or null). */
    record Handover(ShardCapture capture, CompletableFuture<Void> durable) {
    }

    private final WorldStore store;
    private final WriteBehindConfig config;
    private final Queue<Handover> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedRows = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile Thread thread;
    private volatile long pendingRows;
    private volatile boolean available = true;
    private volatile long lastWriteNanos;
    private volatile long maxWriteNanos;
    private volatile long closeDeadline = Long.MAX_VALUE;
    private volatile boolean closing;
    private volatile long unwrittenAtExit;

    // Writer thread only.
    private FlushBatch pending;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private long retryDelayNanos;
    private long retryAt;
    private long failingSince;
    private long failuresInOutage;
    private long lastOutageLog;
    private boolean backlogWarned;

    BatchWriter(WorldStore store, WriteBehindConfig config) {
        this.store = store;
        this.config = config;
    }

    void startOn(Thread writerThread) {
        this.thread = writerThread;
        writerThread.start();
    }

    /** From any thread; never blocks. */
    void offer(Handover handover) {
        queuedRows.addAndGet(handover.capture().rows());
        queue.add(handover);
        LockSupport.unpark(thread);
    }

    boolean available() {
        return available;
    }

    long backlogRows() {
        return queuedRows.get() + pendingRows;
    }

    long flushes() {
        return flushes.get();
    }

    long rowsWritten() {
        return rowsWritten.get();
    }

    long failedWrites() {
        return failedWrites.get();
    }

    long lastWriteNanos() {
        return lastWriteNanos;
    }

    long maxWriteNanos() {
        return maxWriteNanos;
    }

    /**
     * Asks the writer to write what is left and stop, trying until {@code timeoutNanos} have passed, and waits
     * for it. Returns the rows it could not write (0 when everything is stored).
     */
    long finish(long timeoutNanos) {
        closeDeadline = System.nanoTime() + timeoutNanos;
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutNanos / 1_000_000 + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return thread.isAlive() ? backlogRows() : unwrittenAtExit;
    }

    @Override
    public void run() {
        while (true) {
            takeHandovers();
            if (pending == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            long now = System.nanoTime();
            if (closing && now - closeDeadline >= 0) {
                giveUp();
                return;
            }
            if (retryDelayNanos > 0 && now - retryAt < 0) {
                failWaiting(new StoreUnavailableException("the database is unavailable; retrying"));
                LockSupport.parkNanos(this, Math.min(retryAt - now, closing ? closeDeadline - now : Long.MAX_VALUE));
                continue;
            }
            attemptWrite();
        }
    }

    private void takeHandovers() {
        Handover h;
        while ((h = queue.poll()) != null) {
            FlushBatch batch = h.capture().toBatch();
            pending = pending == null ? batch : pending.followedBy(batch);
            queuedRows.addAndGet(-h.capture().rows());
            if (h.durable() != null) {
                waiting.add(h.durable());
            }
        }
        pendingRows = pending == null ? 0 : pending.rows();
        warnAboutBacklog();
    }

    private void attemptWrite() {
        long started = System.nanoTime();
        try {
            store.write(pending);
        } catch (RuntimeException e) {
            failed(e, started);
            return;
        }
        long took = System.nanoTime() - started;
        lastWriteNanos = took;
        if (took > maxWriteNanos) {
            maxWriteNanos = took;
        }
        flushes.incrementAndGet();
        rowsWritten.addAndGet(pending.rows());
        if (!available || failuresInOutage > 0) {
            LOG.log(Level.INFO, "database writes work again after " + (started - failingSince) / 1_000_000
                    + " ms and " + failuresInOutage + " failed attempts; wrote the " + pending.rows() + " rows waiting");
        }
        pending = null;
        pendingRows = 0;
        available = true;
        failuresInOutage = 0;
        retryDelayNanos = 0;
        for (CompletableFuture<Void> f : waiting) {
            f.complete(null);
        }
        waiting.clear();
    }

    private void failed(RuntimeException e, long now) {
        failedWrites.incrementAndGet();
        if (failuresInOutage == 0) {
            failingSince = now;
        }
        failuresInOutage++;
        available = false;
        failWaiting(e instanceof StoreUnavailableException ? e
                : new StoreUnavailableException("the database refused the write: " + e.getMessage(), e));
        long min = config.minRetryDelay().toNanos();
        retryDelayNanos = retryDelayNanos == 0 ? min : Math.min(retryDelayNanos * 2, config.maxRetryDelay().toNanos());
        retryAt = now + retryDelayNanos;
        if (failuresInOutage == 1) {
            LOG.log(Level.WARNING, "database write failed; the world keeps running, " + pending.rows()
                    + " rows wait and are retried from " + retryDelayNanos / 1_000_000 + " ms on: " + describe(e));
            lastOutageLog = now;
        } else if (now - lastOutageLog >= STILL_DOWN_LOG_NANOS) {
            LOG.log(Level.WARNING, "database still unavailable after " + (now - failingSince) / 1_000_000 + " ms and "
                    + failuresInOutage + " attempts; " + pending.rows() + " rows waiting: " + describe(e));
            lastOutageLog = now;
        }
    }

    private void failWaiting(RuntimeException e) {
        for (CompletableFuture<Void> f : waiting) {
            f.completeExceptionally(e);
        }
        waiting.clear();
    }

    private void warnAboutBacklog() {
        long rows = pendingRows;
        if (!backlogWarned && rows > config.backlogWarningRows()) {
            backlogWarned = true;
            LOG.log(Level.WARNING, rows + " changed rows are waiting for the database (warning level "
                    + config.backlogWarningRows() + "); memory holds one copy of each until it is back");
        } else if (backlogWarned && rows <= config.backlogWarningRows() / 2) {
            backlogWarned = false;
        }
    }

    private void giveUp() {
        unwrittenAtExit = pending.rows();
        LOG.log(Level.ERROR, "shutting down with the database unavailable: " + unwrittenAtExit
                + " changed rows could not be written and are lost (changes since the last successful flush)");
        failWaiting(new StoreUnavailableException("shutting down with the database unavailable"));
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return e.getMessage() + (cause != e ? " (" + cause.getMessage() + ")" : "");
    }
}
