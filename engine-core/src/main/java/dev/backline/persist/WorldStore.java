package dev.backline.persist;

/**
 * Where the world is kept between runs: the port the write-behind writes to and start-up reads from. The
 * PostgreSQL adapter lives in {@code dev.backline.persist.postgres}; the tick loop knows only this.
 * Implementations are thread-safe.
 */
public interface WorldStore {
    /**
     * Everything saved so far.
     *
     * @throws StoredWorldException listing every row that cannot be read back, with its table and id
     * @throws StoreUnavailableException if the store cannot be reached
     */
    StoredWorld load();

    /**
     * Writes a batch in one transaction: all of it or none of it.
     *
     * @throws StoreUnavailableException if the store cannot be reached; the caller may retry the same batch
     * @throws RuntimeException for any other failure; nothing was written
     */
    void write(FlushBatch batch);
}
