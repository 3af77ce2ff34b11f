package dev.backline.shard;

import java.util.concurrent.CompletableFuture;

/**
 * Where a shard's changes become durable: the port {@link DurableCommands} writes through. Persistence
 * provides it ({@code WriteBehind}); a shard without persistence keeps everything in memory, so there a
 * commit is complete at once.
 */
public interface Durability {
    /** Whether the store is believed to be reachable: false once a write failed, until one succeeds. Any thread. */
    boolean available();

    /**
     * Hands everything changed so far to the store. World thread only; never blocks.
     *
     * @return completes once stored; fails if it cannot be stored
     */
    CompletableFuture<Void> commit();

    /** For a shard that is not persisted: always available, every commit complete at once. */
    static Durability inMemory() {
        return new Durability() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public CompletableFuture<Void> commit() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
