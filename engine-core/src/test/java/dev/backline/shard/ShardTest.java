package dev.backline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.event.GameEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    private final Shard shard = new Shard(ShardConfig.defaults());
    private final List<String> log = new ArrayList<>();

    @Test
    void eachTickAdvancesTheClockByThePeriodTimesTheRatio() {
        long start = shard.clock().nowMillis();
        shard.tick();
        assertThat(shard.clock().nowMillis() - start).as("100 ms real at ratio 60").isEqualTo(6_000);
        for (int i = 1; i < 10; i++) {
            shard.tick();
        }
        assertThat(shard.clock().now()).isEqualTo(ShardConfig.defaults().gameStart().plusSeconds(60));
        assertThat(shard.currentTick()).isEqualTo(10);
        assertThat(shard.stats().ticks()).isEqualTo(10);
    }

    @Test
    void theClockFollowsTheConfiguredRateAndRatio() {
        Shard fast = new Shard(ShardConfig.defaults().withTickRate(20).withClockRatio(1));
        long start = fast.clock().nowMillis();
        for (int i = 0; i < 20; i++) {
            fast.tick();
        }
        assertThat(fast.clock().nowMillis() - start).isEqualTo(1_000);
    }

    /** A command task that logs "<label> at <ms>" and takes {@code nanos} of the test clock. */
    private WorldTask loggedCommand(String text, String label, long[] now, long nanos) {
        return WorldTask.command(text, s -> {
            log.add(label + " at " + now[0] / 1_000_000);
            now[0] += nanos;
        });
    }

    private Shard timedShard(long[] now, int tasks, long taskNanos) {
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(50), () -> now[0]);
        for (int i = 1; i <= tasks; i++) {
            int n = i;
            timed.submit(s -> {
                log.add("task " + n + " at tick " + s.currentTick());
                now[0] += taskNanos;
            });
        }
        return timed;
    }

    @Test
    void aTickStartsATaskOnlyIfOneAsSlowAsTheRecentOnesWouldEndWithinItsBudget() {
        long[] now = {0};
        Shard timed = timedShard(now, 6, 20_000_000);
        timed.tick();
        // 50 ms of a 100 ms tick, tasks of 20 ms: they start at 0 and 20; one starting at 40 would end at 60.
        assertThat(log).containsExactly("task 1 at tick 1", "task 2 at tick 1");
        assertThat(timed.stats().deferredTasks()).isEqualTo(4);
        assertThat(timed.queueDepth()).isEqualTo(4);

        timed.tick();
        assertThat(log).endsWith("task 3 at tick 2", "task 4 at tick 2").hasSize(4);
        assertThat(timed.stats().deferredTasks()).isEqualTo(6);
    }

    @Test
    void aSlowTaskKeepsTheNextTicksFromStartingAnotherUntilFastOnesHaveFollowed() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(50), () -> now[0]);
        timed.submit(s -> now[0] += 60_000_000);
        timed.tick();
        for (int i = 0; i < 3; i++) {
            timed.submit(s -> now[0] += 1_000_000);
        }
        timed.tick();
        assertThat(timed.queueDepth()).as("after a 60 ms task, none is started in a 50 ms budget").isEqualTo(3);
        assertThat(timed.lastTickPhases().describe()).contains("0 tasks");
    }

    @Test
    void aSlowKindOfCommandWaitsForRoomWithoutHoldingBackTheFastKindsAheadOfIt() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(50), () -> now[0]);
        timed.submit(WorldTask.command("who", s -> now[0] += 48_000_000));
        timed.tick();
        for (int i = 0; i < 5; i++) {
            timed.submit(loggedCommand("look north", "look", now, 1_000_000));
        }
        timed.submit(loggedCommand("WHO", "who", now, 48_000_000));
        now[0] = 100_000_000;
        timed.tick();

        // A 48 ms `who` made the general estimate 48 ms, which would have stopped every look; now looks are
        // predicted from looks. The second who would end past the budget (105 + 48 > 150 ms): it waits.
        assertThat(log).containsExactly("look at 100", "look at 101", "look at 102", "look at 103", "look at 104");
        assertThat(timed.queueDepth()).isEqualTo(1);
        assertThat(timed.runBacklog(200_000_000)).as("between ticks there is room for it").isEqualTo(1);
        assertThat(log).last().isEqualTo("who at 105");
    }

    @Test
    void afterAPackSwapEachKindsFirstCommandIsExpectedSlowUntilItHasRunOnce() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(50), () -> now[0]);
        timed.submit(WorldTask.command("look", s -> now[0] += 1_000_000));
        timed.tick();
        timed.submitControl(s -> log.add("swap"));
        timed.tick();
        timed.submit(loggedCommand("look", "look", now, 1_000_000));
        now[0] = 200_000_000 + 20_000_000;
        timed.tick();
        assertThat(log).as("a cold look 20 ms into a 50 ms budget would end past it").containsExactly("swap");

        now[0] = 300_000_000;
        timed.tick();
        assertThat(log).as("predicted at half a period, it never fits a half-period budget").containsExactly("swap");
        assertThat(timed.runBacklog(400_000_000)).as("but it fits between ticks").isEqualTo(1);
        assertThat(log).endsWith("look at 300");
        timed.submit(loggedCommand("look", "look", now, 1_000_000));
        now[0] = 400_000_000 + 20_000_000;
        timed.tick();
        assertThat(log).as("once it ran on the new code, it is predicted from that run").endsWith("look at 420");
    }

    @Test
    void betweenTicksTheBacklogRunsWhileASlowTaskWouldEndBeforeTheNextTick() {
        long[] now = {0};
        Shard timed = timedShard(now, 8, 20_000_000);
        timed.tick();
        assertThat(log).hasSize(2);
        // The tick ended at 40 ms with six waiting; tasks start at 40 and 60, one at 80 would end at the next tick.
        assertThat(timed.runBacklog(100_000_000)).isEqualTo(2);
        assertThat(log).endsWith("task 3 at tick 1", "task 4 at tick 1");
        assertThat(timed.runBacklog(100_000_000)).isZero();
    }

    @Test
    void aBacklogOfTasksSlowerThanATickStillMovesOneTaskPerTick() {
        long[] now = {0};
        Shard timed = timedShard(now, 3, 150_000_000);
        timed.tick();
        assertThat(log).containsExactly("task 1 at tick 1");
        timed.tick();
        assertThat(log).as("none fits the budget").hasSize(1);
        assertThat(timed.runBacklog(now[0] + 100_000_000)).isEqualTo(1);
        assertThat(log).endsWith("task 2 at tick 2");
    }

    @Test
    void withoutABacklogATaskArrivingAfterTheTickWaitsForTheNextOne() {
        long[] now = {0};
        Shard timed = timedShard(now, 1, 1_000_000);
        timed.tick();
        timed.submit(s -> log.add("arrived after the tick"));
        assertThat(timed.runBacklog(100_000_000)).isZero();
        timed.tick();
        assertThat(log).endsWith("arrived after the tick");
    }

    @Test
    void aBudgetOfTheWholeTickRunsEveryWaitingTaskHoweverLong() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(100), () -> now[0]);
        for (int i = 1; i <= 3; i++) {
            timed.submit(s -> now[0] += 80_000_000);
        }
        timed.tick();
        assertThat(timed.queueDepth()).isZero();
        assertThat(timed.stats().deferredTasks()).isZero();
    }

    @Test
    void controlTasksRunFirstAndTheirTickLeavesTheCommandsToTheRestOfThePeriod() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(10), () -> now[0]);
        timed.submit(s -> log.add("command 1"));
        timed.submit(s -> log.add("command 2"));
        timed.submitControl(s -> {
            log.add("swap");
            now[0] += 50_000_000;
        });
        timed.tick();
        // A tick that swapped runs no commands: they run after it, between ticks, within the rest of the period.
        assertThat(log).containsExactly("swap");
        assertThat(timed.lastTickPhases().describe()).startsWith("control 50 ms, timers 0 ms, tick event 0 ms, 0 tasks 0 ms");
        assertThat(timed.runBacklog(100_000_000)).isEqualTo(2);
        assertThat(log).containsExactly("swap", "command 1", "command 2");
    }

    @Test
    void theLastTicksPhasesSayWhereItsTimeWent() {
        long[] now = {0};
        Shard timed = new Shard(ShardConfig.defaults().withTaskBudgetPercent(50), () -> now[0]);
        timed.submit(s -> now[0] += 7_000_000);
        timed.submit(s -> now[0] += 3_000_000);
        timed.timers().after(timed.clock().nowMillis(), Duration.ZERO, () -> now[0] += 20_000_000);
        timed.events().subscribe("tick", e -> now[0] += 2_000_000);
        timed.afterEachTick(() -> now[0] += 4_000_000);
        timed.tick();
        assertThat(timed.lastTickPhases().describe()).isEqualTo(
                "control 0 ms, timers 20 ms, tick event 2 ms, 2 tasks 10 ms (longest 7 ms), after tick 4 ms");
    }

    @Test
    void submittedTasksRunAtTheNextTickInOrder() {
        for (int i = 1; i <= 3; i++) {
            int n = i;
            assertThat(shard.submit(s -> log.add("task " + n + " at tick " + s.currentTick()))).isTrue();
        }
        assertThat(log).isEmpty();
        assertThat(shard.queueDepth()).isEqualTo(3);

        shard.tick();
        assertThat(log).containsExactly("task 1 at tick 1", "task 2 at tick 1", "task 3 at tick 1");
        assertThat(shard.queueDepth()).isZero();
    }

    @Test
    void tasksSubmittedDuringATickWaitForTheNextSoATickAlwaysEnds() {
        // A task that submits another stands for network threads feeding the queue as fast as it drains.
        shard.submit(new WorldTask() {
            @Override
            public void run(Shard s) {
                log.add("task at tick " + s.currentTick());
                s.submit(this);
            }
        });

        shard.tick();
        assertThat(log).containsExactly("task at tick 1");
        assertThat(shard.queueDepth()).isEqualTo(1);
        shard.tick();
        assertThat(log).containsExactly("task at tick 1", "task at tick 2");
    }

    @Test
    void aThrowingTaskIsCountedAndTheNextTaskStillRuns() {
        shard.submit(s -> {
            throw new IllegalStateException("broken task");
        });
        shard.submit(s -> log.add("next"));
        shard.tick();

        assertThat(log).containsExactly("next");
        assertThat(shard.stats().failures()).isEqualTo(1);
    }

    @Test
    void aFullQueueRefusesTasks() {
        Shard small = new Shard(ShardConfig.defaults().withQueueCapacity(2));
        assertThat(small.submit(s -> { })).isTrue();
        assertThat(small.submit(s -> { })).isTrue();
        assertThat(small.submit(s -> { })).isFalse();
        small.tick();
        assertThat(small.submit(s -> { })).isTrue();
    }

    @Test
    void timersFireWhenGameTimePassesTheirDueTime() {
        shard.timers().after(shard.clock().nowMillis(), Duration.ofSeconds(12), () -> log.add("due"));
        shard.tick();
        assertThat(log).as("6 s of game time in").isEmpty();
        shard.tick();
        assertThat(log).containsExactly("due");
    }

    @Test
    void aThrowingTimerIsCountedAsAFailure() {
        shard.timers().after(shard.clock().nowMillis(), Duration.ZERO, () -> {
            throw new IllegalStateException("broken timer");
        });
        shard.timers().after(shard.clock().nowMillis(), Duration.ZERO, () -> log.add("other timer"));
        shard.tick();
        assertThat(shard.stats().failures()).isEqualTo(1);
        assertThat(log).containsExactly("other timer");
    }

    @Test
    void theTickEventCarriesTheTickNumberAndGameTime() {
        List<GameEvent> ticks = new ArrayList<>();
        shard.events().subscribe("tick", ticks::add);
        shard.tick();
        shard.tick();

        assertThat(ticks).extracting(e -> e.data().get("tick")).containsExactly(1L, 2L);
        assertThat(ticks.get(1).data().get("now")).isEqualTo(shard.clock().nowMillis());
    }

    @Test
    void eventsPublishedByTasksAreDeliveredBeforeTheNextTaskRuns() {
        shard.events().subscribe("ping", e -> log.add("ping"));
        shard.submit(s -> s.events().publish(GameEvent.of("ping", java.util.Map.of())));
        shard.submit(s -> log.add("second task"));
        shard.tick();
        assertThat(log).containsExactly("ping", "second task");
    }

    @Test
    void eventsPublishedByTickListenersAreDeliveredInTheSameTick() {
        shard.events().subscribe("tick", e -> shard.events().publish(GameEvent.of("echo", java.util.Map.of())));
        shard.events().subscribe("echo", e -> log.add("echo at " + shard.currentTick()));
        shard.tick();
        assertThat(log).containsExactly("echo at 1");
    }

    @Test
    void aThrowingListenerIsCountedAndTheTickGoesOn() {
        shard.events().subscribe("tick", e -> {
            throw new IllegalStateException("broken listener");
        });
        shard.afterEachTick(() -> log.add("after"));
        shard.tick();
        shard.tick();
        assertThat(shard.stats().failures()).isEqualTo(2);
        assertThat(log).containsExactly("after", "after");
    }

    @Test
    void afterTickHooksRunAfterTasksAndAThrowingOneIsCounted() {
        shard.afterEachTick(() -> {
            throw new IllegalStateException("broken hook");
        });
        shard.afterEachTick(() -> log.add("hook"));
        shard.submit(s -> log.add("task"));
        shard.tick();
        assertThat(log).containsExactly("task", "hook");
        assertThat(shard.stats().failures()).isEqualTo(1);
    }

    @Test
    void theSeedMakesTheRandomNumbersRepeatable() {
        Shard a = new Shard(ShardConfig.defaults().withSeed(5));
        Shard b = new Shard(ShardConfig.defaults().withSeed(5));
        assertThat(a.random().nextLong()).isEqualTo(b.random().nextLong());
    }

    @Test
    void aRestoredShardContinuesTickClockAndRandomSequence() {
        for (int i = 0; i < 5; i++) {
            shard.tick();
        }
        shard.random().nextLong();
        ShardState saved = shard.state();
        long nextDraw = shard.random().nextLong();

        Shard resumed = new Shard(ShardConfig.defaults());
        resumed.restore(saved);
        assertThat(resumed.state()).isEqualTo(saved);
        assertThat(resumed.random().nextLong()).isEqualTo(nextDraw);
        resumed.tick();
        assertThat(resumed.currentTick()).isEqualTo(6);
        assertThat(resumed.clock().nowMillis()).isEqualTo(saved.gameMillis() + 6_000);
    }
}
