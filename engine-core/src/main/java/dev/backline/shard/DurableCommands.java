package dev.backline.shard;

import dev.backline.command.CommandFailedException;
import dev.backline.session.HeldEvents;
import dev.backline.session.OutboundEvent;
import dev.backline.session.Sessions;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Commands whose effects are of real value (a purchase): a handler calls {@link #require()}, the events the
 * command sends to its player are held, and when the command has ended everything changed so far is
 * committed through {@link Durability}. Once the commit is stored the events go out; if it fails, the player
 * gets an {@value #UNAVAILABLE} error instead. While the store is known to be away, {@link #require()}
 * refuses at once, before the command has changed anything. The world thread never waits: settled commits
 * are released at the start of the next tick. World thread only.
 */
public final class DurableCommands {
    /** The error code a player gets when a durable command cannot be stored. */
    public static final String UNAVAILABLE = "unavailable";
    static final String UNAVAILABLE_MESSAGE = "The game cannot save right now, so this was not done. Try again in a moment.";
    private static final Logger LOG = System.getLogger("backline.persist");

    private record Waiting(HeldEvents events, CompletableFuture<Void> stored) {
    }

    private final Sessions sessions;
    private final List<Waiting> waiting = new ArrayList<>();
    private Durability durability = Durability.inMemory();

    DurableCommands(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Commits through {@code store} from now on (persistence installs itself here). */
    public void use(Durability store) {
        this.durability = Objects.requireNonNull(store, "store");
    }

    /**
     * Marks the running command as durable: its events to its player wait until its effects are stored.
     * Idempotent within a command.
     *
     * @throws IllegalStateException outside a command
     * @throws CommandFailedException with code {@value #UNAVAILABLE} if the store is known to be away; the
     *                                player gets that error, and nothing else the command sends them
     */
    public void require() {
        HeldEvents held = sessions.holdCommandEvents();
        if (!held.settled() && !durability.available()) {
            held.fail(error(held.requestId()));
        }
        if (held.settled()) {
            throw new CommandFailedException(UNAVAILABLE, UNAVAILABLE_MESSAGE);
        }
    }

    /** Commits what a durable command changed, once it has ended; its events wait for the outcome. */
    void commit(HeldEvents held) {
        if (held.settled()) {
            return;
        }
        CompletableFuture<Void> stored;
        try {
            stored = durability.commit();
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        Waiting w = new Waiting(held, stored);
        if (stored.isDone()) {
            settle(w);
        } else {
            waiting.add(w);
        }
    }

    /** Sends the answers of commits that have settled since the last call. */
    void releaseSettled() {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (w.stored().isDone()) {
                it.remove();
                settle(w);
            }
        }
    }

    /** Commands whose answers wait for their commit. */
    public int waiting() {
        return waiting.size();
    }

    private void settle(Waiting w) {
        if (!w.stored().isCompletedExceptionally()) {
            w.events().release();
            return;
        }
        Throwable cause = w.stored().exceptionNow();
        LOG.log(Level.WARNING, "a durable command of " + w.events().player() + " (request " + w.events().requestId()
                + ") could not be stored; the player was told it was not done: " + cause.getMessage());
        w.events().fail(error(w.events().requestId()));
    }

    private static OutboundEvent error(String requestId) {
        return OutboundEvent.error(UNAVAILABLE, UNAVAILABLE_MESSAGE, requestId);
    }
}
