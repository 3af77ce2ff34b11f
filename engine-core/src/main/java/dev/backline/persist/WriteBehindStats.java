package dev.backline.persist;

/**
 * A reading of the write-behind's counters, for health checks, metrics and tests.
 *
 * @param flushes            batches written successfully
 * @param rowsWritten        rows those batches wrote or deleted
 * @param failedWrites       write attempts that failed (each one retried)
 * @param backlogRows        rows handed over and not yet written
 * @param available          false from a failed write until the next successful one
 * @param lastWriteNanos     how long the last successful write took on the writer thread
 * @param maxWriteNanos      the longest successful write so far
 * @param lastHandoverNanos  how long the world thread spent on the last hand-over
 * @param maxHandoverNanos   the longest hand-over so far
 */
public record WriteBehindStats(long flushes, long rowsWritten, long failedWrites, long backlogRows, boolean available,
                               long lastWriteNanos, long maxWriteNanos, long lastHandoverNanos, long maxHandoverNanos) {
}
