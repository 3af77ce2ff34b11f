package dev.backline.persist;

import dev.backline.shard.ShardState;
import dev.backline.timer.PackTimer;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySnapshot;
import dev.backline.world.PackStateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * A {@link WorldStore} in memory for testing the write-behind without a database: it applies batches as a
 * database would, keeps every batch it was given, and can be switched off to play an outage.
 */
final class MemoryStore implements WorldStore {
    private final Map<EntityId, EntitySnapshot> entities = new LinkedHashMap<>();
    private final Map<PackStateKey, Object> packStates = new LinkedHashMap<>();
    private final Map<String, String> packVersions = new LinkedHashMap<>();
    private final Map<Long, PackTimer> timers = new LinkedHashMap<>();
    private final List<FlushBatch> written = new ArrayList<>();
    private ShardState shardState;
    private boolean down;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Makes writes block until {@link #release()}, as a slow database would. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    synchronized void goDown() {
        down = true;
    }

    synchronized void comeBack() {
        down = false;
    }

    @Override
    public synchronized StoredWorld load() {
        return new StoredWorld(Optional.ofNullable(shardState), List.copyOf(entities.values()), packStates, packVersions,
                List.copyOf(timers.values()));
    }

    @Override
    public void write(FlushBatch batch) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted");
        }
        apply(batch);
    }

    private synchronized void apply(FlushBatch batch) {
        if (down) {
            notifyAll();
            throw new StoreUnavailableException("the test store is down");
        }
        batch.removedEntities().forEach(entities::remove);
        entities.putAll(batch.entities());
        batch.removedPackStates().forEach(packStates::remove);
        packStates.putAll(batch.packStates());
        packVersions.putAll(batch.packVersions());
        batch.removedTimers().forEach(timers::remove);
        timers.putAll(batch.timers());
        shardState = batch.shardState();
        written.add(batch);
        notifyAll();
    }

    synchronized List<FlushBatch> written() {
        return List.copyOf(written);
    }

    synchronized Optional<EntitySnapshot> entity(EntityId id) {
        return Optional.ofNullable(entities.get(id));
    }

    synchronized Optional<ShardState> shardState() {
        return Optional.ofNullable(shardState);
    }

    /** Waits until {@code condition} holds (checked under this store's lock), failing after 10 s. */
    synchronized void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
