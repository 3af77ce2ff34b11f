package dev.backline.session;

/**
 * The way to one connected player. Implementations must never block the caller (the world thread):
 * {@link #offer} queues or refuses.
 */
public interface PlayerChannel {
    /** Queues an event; returns false if the player's outbox is full (a slow consumer). */
    boolean offer(OutboundEvent event);

    /** Ends the connection with a stable reason code. */
    void close(String code, String reason);
}
