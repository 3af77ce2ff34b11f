package dev.backline.server;

import dev.backline.command.CommandFailedException;
import dev.backline.command.CommandHandler;
import dev.backline.command.CommandSpec;
import dev.backline.session.OutboundEvent;
import dev.backline.shard.Shard;
import dev.backline.shard.ShardConfig;
import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import dev.backline.world.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small world for server tests: two connected rooms and a few Java commands standing in for the
 * JavaScript ones: {@code say}, {@code go}, {@code look}, {@code boom} (throws) and {@code wait} (holds the
 * world thread at a {@link WorldGate}). Players get a {@code room} event when they enter.
 */
public final class TestShard {
    public static final EntityId HALL = EntityId.of("test:hall");
    public static final EntityId YARD = EntityId.of("test:yard");

    private TestShard() {
    }

    public static Shard create(ShardConfig config, WorldGate gate) {
        Shard shard = new Shard(config);
        World world = shard.world();
        world.create(EntitySpec.of(HALL, "room").withProperty("name", "The Hall")
                .withProperty("exits", Map.of("north", YARD.value())));
        world.create(EntitySpec.of(YARD, "room").withProperty("name", "The Yard")
                .withProperty("exits", Map.of("south", HALL.value())));
        shard.presence().setStartRoom(HALL);
        register(shard, "say", "Say something to everyone in the room.", inv -> {
            Entity speaker = world.get(inv.player());
            EntityId room = speaker.container().orElseThrow();
            Map<String, Object> payload = Map.of("from", inv.player().value(), "text", inv.args());
            for (Entity listener : world.contents(room, "player")) {
                shard.sessions().send(listener.id(),
                        new OutboundEvent("message", speaker.property("name") + " says: " + inv.args(), payload, null));
            }
        });
        register(shard, "go", "Walk through an exit.", inv -> {
            Entity room = world.get(world.get(inv.player()).container().orElseThrow());
            Object exits = room.property("exits");
            String dir = inv.argv().isEmpty() ? "" : inv.argv().getFirst();
            if (!(exits instanceof Map<?, ?> map) || !(map.get(dir) instanceof String target)) {
                throw new CommandFailedException("no_exit", "You can't go that way.");
            }
            world.move(inv.player(), EntityId.of(target));
            sendRoom(shard, inv.player());
        });
        register(shard, "look", "Look around.", inv -> sendRoom(shard, inv.player()));
        register(shard, "boom", "Fails, to test error handling.", inv -> {
            throw new IllegalStateException("boom");
        });
        register(shard, "wait", "Holds the world thread at the test's gate.", inv -> gate.pass());
        shard.events().subscribe("playerEnter", event -> sendRoom(shard, EntityId.of((String) event.data().get("player"))));
        return shard;
    }

    private static void register(Shard shard, String name, String help, CommandHandler handler) {
        shard.commands().register(new CommandSpec(name, List.of(), help, null, "test", handler));
    }

    private static void sendRoom(Shard shard, EntityId player) {
        Entity room = shard.world().get(shard.world().get(player).container().orElseThrow());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", room.id().value());
        payload.put("exits", room.property("exits"));
        payload.put("players", shard.world().contents(room.id(), "player").stream().map(e -> e.id().value()).toList());
        shard.sessions().send(player, new OutboundEvent("room", (String) room.property("name"), payload, null));
    }
}
