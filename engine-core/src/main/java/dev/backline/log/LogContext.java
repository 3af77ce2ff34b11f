package dev.backline.log;

/**
 * What a log line is about, per thread: the tick the thread is running, the player whose command or
 * connection it serves and the pack whose code it runs. The world thread, the command dispatch, the
 * script runtime and the connection threads set it; {@link JsonLogFormatter} and {@link TextLogFormatter}
 * add it to every record logged on that thread, so messages need not repeat it.
 *
 * <pre>{@code
 * LogContext log = LogContext.current();
 * String previous = log.enterPlayer("p:ann");
 * try { ... } finally { log.leavePlayer(previous); }
 * }</pre>
 */
public final class LogContext {
    /** {@link #tick()} on a thread that runs no ticks. */
    public static final long NO_TICK = -1;

    private static final ThreadLocal<LogContext> CURRENT = ThreadLocal.withInitial(LogContext::new);

    private long tick = NO_TICK;
    private String player;
    private String pack;

    private LogContext() {
    }

    /** The calling thread's context. */
    public static LogContext current() {
        return CURRENT.get();
    }

    /** The thread now runs {@code tick}; it stays so until the next call. */
    public void tick(long tick) {
        this.tick = tick;
    }

    /** Sets the player and returns the one before, for {@link #leavePlayer}. */
    public String enterPlayer(String player) {
        String previous = this.player;
        this.player = player;
        return previous;
    }

    public void leavePlayer(String previous) {
        this.player = previous;
    }

    /** Sets the pack and returns the one before, for {@link #leavePack}. */
    public String enterPack(String pack) {
        String previous = this.pack;
        this.pack = pack;
        return previous;
    }

    public void leavePack(String previous) {
        this.pack = previous;
    }

    public long tick() {
        return tick;
    }

    /** The player, or null. */
    public String player() {
        return player;
    }

    /** The pack, or null. */
    public String pack() {
        return pack;
    }
}
