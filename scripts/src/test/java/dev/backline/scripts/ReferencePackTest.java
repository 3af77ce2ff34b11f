package dev.backline.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.session.OutboundEvent;
import dev.backline.world.EntityId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reference pack's first commands, on the real world data, with scripted players. */
class ReferencePackTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private TestWorld world;
    private WorldData data;

    @BeforeEach
    void start() {
        data = WorldDataLoader.load(REPO.resolve("world-data"));
        world = TestWorld.builder().world(data::populate).startRoom(data.startRoom())
                .scripts(REPO.resolve("scripts")).build();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String startRoomName() {
        return (String) world.shard().world().get(data.startRoom()).property("name");
    }

    /** A direction out of the start room and the room it leads to. */
    @SuppressWarnings("unchecked")
    private Map.Entry<String, String> firstExit() {
        Map<String, Object> exits = (Map<String, Object>) world.shard().world().get(data.startRoom()).property("exits");
        Map.Entry<String, Object> e = exits.entrySet().iterator().next();
        return Map.entry(e.getKey(), (String) e.getValue());
    }

    @Test
    void joiningShowsWelcomeThenTheStartRoom() {
        TestPlayer alice = world.join("Alice");
        List<OutboundEvent> events = alice.received();
        assertThat(events).extracting(OutboundEvent::type).startsWith("welcome", "room");
        OutboundEvent room = events.get(1);
        assertThat(room.text()).startsWith(startRoomName()).contains("Exits:");
        assertThat(room.payload()).containsEntry("id", data.startRoom().value());
        assertThat((List<?>) room.payload().get("exits")).isNotEmpty();
    }

    @Test
    void lookDescribesTheRoomAndAnswersTheCommand() {
        TestPlayer alice = world.join("Alice");
        List<OutboundEvent> answer = alice.send("look");
        assertThat(answer).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("room");
            assertThat(e.text()).startsWith(startRoomName());
        });
        assertThat(alice.say("l nowhere-thing")).contains("You don't see 'nowhere-thing' here.");
    }

    @Test
    void playersSeeEachOtherArriveLeaveAndSpeak() {
        TestPlayer alice = world.join("Alice");
        TestPlayer bob = world.join("Bob");
        assertThat(alice.transcript()).contains("Bob appears.");
        Map.Entry<String, String> exit = firstExit();

        String there = alice.say(exit.getKey());
        assertThat(there).startsWith((String) world.shard().world().get(EntityId.of(exit.getValue())).property("name"));
        assertThat(bob.transcript()).contains("Alice leaves " + exit.getKey() + ".");

        bob.clear();
        bob.send("go " + exit.getKey());
        assertThat(alice.transcript()).contains("Bob arrives");
        assertThat(bob.say("look")).contains("Here: Alice.");

        alice.clear();
        assertThat(bob.say("say Shall we jam?")).isEqualTo("You say, \"Shall we jam?\"");
        assertThat(alice.transcript()).contains("Bob says, \"Shall we jam?\"");
        assertThat(alice.last("message").orElseThrow().payload()).containsEntry("channel", "say").containsEntry("from", "player:bob");

        alice.clear();
        bob.send("'Now!");
        assertThat(alice.transcript()).contains("Bob says, \"Now!\"");

        bob.leave();
        assertThat(alice.transcript()).contains("Bob leaves the game.");
    }

    @Test
    void whoListsEveryoneOnline() {
        TestPlayer alice = world.join("Alice");
        world.join("Bob");
        String who = alice.say("who");
        assertThat(who).contains("2 players are online").contains("Alice (you)").contains("Bob");
    }

    @Test
    void badDirectionsGetClearAnswers() {
        TestPlayer alice = world.join("Alice");
        assertThat(alice.say("go")).contains("Go where?");
        assertThat(alice.say("go sideways")).contains("'sideways' is not a direction");
        @SuppressWarnings("unchecked")
        Map<String, Object> exits = (Map<String, Object>) world.shard().world().get(data.startRoom()).property("exits");
        String missing = List.of("up", "down", "in", "out", "northeast", "southwest").stream()
                .filter(d -> !exits.containsKey(d)).findFirst().orElseThrow();
        assertThat(alice.say(missing)).isEqualTo("You can't go " + missing + " from here.");
    }

    @Test
    void helpIsBuiltFromTheRegistrations() {
        TestPlayer alice = world.join("Alice");
        String help = alice.say("help");
        for (String command : List.of("look", "go", "say", "who", "help", "north")) {
            assertThat(help).contains("  " + command);
        }
        assertThat(alice.say("help n")).contains("Walk north.");
        assertThat(alice.say("help dance")).contains("There is no command 'dance'");
    }

    @Test
    void unknownCommandsGetTheUnknownCommandError() {
        TestPlayer alice = world.join("Alice");
        assertThat(alice.send("dance")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("error");
            assertThat(e.payload()).containsEntry("code", "unknown_command");
        });
    }

    @Test
    void noScriptFaultsInANormalSession() {
        TestPlayer alice = world.join("Alice");
        TestPlayer bob = world.join("Bob");
        for (String c : List.of("look", "who", "help", "say hi", "n", "s", "e", "w", "look bob", "go out")) {
            alice.send(c);
            bob.send(c);
        }
        assertThat(world.scripts().faults().recent()).isEmpty();
    }
}
