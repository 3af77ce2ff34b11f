package dev.backline.worlddata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.content.ItemTemplateData;
import dev.backline.content.RoomData;
import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.world.EntityId;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference world in this module is valid, big enough to play in, and has no room you cannot walk to. */
class ReferenceWorldTest {
    /** Maven runs the tests with the module directory as the working directory. */
    private static final Path WORLD = Path.of("").toAbsolutePath();

    private static WorldData data;

    @BeforeAll
    static void load() {
        assertThat(WorldDataLoader.validate(WORLD)).as("problems in %s", WORLD).isEmpty();
        data = WorldDataLoader.load(WORLD);
    }

    @Test
    void hasAtLeastTwelveRoomsInThreeZones() {
        assertThat(data.rooms()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(data.zones()).hasSizeGreaterThanOrEqualTo(3);
        Set<String> zonesWithRooms = data.rooms().stream().map(RoomData::zone).collect(Collectors.toSet());
        assertThat(zonesWithRooms).as("zones that have rooms").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theStartRoomExists() {
        assertThat(data.room(data.startRoom())).as("start room %s", data.startRoom()).isPresent();
    }

    @Test
    void everyRoomCanBeReachedFromTheStart() {
        Map<EntityId, RoomData> byId = data.rooms().stream().collect(Collectors.toMap(RoomData::id, Function.identity()));
        Set<EntityId> reached = new LinkedHashSet<>();
        Deque<EntityId> frontier = new ArrayDeque<>();
        frontier.add(data.startRoom());
        while (!frontier.isEmpty()) {
            EntityId here = frontier.poll();
            if (reached.add(here)) {
                frontier.addAll(byId.get(here).exits().values());
            }
        }
        assertThat(reached).as("rooms reachable from %s", data.startRoom()).containsExactlyInAnyOrderElementsOf(byId.keySet());
    }

    @Test
    void everyRoomHasAWayOutAndATextToRead() {
        for (RoomData room : data.rooms()) {
            assertThat(room.exits()).as("exits of %s", room.id()).isNotEmpty();
            assertThat(room.description().strip().split("(?<=[.!?])\\s+"))
                    .as("sentences in the description of %s", room.id()).hasSizeBetween(2, 4);
        }
    }

    @Test
    void hasItemCataloguesWithInstrumentsAmpsGearAndConsumables() {
        Set<String> catalogues = data.templates().stream().map(t -> t.id().namespace()).collect(Collectors.toSet());
        assertThat(catalogues).containsExactlyInAnyOrder("instruments", "amps", "gear", "consumables");
        for (ItemTemplateData template : data.templates()) {
            assertThat(template.name()).as("name of %s, as players read it", template.id()).matches("(a|an|some) .+");
            assertThat(template.description().strip().split("(?<=[.!?])\\s+"))
                    .as("sentences in the description of %s", template.id()).hasSizeBetween(1, 3);
        }
    }

    @Test
    void aNewPlayerFindsAnInstrumentInTheStartRoom() {
        assertThat(data.items()).filteredOn(i -> i.room().equals(data.startRoom()))
                .extracting(i -> data.template(i.template()).orElseThrow().properties().get("slot"))
                .as("equippable items in the start room").contains("hands");
    }
}
