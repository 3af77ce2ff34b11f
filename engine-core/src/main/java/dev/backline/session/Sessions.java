package dev.backline.session;

import dev.backline.world.EntityId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is connected, keyed by the player's entity id. World thread only. Sending to a player whose
 * outbox is full closes that player's connection instead of blocking the world.
 */
public final class Sessions {
    private final Map<EntityId, PlayerChannel> online = new LinkedHashMap<>();
    private final Map<EntityId, String> roles = new LinkedHashMap<>();
    // Closed for being slow but still bound until their disconnect task arrives: sending to them again
    // would close them again and count them twice.
    private final Set<PlayerChannel> closedAsSlow = Collections.newSetFromMap(new IdentityHashMap<>());
    private long slowConsumerDisconnects;
    private EntityId commandPlayer;
    private String commandRequestId;
    private List<OutboundEvent> commandEvents;
    private HeldEvents commandHold;

    /** Binds a player to a channel, returning the channel it replaced, if any. */
    public Optional<PlayerChannel> bind(EntityId player, PlayerChannel channel) {
        PlayerChannel replaced = online.put(player, channel);
        if (replaced != null && replaced != channel) {
            closedAsSlow.remove(replaced);
        }
        return Optional.ofNullable(replaced);
    }

    /** Unbinds the player, but only from this channel (a newer session of the same player stays). */
    public boolean unbind(EntityId player, PlayerChannel channel) {
        if (!online.remove(player, channel)) {
            return false;
        }
        closedAsSlow.remove(channel);
        roles.remove(player);
        return true;
    }

    /**
     * Records what the connected player may do beyond playing ({@code player}, {@code gm}, {@code admin}; the
     * server sets it from the account at connect). Scripts read it with {@code game.role(player)}.
     */
    public void setRole(EntityId player, String role) {
        if (online.containsKey(player)) {
            roles.put(player, role);
        }
    }

    /** The role of a connected player, or empty if they are not connected or have none. */
    public Optional<String> role(EntityId player) {
        return Optional.ofNullable(roles.get(player));
    }

    /** The channel a player is bound to, if connected. */
    public Optional<PlayerChannel> channel(EntityId player) {
        return Optional.ofNullable(online.get(player));
    }

    public boolean isOnline(EntityId player) {
        return online.containsKey(player);
    }

    public Set<EntityId> online() {
        return Collections.unmodifiableSet(online.keySet());
    }

    public int count() {
        return online.size();
    }

    /**
     * Runs {@code body} as the handling of one player's command: events sent to that player meanwhile
     * carry the command's request id, so the client can tell what they answer. They go out, in order, when
     * the command ends, unless the command asked for them to be held ({@link #holdCommandEvents()}).
     *
     * @return the command's held events, or null if it did not hold them
     */
    public HeldEvents inCommand(EntityId player, String requestId, Runnable body) {
        EntityId outerPlayer = commandPlayer;
        String outerId = commandRequestId;
        List<OutboundEvent> outerEvents = commandEvents;
        HeldEvents outerHold = commandHold;
        commandPlayer = player;
        commandRequestId = requestId;
        commandEvents = new ArrayList<>();
        commandHold = null;
        List<OutboundEvent> events;
        HeldEvents held;
        try {
            body.run();
        } finally {
            events = commandEvents;
            held = commandHold;
            commandPlayer = outerPlayer;
            commandRequestId = outerId;
            commandEvents = outerEvents;
            commandHold = outerHold;
            if (held != null) {
                held.complete(events);
            } else {
                events.forEach(e -> send(player, e));
            }
        }
        return held;
    }

    /**
     * Holds back what the running command sends to its player until the returned object is settled (its
     * effects stored, or not). Calling it again in the same command returns the same object.
     *
     * @throws IllegalStateException outside a command
     */
    public HeldEvents holdCommandEvents() {
        if (commandEvents == null) {
            throw new IllegalStateException("only a command's own events can be held, and no command is running");
        }
        if (commandHold == null) {
            commandHold = new HeldEvents(this, commandPlayer, commandRequestId);
        }
        return commandHold;
    }

    /**
     * Sends an event; returns false if the player is not online or their outbox is full. Inside a command,
     * events to the commanding player are queued until it ends (and then count as sent).
     */
    public boolean send(EntityId player, OutboundEvent event) {
        if (commandEvents != null && player.equals(commandPlayer)) {
            if (event.requestId() == null && commandRequestId != null) {
                event = event.withRequestId(commandRequestId);
            }
            PlayerChannel channel = online.get(player);
            if (channel == null || closedAsSlow.contains(channel)) {
                return false;
            }
            commandEvents.add(event);
            return true;
        }
        return sendNow(player, event);
    }

    boolean sendNow(EntityId player, OutboundEvent event) {
        PlayerChannel channel = online.get(player);
        if (channel == null || closedAsSlow.contains(channel)) {
            return false;
        }
        if (!channel.offer(event)) {
            closedAsSlow.add(channel);
            // The channel's close leads back here as a disconnect task, which raises playerLeave.
            slowConsumerDisconnects++;
            channel.close("slow_consumer", "your connection could not keep up with the game's events");
            return false;
        }
        return true;
    }

    public long slowConsumerDisconnects() {
        return slowConsumerDisconnects;
    }
}
