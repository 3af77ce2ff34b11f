package dev.backline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded world becomes one room entity per room. */
class WorldDataTest {
    @TempDir
    Path dir;

    @Test
    void populateCreatesOneRoomEntityPerRoom() {
        WorldFiles.valid(dir);
        WorldData data = WorldDataLoader.load(dir);
        World world = new World();
        data.populate(world);

        assertThat(world.size()).isEqualTo(4);
        assertThat(world.all()).extracting(Entity::kind).containsOnly("room");
        Entity square = world.get(EntityId.of("town:square"));
        assertThat(square.property("name")).isEqualTo("Square");
        assertThat(square.property("description")).isEqualTo("The town square.");
        assertThat(square.property("zone")).isEqualTo("town");
        assertThat(square.property("exits")).isEqualTo(Map.of("north", "town:inn", "east", "woods:edge"));
        assertThat(square.tags()).containsExactlyInAnyOrder("outdoors", "busy");
        assertThat(square.property("fountain")).isInstanceOf(Map.class);
        assertThat(square.container()).isEmpty();
        Entity edge = world.get(EntityId.of("woods:edge"));
        assertThat(edge.property("exits")).as("one-way exits are exits too")
                .isEqualTo(Map.of("west", "town:square", "down", "woods:burrow"));
        assertThat(world.get(EntityId.of("woods:burrow")).property("exits")).isEqualTo(Map.of());
    }

    @Test
    void populateRefusesRoomsThatAlreadyExist() {
        WorldFiles.valid(dir);
        WorldData data = WorldDataLoader.load(dir);
        World world = new World();
        data.populate(world);
        assertThatThrownBy(() -> data.populate(world)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void roomsRejectReservedPropertiesAndUnknownDirections() {
        SourceLocation where = SourceLocation.of(Path.of("rooms.yaml"), 1);
        EntityId id = EntityId.of("town:hall");
        assertThatThrownBy(() -> new RoomData(id, "town", "Hall", "Big.", Map.of(), Set.of(),
                Map.of("exits", 1), where)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new RoomData(id, "town", "Hall", "Big.", Map.of("left", id), Set.of(),
                Map.of(), where)).hasMessageContaining("unknown direction 'left'");
        assertThatThrownBy(() -> new WorldData("W", EntityId.of("town:nowhere"), List.of(),
                List.of(new RoomData(id, "town", "Hall", "Big.", Map.of(), Set.of(), Map.of(), where))))
                .hasMessageContaining("start room 'town:nowhere'");
    }

    @Test
    void locationsPrintAsFileColonLineAndShortenRelativeToADirectory() {
        SourceLocation where = SourceLocation.of(dir.resolve("zones/town/rooms.yaml"), 7);
        assertThat(where).hasToString(dir.resolve("zones/town/rooms.yaml") + ":7");
        assertThat(Problem.at(where, "bad").relativeTo(dir)).hasToString(Path.of("zones", "town", "rooms.yaml") + ":7: bad");
        assertThat(where.relativeTo(dir.resolve("elsewhere"))).isEqualTo(where);
        assertThatThrownBy(() -> SourceLocation.of(Path.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directionsPairWithTheirOpposites() {
        for (Direction d : Direction.values()) {
            assertThat(d.opposite().opposite()).isEqualTo(d);
            assertThat(d.opposite()).isNotEqualTo(d);
        }
        assertThat(Direction.NORTHEAST.opposite()).isEqualTo(Direction.SOUTHWEST);
        assertThat(Direction.IN.opposite()).isEqualTo(Direction.OUT);
        assertThat(Direction.of("up")).contains(Direction.UP);
        assertThat(Direction.of("Up")).isEmpty();
    }

    @Test
    void reconcileAddsNewRoomsAndLetsTheDataWinForWhatItDeclares() {
        WorldFiles files = WorldFiles.valid(dir);
        World world = new World();
        WorldDataLoader.load(dir).populate(world);
        EntityId square = EntityId.of("town:square");
        world.setProperty(square, "graffiti", "was here");
        world.setProperty(square, "name", "Old Square");
        world.tag(square, "busy", false);
        world.tag(square, "dirty", true);
        world.drainDirty();

        files.write("zones/town/rooms.yaml", WorldFiles.TOWN_ROOMS.replace("name: Square", "name: Market Square")
                + """
                - id: chapel
                  name: Chapel
                  description: Quiet.
                  exits:
                    west: {to: square, oneWay: true}
                """);
        WorldData.Reconciled result = WorldDataLoader.load(dir).reconcile(world);

        assertThat(result).isEqualTo(new WorldData.Reconciled(1, 1, 0, 0));
        Entity updated = world.get(square);
        assertThat(updated.property("name")).as("declared: the data wins").isEqualTo("Market Square");
        assertThat(updated.property("graffiti")).as("not declared: kept").isEqualTo("was here");
        assertThat(updated.tags()).as("declared tags come back, others stay").contains("busy", "outdoors", "dirty");
        assertThat(world.get(EntityId.of("town:chapel")).property("name")).isEqualTo("Chapel");
        assertThat(world.drainDirty()).containsExactlyInAnyOrder(square, EntityId.of("town:chapel"));
    }

    @Test
    void reconcileRestoresTheDeclaredOrderOfExits() {
        WorldFiles.valid(dir);
        WorldData data = WorldDataLoader.load(dir);
        World world = new World();
        data.populate(world);
        EntityId square = EntityId.of("town:square");
        world.setProperty(square, "exits", new java.util.TreeMap<>(Map.of("north", "town:inn", "east", "woods:edge")));
        world.drainDirty();

        assertThat(data.reconcile(world).updated()).as("the same exits, only reordered").isZero();
        assertThat(((Map<?, ?>) world.get(square).property("exits")).keySet()).map(Object::toString).containsExactly("north", "east");
        assertThat(world.drainDirty()).as("the declared order is written back").containsExactly(square);
        data.reconcile(world);
        assertThat(world.drainDirty()).as("nothing left to change").isEmpty();
    }

    @Test
    void reconcileRefusesARoomIdThatNamesSomethingElse() {
        WorldFiles.valid(dir);
        World world = new World();
        world.create(dev.backline.world.EntitySpec.of(EntityId.of("town:inn"), "item"));

        assertThatThrownBy(() -> WorldDataLoader.load(dir).reconcile(world))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("room 'town:inn' is a item in the stored world");
    }
}
