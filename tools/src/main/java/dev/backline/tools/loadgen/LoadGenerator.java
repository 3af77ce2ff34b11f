package dev.backline.tools.loadgen;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs a load: starts the players over the ramp-up (at most {@code joinConcurrency} joining at once),
 * has each send at its rate from the moment it is in, then stops, waits for the last answers and
 * reports. Sends are timed by a small scheduler pool and the sockets are served by a few JDK HTTP
 * clients (one selector thread each, one client per {@value #SOCKETS_PER_CLIENT} sockets), so thousands
 * of players need no thread of their own.
 *
 * <pre>{@code
 * LoadReport report = LoadGenerator.start(settings).run(p -> System.err.println(p.toLine()));
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
    static final int SOCKETS_PER_CLIENT = 1000;
    /** Protocol pings keep an idle player's socket from the server's 5-minute idle timeout. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final LoadSettings settings;
    private final LoadStats stats = new LoadStats();
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<Player> players = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> allJoined = new CompletableFuture<>();
    private final AtomicInteger joinsDone = new AtomicInteger();
    private final Semaphore joining;
    private final long startNanos = System.nanoTime();
    private final Thread joiner;
    private volatile long fullStrengthNanos;
    private volatile long answeredAtFullStrength;
    private volatile boolean stopping;
    // What progress() and the latency window have seen of the stats' intervals (guarded by this).
    private long lastSampleNanos = startNanos;
    private final Histogram sinceProgress = new Histogram(LoadStats.SIGNIFICANT_DIGITS);
    private long sentSinceProgress;
    private long answeredSinceProgress;
    private Histogram window;

    private LoadGenerator(LoadSettings settings) {
        this.settings = settings;
        this.joining = new Semaphore(settings.joinConcurrency());
        int clientCount = (settings.players() + SOCKETS_PER_CLIENT - 1) / SOCKETS_PER_CLIENT;
        for (int i = 0; i < clientCount; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.joinTimeout()).build());
        }
        for (int i = 0; i < settings.players(); i++) {
            players.add(new Player(settings.accountName(i), settings, stats, clients.get(i % clientCount)));
        }
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.scheduler = Executors.newScheduledThreadPool(threads, Thread.ofPlatform().name("loadgen-send-", 0).daemon().factory());
        this.joiner = Thread.ofPlatform().name("loadgen-join").daemon().unstarted(this::joinAll);
    }

    /** Starts joining players in the background; call {@link #run} or {@link #finish} next. */
    public static LoadGenerator start(LoadSettings settings) {
        LoadGenerator generator = new LoadGenerator(settings);
        generator.joiner.start();
        return generator;
    }

    public LoadSettings settings() {
        return settings;
    }

    /** Completes when every player has joined or failed to. */
    public CompletableFuture<Void> allJoined() {
        return allJoined;
    }

    private void joinAll() {
        long rampNanos = settings.rampUp().toNanos();
        int n = players.size();
        for (int i = 0; i < n && !stopping; i++) {
            long due = startNanos + (n == 1 ? 0 : rampNanos * i / n);
            try {
                long wait;
                while ((wait = due - System.nanoTime()) > 0 && !stopping) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                joining.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Player player = players.get(i);
            player.join().whenComplete((ok, error) -> {
                joining.release();
                if (error == null) {
                    startSending(player);
                }
                if (joinsDone.incrementAndGet() == n) {
                    answeredAtFullStrength = stats.answered();
                    fullStrengthNanos = System.nanoTime();
                    allJoined.complete(null);
                }
            });
        }
    }

    private void startSending(Player player) {
        if (stopping) {
            return;
        }
        Duration period = Player.period(settings.rate());
        if (period != null) {
            long nanos = period.toNanos();
            scheduler.scheduleAtFixedRate(player::sendNext, ThreadLocalRandom.current().nextLong(nanos), nanos,
                    TimeUnit.NANOSECONDS);
        }
        if (period == null || period.compareTo(KEEP_ALIVE) > 0) {
            long nanos = KEEP_ALIVE.toNanos();
            scheduler.scheduleAtFixedRate(player::ping, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The progress since the previous call: call it from one thread only (about once a second), since
     * each call starts a new interval.
     */
    public synchronized Progress progress() {
        collect();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastSampleNanos) / 1e9);
        lastSampleNanos = now;
        double p99 = sinceProgress.getTotalCount() == 0 ? 0 : sinceProgress.getValueAtPercentile(99) / 1000.0;
        Progress p = new Progress((now - startNanos) / 1e9, players.size(), stats.joinedCount(), stats.joinFailureCount(),
                sentSinceProgress / seconds, answeredSinceProgress / seconds, p99, stats.errorCount(), stats.disconnectCount());
        sinceProgress.reset();
        sentSinceProgress = 0;
        answeredSinceProgress = 0;
        return p;
    }

    /**
     * Starts measuring the latency of the answers from now on, apart from the rest of the run (a
     * benchmark compares a quiet window with one under reloads); ends the window before, if any.
     */
    public synchronized void startWindow() {
        collect();
        window = new Histogram(LoadStats.SIGNIFICANT_DIGITS);
    }

    /** The latency of the answers since {@link #startWindow}, and ends the window. */
    public synchronized LoadReport.Latency endWindow() {
        if (window == null) {
            throw new IllegalStateException("no window was started");
        }
        collect();
        LoadReport.Latency latency = LoadReport.Latency.of(window);
        window = null;
        return latency;
    }

    private void collect() {
        LoadStats.Interval interval = stats.sample();
        sinceProgress.add(interval.latency());
        sentSinceProgress += interval.sent();
        answeredSinceProgress += interval.answered();
        if (window != null) {
            window.add(interval.latency());
        }
    }

    /**
     * The whole run: waits for the joins, then lets every joined player send for the duration, showing
     * progress about once a second, then {@link #finish}es.
     */
    public LoadReport run(Consumer<Progress> onProgress) throws InterruptedException {
        long second = 1_000_000_000L;
        long nextReport = System.nanoTime() + second;
        while (true) {
            boolean joined = allJoined.isDone();
            long end = !joined ? Long.MAX_VALUE
                    : stats.joinedCount() == 0 ? fullStrengthNanos : fullStrengthNanos + settings.duration().toNanos();
            long wait = Math.min(nextReport, end) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long now = System.nanoTime();
            if (now >= nextReport) {
                onProgress.accept(progress());
                nextReport += second;
            }
            if (joined && now >= end) {
                return finish();
            }
        }
    }

    /** Stops sending, waits up to the drain time for the answers, closes every socket and reports. */
    public LoadReport finish() throws InterruptedException {
        stopping = true;
        long stopNanos = System.nanoTime();
        long answeredAtStop = stats.answered();
        joiner.interrupt();
        scheduler.shutdownNow();
        long drainEnd = stopNanos + settings.drain().toNanos();
        while (pendingCount() > 0 && System.nanoTime() < drainEnd) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long unanswered = pendingCount();
        synchronized (this) {
            collect();
        }
        List<CompletableFuture<?>> closing = new ArrayList<>();
        players.forEach(p -> closing.add(p.leave()));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the rest are aborted below
        }
        players.forEach(Player::abort);
        long full = fullStrengthNanos == 0 ? startNanos : fullStrengthNanos;
        long answeredBefore = fullStrengthNanos == 0 ? 0 : answeredAtFullStrength;
        double fullSeconds = Math.max(0, (stopNanos - full) / 1e9);
        double throughput = fullSeconds <= 0 ? 0 : (answeredAtStop - answeredBefore) / fullSeconds;
        return new LoadReport(settings.url().toString(), players.size(), stats.joinedCount(), settings.rate(),
                settings.mix().toString(), (stopNanos - startNanos) / 1e9, fullSeconds, stats.sent(), stats.answered(),
                unanswered, stats.skippedSends(), throughput, stats.sentByType(), stats.errors(), stats.disconnects(),
                stats.joinFailures(), LoadReport.latencies(stats.totals()));
    }

    /** What a {@link #probe} found: of {@code players}, how many answered in time and without an error. */
    public record ProbeResult(int players, int answered) {
    }

    /**
     * Sends every player one command {@code text}, outside the statistics, with at most {@code concurrency}
     * waiting for their answer at once, and counts the players answered without an error within {@code timeout}
     * of their send. A player not in the world counts as not answered. Proves that held connections are alive
     * and still authenticated.
     */
    public ProbeResult probe(String text, int concurrency, Duration timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger answered = new AtomicInteger();
        for (Player player : players) {
            slots.acquire();
            player.probe(text).completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, e) -> {
                if (Boolean.TRUE.equals(ok)) {
                    answered.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        return new ProbeResult(players.size(), answered.get());
    }

    /** Why joins failed so far, and how often. */
    public Map<String, Long> joinFailures() {
        return stats.joinFailures();
    }

    /** Why players in the world lost their connection so far, and how often. */
    public Map<String, Long> disconnects() {
        return stats.disconnects();
    }

    private long pendingCount() {
        return players.stream().mapToLong(Player::pendingCount).sum();
    }

    /** Aborts what is still open; safe after {@link #finish}. */
    @Override
    public void close() {
        stopping = true;
        joiner.interrupt();
        scheduler.shutdownNow();
        players.forEach(Player::abort);
        clients.forEach(HttpClient::shutdownNow);
    }
}
