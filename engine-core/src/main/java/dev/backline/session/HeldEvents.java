package dev.backline.session;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one command sent to its own player, held back until its effects are known to be stored (see
 * {@link Sessions#holdCommandEvents()}). Settled exactly once: {@link #release()} sends them, {@link #fail}
 * sends one event in their place. World thread only.
 */
public final class HeldEvents {
    private final Sessions sessions;
    private final EntityId player;
    private final String requestId;
    private List<OutboundEvent> events;
    private OutboundEvent replacement;
    private boolean settled;

    HeldEvents(Sessions sessions, EntityId player, String requestId) {
        this.sessions = sessions;
        this.player = player;
        this.requestId = requestId;
    }

    public EntityId player() {
        return player;
    }

    /** The id of the command whose events these are (may be null). */
    public String requestId() {
        return requestId;
    }

    public boolean settled() {
        return settled;
    }

    /** Sends the held events, in order. Does nothing if already settled. */
    public void release() {
        if (!settled) {
            settled = true;
            sendIfComplete();
        }
    }

    /** Drops the held events and sends {@code instead} (an error) in their place. Does nothing if already settled. */
    public void fail(OutboundEvent instead) {
        if (!settled) {
            settled = true;
            replacement = instead;
            sendIfComplete();
        }
    }

    /** The command has ended: these are all its events. */
    void complete(List<OutboundEvent> all) {
        events = new ArrayList<>(all);
        sendIfComplete();
    }

    private void sendIfComplete() {
        if (!settled || events == null) {
            return;
        }
        if (replacement != null) {
            sessions.sendNow(player, replacement);
        } else {
            events.forEach(e -> sessions.sendNow(player, e));
        }
        events = List.of();
    }
}
