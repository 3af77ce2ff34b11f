package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one place where a real thread is the point: these tests wait on it, with generous bounds. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorldThreadTest {
    private static final int HZ = 100;

    private final Shard shard = new Shard(ShardConfig.defaults().withTickRate(HZ));

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the world thread").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void runsTicksAtRoughlyTheConfiguredRate() throws Exception {
        try (WorldThread thread = WorldThread.start(shard, "world-test")) {
            long before = thread.call(Shard::currentTick).get(10, TimeUnit.SECONDS);
            long started = System.nanoTime();
            Thread.sleep(500);
            long after = thread.call(Shard::currentTick).get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;

            long expected = Math.round(seconds * HZ);
            assertThat(after - before).as("ticks in %.2f s at %d Hz", seconds, HZ)
                    .isBetween(expected / 5, expected * 2 + 10);
            // The query ran inside tick 'after'; the stats count it once that tick has finished.
            waitUntil(() -> shard.stats().ticks() >= after);
        }
    }

    @Test
    void aWorldBehindItsCommandsWorksOnThemBetweenTicksInsteadOfOneTaskPerTick() throws Exception {
        // A budget of 1 % (1 ms at 10 Hz) lets a tick start one 5 ms task; the others run between ticks.
        Shard budgeted = new Shard(ShardConfig.defaults().withTaskBudgetPercent(1));
        CountDownLatch done = new CountDownLatch(30);
        try (WorldThread thread = WorldThread.start(budgeted, "world-test")) {
            long first = thread.call(Shard::currentTick).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 30; i++) {
                assertThat(budgeted.submit(s -> {
                    LockSupport.parkNanos(5_000_000);
                    done.countDown();
                })).isTrue();
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            long ticks = thread.call(Shard::currentTick).get(10, TimeUnit.SECONDS) - first;
            assertThat(ticks).as("one task per tick would take 30 ticks").isLessThan(25);
            assertThat(budgeted.stats().deferredTasks()).isPositive();
        }
    }

    @Test
    void callReturnsResultsFromTheWorldThread() throws Exception {
        try (WorldThread thread = WorldThread.start(shard, "world-test")) {
            String name = thread.call(s -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
            assertThat(name).isEqualTo("world-test");
            assertThat(thread.call(s -> s.world().size()).get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void callCompletesExceptionallyWhenTheQueryThrows() {
        try (WorldThread thread = WorldThread.start(shard, "world-test")) {
            CompletableFuture<Object> result = thread.call(s -> {
                throw new IllegalStateException("bad query");
            });
            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("bad query");
        }
    }

    @Test
    void callFailsAtOnceWhenTheQueueIsFull() throws Exception {
        Shard small = new Shard(ShardConfig.defaults().withTickRate(HZ).withQueueCapacity(1));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WorldThread thread = WorldThread.start(small, "world-test")) {
            small.submit(s -> {
                busy.countDown();
                await(release);
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(small.submit(s -> { })).as("fills the queue of one").isTrue();

            CompletableFuture<Integer> refused = thread.call(s -> 1);
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).hasRootCauseMessage("the world's task queue is full");
            release.countDown();
            // The world thread takes the filler task only after the blocking one returns; until then the
            // queue of one is still full.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (small.queueDepth() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(thread.call(s -> 2).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void callAfterCloseFailsInsteadOfWaitingForever() {
        WorldThread thread = WorldThread.start(shard, "world-test");
        thread.close();
        CompletableFuture<Integer> late = thread.call(s -> 1);
        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskThatOverrunsThePeriodIsCountedAndLaterTicksStillRun() throws Exception {
        try (WorldThread thread = WorldThread.start(shard, "world-test")) {
            long period = shard.config().tickPeriod().toMillis();
            long tickBefore = thread.call(s -> {
                sleep(Duration.ofMillis(period * 5));
                return s.currentTick();
            }).get(10, TimeUnit.SECONDS);

            waitUntil(() -> shard.stats().overruns() >= 1);
            waitUntil(() -> shard.currentTick() > tickBefore + 5);
            assertThat(thread.isAlive()).isTrue();
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheLoop() throws Exception {
        try (WorldThread thread = WorldThread.start(shard, "world-test")) {
            shard.submit(s -> {
                throw new IllegalStateException("broken task");
            });
            assertThat(thread.call(s -> "still running").get(10, TimeUnit.SECONDS)).isEqualTo("still running");
            assertThat(shard.stats().failures()).isEqualTo(1);
        }
    }

    @Test
    void closeStopsTheThread() throws Exception {
        WorldThread thread = WorldThread.start(shard, "world-test");
        thread.call(Shard::currentTick).get(10, TimeUnit.SECONDS);
        assertThat(thread.isAlive()).isTrue();

        thread.close();
        assertThat(thread.isAlive()).isFalse();
        long ticks = shard.stats().ticks();
        Thread.sleep(50);
        assertThat(shard.stats().ticks()).as("no ticks after close").isEqualTo(ticks);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
