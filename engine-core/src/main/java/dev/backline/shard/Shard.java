package dev.backline.shard;

import dev.backline.clock.GameClock;
import dev.backline.command.CommandRegistry;
import dev.backline.event.EventBus;
import dev.backline.event.GameEvent;
import dev.backline.log.LogContext;
import dev.backline.random.GameRandom;
import dev.backline.session.Sessions;
import dev.backline.timer.PackTimers;
import dev.backline.timer.Timers;
import dev.backline.world.PackStates;
import dev.backline.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One shard's world and the services that run it on its world thread. {@link #tick()} is one step of
 * the simulation; {@link WorldThread} calls it at a fixed rate in production, tests call it directly.
 * Other threads reach the shard only through {@link #submit} and {@link #submitControl}.
 */
public final class Shard {
    /** Live-ops work is rare; a full control queue means something is resubmitting in a loop. */
    private static final int CONTROL_CAPACITY = 1024;

    private final ShardConfig config;
    private final TickStats stats = new TickStats();
    private final FailureLog failures;
    private final World world = new World();
    private final PackStates packStates = new PackStates();
    private final PackTimers packTimers = new PackTimers();
    private final GameClock clock;
    private final GameRandom random;
    private final EventBus events;
    private final Timers timers;
    private final Sessions sessions = new Sessions();
    private final CommandRegistry commands = new CommandRegistry();
    private final TaskQueue queue;
    private final TaskQueue control = new TaskQueue(CONTROL_CAPACITY);
    private final LongSupplier nanoClock;
    private final long taskBudgetNanos;
    private final PlayerPresence presence;
    private final CommandDispatch commandDispatch;
    private final DurableCommands durableCommands;
    private final List<Runnable> afterTick = new ArrayList<>();
    private final TickPhases phases = new TickPhases();
    private final Duration tickPeriod;
    private long tick;
    private boolean backlogged;
    private final TaskCosts costs;
    private int tasksThisTick;
    private long lapStarted;

    public Shard(ShardConfig config) {
        this(config, System::nanoTime);
    }

    /** With the clock that times ticks and their task budget; tests pass one they advance themselves. */
    Shard(ShardConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
        this.taskBudgetNanos = config.taskBudget().toNanos();
        this.tickPeriod = config.tickPeriod();
        this.costs = new TaskCosts(tickPeriod.toNanos() / 2);
        this.failures = new FailureLog(stats);
        this.clock = GameClock.startingAt(config.gameStart(), config.clockRatio());
        this.random = GameRandom.seeded(config.seed());
        this.events = new EventBus((event, e) -> failures.failed("listener of '" + event.name() + "'", e));
        this.timers = new Timers(e -> failures.failed("timer", e));
        timers.resumeFiredThrough(clock.nowMillis());
        this.queue = new TaskQueue(config.queueCapacity());
        this.presence = new PlayerPresence(world, sessions, events);
        this.durableCommands = new DurableCommands(sessions);
        this.commandDispatch = new CommandDispatch(commands, sessions, durableCommands, failures);
        world.addListener(new RoomMoveEvents(world, events));
    }

    /**
     * Queues work for the world thread. Safe from any thread; never blocks.
     *
     * @return false if the queue is full and the task was not accepted
     */
    public boolean submit(WorldTask task) {
        return queue.offer(task);
    }

    /**
     * Queues live-ops work (swapping a pack generation in, rolling one back): it runs at the start of the
     * next tick, ahead of the player commands waiting then, so an operator's action neither waits behind a
     * backlog nor lands at the end of a tick that is already full. Safe from any thread; never blocks.
     *
     * @return false if the control queue is full and the task was not accepted
     */
    public boolean submitControl(WorldTask task) {
        return control.offer(task);
    }

    /**
     * Runs one tick: advance the clock, release the answers of durable commands that are stored, run control
     * tasks, fire due timers, raise {@code tick}, then run queued tasks within the task budget.
     */
    public void tick() {
        long started = nanoClock.getAsLong();
        phases.reset();
        tasksThisTick = 0;
        tick++;
        LogContext.current().tick(tick);
        clock.advanceReal(tickPeriod);
        durableCommands.releaseSettled();
        lapStarted = started;
        int controlRan = control.drain(control.depth(), task -> run(task, false));
        if (controlRan > 0) {
            // A swapped-in pack runs code the JIT has not compiled for it: expect its first commands to be slow.
            costs.codeChanged();
        }
        phases.control(lap());
        // The tick's own work first (what a budget cannot cut short), then the queued tasks in what is left.
        timers.fireDue(clock.nowMillis());
        events.drain();
        phases.timers(lap());
        if (events.hasListeners("tick")) {
            events.deliver(GameEvent.of("tick", Map.of("tick", tick, "now", clock.nowMillis())));
            events.drain();
        }
        phases.tickEvent(lap());
        // Only what waited when the tick began: tasks that arrive meanwhile wait, so under a load the world
        // cannot keep up with, ticks stay ticks instead of one tick draining an endless stream. And only what
        // fits the task budget: a task starts only if it would still end within it, taking what TaskCosts
        // predicts for its kind (after a reload, code the JIT has not compiled yet makes commands tens of ms
        // each); the rest wait, in order, and run between ticks (runBacklog), so the budget costs no capacity.
        int waiting = Math.min(config.maxTasksPerTick(), queue.depth());
        long budgetEnd = started + taskBudgetNanos;
        int ran;
        if (!config.hasTaskBudget()) {
            ran = queue.drain(waiting, this::runTask);
        } else if (controlRan > 0) {
            ran = 0; // live-ops work had this tick; the commands run after it, between ticks
        } else {
            ran = queue.drain(waiting, 0, task -> wouldEndBefore(task, budgetEnd), this::runTask);
        }
        backlogged = ran < waiting;
        if (backlogged) {
            stats.recordDeferred(waiting - ran);
        }
        phases.tasks(lap(), ran);
        for (Runnable hook : afterTick) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                failures.failed("after-tick hook", e);
            }
        }
        phases.afterTick(lap());
        stats.recordTick(lapStarted - started);
    }

    /** The time since the last lap (or the tick's start), for {@link TickPhases}. */
    private long lap() {
        long now = nanoClock.getAsLong();
        long took = now - lapStarted;
        lapStarted = now;
        return took;
    }

    /**
     * Between ticks, when the last tick left tasks waiting (its budget spent): runs queued tasks, oldest
     * first, while the clock is before {@code deadline} (the next tick's start). A world behind its commands
     * so keeps working on them instead of idling until the next tick, and the tick still starts on time.
     * Without a backlog it does nothing: commands then run at the tick, as always. World thread only.
     *
     * @return how many tasks ran; 0 when there was no backlog (any more)
     */
    public int runBacklog(long deadline) {
        if (!backlogged || queue.depth() == 0) {
            backlogged = false;
            return 0;
        }
        if (nanoClock.getAsLong() - deadline >= 0) {
            return 0;
        }
        // As in the tick, a task starts only if it would end before the next tick is due; but a tick
        // period without any task run would let a slow backlog starve, so the first one always runs.
        return queue.drain(config.maxTasksPerTick(), tasksThisTick == 0 ? 1 : 0,
                task -> wouldEndBefore(task, deadline), this::runTask);
    }

    /** Whether {@code task}, started now, would end before {@code deadline}, taking what {@link TaskCosts} predicts. */
    private boolean wouldEndBefore(WorldTask task, long deadline) {
        return nanoClock.getAsLong() + costs.predict(task) - deadline < 0;
    }

    private void runTask(WorldTask task) {
        run(task, true);
    }

    /** @param queued a queued task, whose time predicts the next ones' (live-ops work is rare and unlike them) */
    private void run(WorldTask task, boolean queued) {
        long started = nanoClock.getAsLong();
        try {
            task.run(this);
        } catch (RuntimeException e) {
            failures.failed("task", e);
        }
        events.drain();
        if (queued) {
            long took = nanoClock.getAsLong() - started;
            phases.task(took);
            tasksThisTick++;
            costs.ran(task, took);
        }
    }

    /** Adds work to run at the end of every tick (e.g. handing dirty entities to persistence). */
    public void afterEachTick(Runnable hook) {
        afterTick.add(hook);
    }

    public long currentTick() {
        return tick;
    }

    /** The tick count, game time, RNG state and how far timers have fired, for persistence. World thread only. */
    public ShardState state() {
        long now = clock.nowMillis();
        return new ShardState(tick, now, random.state(), Math.min(timers.firedThrough(), now));
    }

    /**
     * Continues from a state saved by an earlier run: the tick count, game time, random sequence and
     * calendar-aligned timers carry on where they stopped. Before the world thread starts only.
     */
    public void restore(ShardState saved) {
        tick = saved.tick();
        clock.resumeAt(saved.gameMillis());
        random.resume(saved.rngState());
        timers.resumeFiredThrough(saved.timersThroughMillis());
    }

    public ShardConfig config() {
        return config;
    }

    /** Where the last tick's time went. World thread only. */
    public TickPhases lastTickPhases() {
        return phases;
    }

    public TickStats stats() {
        return stats;
    }

    public World world() {
        return world;
    }

    /** Each pack's module state store. */
    public PackStates packStates() {
        return packStates;
    }

    /** Each pack's pending named timers, as data that persistence keeps. */
    public PackTimers packTimers() {
        return packTimers;
    }

    /** Commands whose answers wait until their effects are stored. */
    public DurableCommands durableCommands() {
        return durableCommands;
    }

    public GameClock clock() {
        return clock;
    }

    public GameRandom random() {
        return random;
    }

    public EventBus events() {
        return events;
    }

    public Timers timers() {
        return timers;
    }

    public Sessions sessions() {
        return sessions;
    }

    public CommandRegistry commands() {
        return commands;
    }

    public PlayerPresence presence() {
        return presence;
    }

    public CommandDispatch commandDispatch() {
        return commandDispatch;
    }

    /** Tasks waiting for the world thread: player commands and the like, and control tasks. */
    public int queueDepth() {
        return queue.depth() + control.depth();
    }
}
