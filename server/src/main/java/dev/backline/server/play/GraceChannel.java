package dev.backline.server.play;

import dev.backline.session.OutboundEvent;
import dev.backline.session.PlayerChannel;
import dev.backline.world.EntityId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Stands in for the socket of a player whose connection dropped, for the reconnect grace period: the player
 * stays bound (and in the world), and what the world sends them is kept, the newest {@code capacity} events,
 * for the next connection of the same character ({@link #resumed()}). When the grace period ends without a
 * reconnect the endpoint disconnects the player through it. {@link #offer} never blocks: the world thread
 * calls it.
 */
final class GraceChannel implements PlayerChannel {
    private final EntityId player;
    private final int capacity;
    private final ArrayDeque<OutboundEvent> missed = new ArrayDeque<>();
    private long dropped;
    private volatile Future<?> expiry;
    private volatile boolean discarded;

    GraceChannel(EntityId player, int capacity) {
        this.player = player;
        this.capacity = capacity;
    }

    EntityId player() {
        return player;
    }

    void expireWith(Future<?> timer) {
        this.expiry = timer;
    }

    @Override
    public synchronized boolean offer(OutboundEvent event) {
        if (missed.size() == capacity) {
            missed.pollFirst();
            dropped++;
        }
        missed.addLast(event);
        return true;
    }

    /**
     * Replaced by a new connection ({@code session_replaced}: what was kept goes to it), or the player was sent
     * away (kicked: what was kept is dropped). Either way the grace timer is no longer needed.
     */
    @Override
    public void close(String code, String reason) {
        discarded = !"session_replaced".equals(code);
        Future<?> timer = expiry;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    boolean discarded() {
        return discarded;
    }

    /** The {@code resumed} event for the new connection: the missed events, oldest first, and how many were dropped. */
    synchronized OutboundEvent resumed() {
        List<Object> events = new ArrayList<>();
        for (OutboundEvent e : missed) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("type", e.type());
            if (e.text() != null) {
                v.put("text", e.text());
            }
            if (e.payload() != null) {
                v.put("payload", e.payload());
            }
            events.add(v);
        }
        missed.clear();
        return new OutboundEvent("resumed", events.isEmpty() ? null : events.size() + " events while you were away",
                Map.of("missed", events, "dropped", dropped), null);
    }
}
