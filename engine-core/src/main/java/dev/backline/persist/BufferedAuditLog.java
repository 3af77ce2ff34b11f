package dev.backline.persist;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link AuditLog} for callers that must not wait on the database (the world thread records reloads):
 * {@link #append} queues the entry and returns at once, and a writer thread appends it to the store behind,
 * retrying with a doubling delay while the store is away, so an entry made during an outage is stored when
 * it is back. The queue is bounded; a full queue drops the entry and logs it as an error. {@link #recent}
 * reads the store, so it does not show entries still queued.
 *
 * <pre>{@code
 * BufferedAuditLog audit = BufferedAuditLog.start(database.auditLog());
 * audit.append(AuditEntry.of("admin:ops", "pack.reload", "backline-city", Map.of()));
 * audit.close();   // writes what is queued, trying for a while
 * }</pre>
 */
public final class BufferedAuditLog implements AuditLog, AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.persist");
    static final int CAPACITY = 10_000;
    private static final long MIN_RETRY_NANOS = 100_000_000L;
    private static final long MAX_RETRY_NANOS = 5_000_000_000L;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final AuditLog store;
    private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private volatile long closeDeadline = Long.MAX_VALUE;

    private BufferedAuditLog(AuditLog store) {
        this.store = store;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon(true).unstarted(this::run);
    }

    /** Starts the writer thread in front of {@code store}. */
    public static BufferedAuditLog start(AuditLog store) {
        BufferedAuditLog log = new BufferedAuditLog(store);
        log.writer.start();
        return log;
    }

    /** Queues the entry; never blocks. It is stored shortly, or once the store is back. */
    @Override
    public void append(AuditEntry entry) {
        if (closing || !queue.offer(entry)) {
            dropped.incrementAndGet();
            LOG.log(Level.ERROR, "audit entry dropped (" + (closing ? "shutting down" : CAPACITY + " entries waiting for the"
                    + " database") + "): " + entry.action() + " of " + entry.subject() + " by " + entry.actor() + " at " + entry.at());
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return store.recent(limit);
    }

    /** Entries queued and not yet stored. */
    public int pending() {
        return queue.size();
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        long delay = 0;
        AuditEntry entry = null;
        while (true) {
            try {
                if (entry == null) {
                    entry = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (entry == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                }
                store.append(entry);
                written.incrementAndGet();
                entry = null;
                delay = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                delay = delay == 0 ? MIN_RETRY_NANOS : Math.min(delay * 2, MAX_RETRY_NANOS);
                if (delay == MIN_RETRY_NANOS) {
                    LOG.log(Level.WARNING, "audit entries wait for the database (" + (queue.size() + 1)
                            + " queued), retrying: " + e.getMessage());
                }
                if (closing && System.nanoTime() + delay - closeDeadline > 0) {
                    int lost = queue.size() + 1;
                    LOG.log(Level.ERROR, "shutting down with the database unavailable: " + lost + " audit entries were not stored");
                    return;
                }
                LockSupport.parkNanos(delay);
            }
        }
    }

    /** Stops taking entries and writes the queued ones, trying for up to 10 s. Idempotent. */
    @Override
    public void close() {
        closeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        closing = true;
        try {
            writer.join(CLOSE_WAIT_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
