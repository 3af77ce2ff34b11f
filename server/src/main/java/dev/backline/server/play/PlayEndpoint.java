package dev.backline.server.play;

import dev.backline.server.account.AccountService;
import dev.backline.session.PlayerChannel;
import dev.backline.shard.Shard;
import dev.backline.shard.WorldTask;
import dev.backline.shard.WorldThread;
import dev.backline.world.EntityId;
import io.helidon.websocket.WsListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@code /play} WebSocket endpoint: hands Helidon one {@link PlaySession} per connection and holds
 * what the sessions share (the shard, accounts, codec, timers).
 *
 * <pre>{@code WsRouting.builder().endpoint("/play", PlayEndpoint.create(config, shard, worldThread, accounts))}</pre>
 */
public final class PlayEndpoint implements Supplier<WsListener>, AutoCloseable {
    private static final Logger LOG = System.getLogger("backline.play");
    private static final Duration FIRST_RETRY = Duration.ofMillis(10);
    private static final Duration MAX_RETRY = Duration.ofSeconds(1);
    /** How often every session's connection is checked for having ended (see {@link PlaySession#checkConnection}). */
    static final Duration CONNECTION_CHECK = Duration.ofMillis(100);

    private final PlayConfig config;
    private final Shard shard;
    private final WorldThread worldThread;
    private final AccountService accounts;
    private final FrameCodec codec = new FrameCodec();
    private final CommandLimiter limiter;
    private final java.util.concurrent.atomic.LongAdder commandsQueued = new java.util.concurrent.atomic.LongAdder();
    private final Set<PlaySession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<EntityId, GraceChannel> graced = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("play-timers").daemon(true).factory());

    private PlayEndpoint(PlayConfig config, Shard shard, WorldThread worldThread, AccountService accounts) {
        this.config = config;
        this.shard = shard;
        this.worldThread = worldThread;
        this.accounts = accounts;
        this.limiter = new CommandLimiter(config.rateLimits());
        timers.scheduleWithFixedDelay(this::checkConnections, CONNECTION_CHECK.toNanos(), CONNECTION_CHECK.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void checkConnections() {
        for (PlaySession session : sessions) {
            try {
                session.checkConnection();
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: one session's failure must not stop the checks.
                LOG.log(Level.ERROR, "ending a session whose connection ended failed: " + e, e);
            }
        }
    }

    public static PlayEndpoint create(PlayConfig config, Shard shard, WorldThread worldThread, AccountService accounts) {
        return new PlayEndpoint(config, shard, worldThread, accounts);
    }

    @Override
    public WsListener get() {
        return new PlaySession(this, "s" + counter.incrementAndGet());
    }

    /** Open connections, authenticated or not. */
    public int openSessions() {
        return sessions.size();
    }

    /**
     * Tells every client the server is stopping and closes their sockets, waiting up to {@code wait} for
     * them to finish.
     */
    public void closeSessions(Duration wait) {
        List.copyOf(sessions).forEach(PlaySession::shutdown);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (sessions) {
            while (!sessions.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.log(Level.WARNING, sessions.size() + " sessions did not close in " + wait.toMillis() + " ms");
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sessions, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the endpoint's timers. */
    @Override
    public void close() {
        timers.shutdownNow();
    }

    PlayConfig config() {
        return config;
    }

    Shard shard() {
        return shard;
    }

    AccountService accounts() {
        return accounts;
    }

    FrameCodec codec() {
        return codec;
    }

    CommandLimiter limiter() {
        return limiter;
    }

    void commandQueued() {
        commandsQueued.increment();
    }

    /** Commands handed to the world since start. */
    public long commandsQueued() {
        return commandsQueued.sum();
    }

    /** Commands refused by the rate limits since start. */
    public long rateLimited() {
        return limiter.rejected();
    }

    void opened(PlaySession session) {
        sessions.add(session);
    }

    void ended(PlaySession session) {
        sessions.remove(session);
        synchronized (sessions) {
            sessions.notifyAll();
        }
    }

    Future<?> schedule(Runnable task, Duration delay) {
        try {
            return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the timers no longer matter.
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * The connection of a playing session ended. A deliberate end (the client closed normally, or the server
     * closed it) lets the player go now; a dropped connection keeps the player in the world, bound to a
     * {@link GraceChannel} that collects what they miss, for the reconnect grace period.
     */
    void departed(EntityId player, PlayerChannel channel, boolean deliberate) {
        if (deliberate || config.reconnectGrace().isZero()) {
            submitSurely(s -> s.presence().disconnect(player, channel), player);
            return;
        }
        GraceChannel grace = new GraceChannel(player, config.maxMissedEvents());
        submitSurely(s -> {
            // Unless a new connection of the player came first.
            if (s.sessions().unbind(player, channel)) {
                s.sessions().bind(player, grace);
                graced.put(player, grace);
                grace.expireWith(schedule(() -> submitSurely(st -> expire(st, grace), player), config.reconnectGrace()));
                LOG.log(Level.INFO, player + " dropped; kept for " + config.reconnectGrace().toSeconds() + " s");
            }
        }, player);
    }

    private void expire(Shard s, GraceChannel grace) {
        if (graced.remove(grace.player(), grace)) {
            s.presence().disconnect(grace.player(), grace);
            LOG.log(Level.INFO, grace.player() + " did not come back within the grace period and left");
        }
    }

    /** World thread, right after {@code player} connected: hands them what they missed during a grace period. */
    void resume(Shard s, EntityId player) {
        GraceChannel grace = graced.remove(player);
        if (grace != null && !grace.discarded()) {
            s.sessions().send(player, grace.resumed());
        }
    }

    /**
     * Queues a task that must not be lost (a player would stay in the world): when the queue is full a
     * virtual thread retries with backoff until the world takes it or stops.
     */
    private void submitSurely(WorldTask task, EntityId player) {
        if (shard.submit(task)) {
            return;
        }
        LOG.log(Level.WARNING, "the world's queue is full; retrying the departure of " + player);
        Thread.ofVirtual().name("play-departure-" + player).start(() -> retry(task, player));
    }

    private void retry(WorldTask task, EntityId player) {
        Duration delay = FIRST_RETRY;
        while (!shard.submit(task)) {
            if (!worldThread.isAlive()) {
                LOG.log(Level.WARNING, "the world stopped before the departure of " + player + " was queued");
                return;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // Keep trying: a lost departure leaves a ghost player in the world.
                Thread.interrupted();
            }
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
        }
        LOG.log(Level.INFO, "queued the departure of " + player + " after retrying");
    }
}
