package dev.backline.session;

import dev.backline.world.EntityId;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is connected, keyed by the player's entity id. World thread only. Sending to a player whose
 * outbox is full closes that player's connection instead of blocking the world.
 */
public final class Sessions {
    private final Map<EntityId, PlayerChannel> online = new LinkedHashMap<>();
    // Closed for being slow but still bound until their disconnect task arrives: sending to them again
    // would close them again and count them twice.
    private final Set<PlayerChannel> closedAsSlow = Collections.newSetFromMap(new IdentityHashMap<>());
    private long slowConsumerDisconnects;
    private EntityId commandPlayer;
    private String commandRequestId;

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
        return true;
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
     * carry the command's request id, so the client can tell what they answer.
     */
    public void inCommand(EntityId player, String requestId, Runnable body) {
        EntityId outerPlayer = commandPlayer;
        String outerId = commandRequestId;
        commandPlayer = player;
        commandRequestId = requestId;
        try {
            body.run();
        } finally {
            commandPlayer = outerPlayer;
            commandRequestId = outerId;
        }
    }

    /** Sends an event; returns false if the player is not online or their outbox is full. */
    public boolean send(EntityId player, OutboundEvent event) {
        PlayerChannel channel = online.get(player);
        if (event.requestId() == null && commandRequestId != null && player.equals(commandPlayer)) {
            event = event.withRequestId(commandRequestId);
        }
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
