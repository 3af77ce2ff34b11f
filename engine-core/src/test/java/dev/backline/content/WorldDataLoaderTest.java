package dev.backline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backline.world.EntityId;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of problem in world data is reported with its file and line, and all of them at once. */
class WorldDataLoaderTest {
    private static final String TOWN = "zones/town/rooms.yaml";
    private static final String WOODS = "zones/woods/rooms.yaml";

    @TempDir
    Path dir;
    private WorldFiles files;

    @BeforeEach
    void writeValidWorld() {
        files = WorldFiles.valid(dir);
    }

    @Test
    void theValidWorldHasNoProblems() {
        assertThat(files.problems()).isEmpty();
        WorldData data = WorldDataLoader.load(dir);
        assertThat(data.name()).isEqualTo("Test World");
        assertThat(data.startRoom()).isEqualTo(EntityId.of("town:square"));
        assertThat(data.zones()).extracting(ZoneData::id).containsExactly("town", "woods");
        assertThat(data.rooms()).extracting(r -> r.id().value())
                .containsExactly("town:square", "town:inn", "woods:edge", "woods:burrow");
    }

    @Test
    void idsResolveWithinTheirZoneAndFullIdsAcrossZones() {
        WorldData data = WorldDataLoader.load(dir);
        RoomData square = data.room(EntityId.of("town:square")).orElseThrow();
        assertThat(square.exits()).containsExactly(
                Map.entry("north", EntityId.of("town:inn")), Map.entry("east", EntityId.of("woods:edge")));
        assertThat(square.zone()).isEqualTo("town");
        assertThat(square.where()).isEqualTo(SourceLocation.of(dir.resolve(TOWN), 1));
        assertThat(square.tags()).containsExactly("outdoors", "busy");
        @SuppressWarnings("unchecked")
        Map<String, Object> fountain = (Map<String, Object>) square.properties().get("fountain");
        assertThat(fountain).containsExactly(Map.entry("wishes", 3L), Map.entry("coins", List.of(1L, 2.5)),
                Map.entry("dry", false), new AbstractMap.SimpleEntry<>("owner", null));
        assertThat(data.room(EntityId.of("town:inn")).orElseThrow().description()).isEqualTo("Warm and loud.\nSmells of soup.\n");
        assertThat(data.room(EntityId.of("woods:edge")).orElseThrow().exits())
                .containsEntry("down", EntityId.of("woods:burrow"));
    }

    @Test
    void aMissingWorldFileIsReported() {
        files.delete("world.yaml");
        assertThat(files.problems()).containsExactly(
                files.at("world.yaml", 1, "missing file: a world data directory needs a world.yaml"));
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path nowhere = dir.resolve("nowhere");
        assertThat(WorldDataLoader.validate(nowhere)).extracting(Problem::toString).containsExactly(
                nowhere.resolve("world.yaml") + ":1: missing file: there is no directory " + nowhere);
    }

    @Test
    void yamlSyntaxErrorsHaveTheirLine() {
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("  name: The Inn", "  name: The Inn: [oops"));
        assertThat(files.problems()).singleElement().asString()
                .startsWith(files.at(TOWN, 11, "YAML syntax error: "));
    }

    @Test
    void emptyFilesAreReported() {
        files.write("zones/woods/zone.yaml", "# nothing yet\n");
        assertThat(files.problems()).containsExactly(files.at("zones/woods/zone.yaml", 1, "the file is empty"));
    }

    @Test
    void unknownKeysAreNamedWithTheAllowedOnes() {
        files.write("world.yaml", WorldFiles.WORLD + "motd: hello\n");
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("  name: The Inn", "  nmae: The Inn"));
        assertThat(files.problems()).containsExactly(
                files.at("world.yaml", 4, "unknown key 'motd' in world.yaml; allowed keys: name, start, zones, items"),
                files.at(TOWN, 10, "a room is missing 'name'"),
                files.at(TOWN, 11, "unknown key 'nmae' in a room; allowed keys: id, name, description, exits, tags, properties, items"));
    }

    @Test
    void missingAndBlankFieldsAreReported() {
        files.write("zones/town/zone.yaml", "name: '  '\n");
        files.write(WOODS, """
                - id: edge
                  name:
                  description: Trees.
                  exits:
                    west: town:square
                - name: Nameless
                  description: No id.
                  exits: {}
                """);
        assertThat(files.problems()).containsExactly(
                files.at("zones/town/zone.yaml", 1, "'name' must not be blank"),
                files.at("zones/town/zone.yaml", 1, "zone.yaml is missing 'description'"),
                files.at(WOODS, 2, "'name' must not be blank"),
                files.at(WOODS, 6, "a room is missing 'id'"));
    }

    @Test
    void wrongTypesAreNamed() {
        files.write(WOODS, """
                - id: edge
                  name: 1984
                  description: [Trees]
                  exits:
                    - west
                  tags: outdoors
                """);
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("east: woods:edge", "east: 12"));
        assertThat(files.problems()).containsExactly(
                files.at(TOWN, 6, "exit 'east' must be a string, not a number (put it in quotes)"),
                files.at(WOODS, 2, "'name' must be a string, not a number (put it in quotes)"),
                files.at(WOODS, 3, "'description' must be a string, not a list"),
                files.at(WOODS, 5, "'exits' must be a mapping of direction to room id, not a list"),
                files.at(WOODS, 6, "'tags' must be a list of lower-case words, not a string"));
    }

    @Test
    void malformedIdsAreReported() {
        files.write("world.yaml", WorldFiles.WORLD.replace("start: town:square", "start: square"));
        files.write(TOWN, WorldFiles.TOWN_ROOMS
                .replace("- id: inn", "- id: The Inn")
                .replace("east: woods:edge", "east: Woods Edge"));
        assertThat(files.problems()).containsExactly(
                files.at("world.yaml", 2, "'start' must be a full room id like 'downtown:main-street', not 'square'"),
                files.at(TOWN, 5, "exit 'north' leads to unknown room 'town:inn'"),
                files.at(TOWN, 6, "exit 'east' leads to malformed room id 'Woods Edge': use a room of this zone like "
                        + "'main-street' or a full id like 'downtown:main-street'"),
                files.at(TOWN, 10, "malformed room id 'The Inn': use lower-case letters, digits, '-', '_' and '.', "
                        + "like 'main-street' (or 'town:main-street')"),
                // The dropped east exit leaves the woods' exit without a way back.
                files.at(WOODS, 5, "exit 'west' to 'town:square' has no way back: 'town:square' has no 'east' exit; "
                        + "add 'east: woods:edge' at " + Path.of(TOWN) + ":1 (or mark this exit "
                        + "{to: town:square, oneWay: true})"));
    }

    @Test
    void aRoomIdNamingAnotherZoneIsReported() {
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("- id: inn", "- id: woods:inn"));
        assertThat(files.problems()).containsExactly(files.at(TOWN, 10,
                "room id 'woods:inn' names zone 'woods' but the room is in zone 'town'; write 'inn'"));
    }

    @Test
    void duplicateRoomIdsSayWhereTheFirstOneIs() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("- id: burrow", "- id: edge"));
        assertThat(files.problems()).containsExactly(
                files.at(WOODS, 6, "exit 'down' leads to unknown room 'woods:burrow'"),
                files.at(WOODS, 7, "duplicate room id 'woods:edge' (first defined at line 1)"));
    }

    @Test
    void exitsToUnknownRoomsAreReported() {
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("north: inn", "north: pub")
                .replace("south: square", "south: square\n    west: castle:gate"));
        assertThat(files.problems()).containsExactly(
                files.at(TOWN, 5, "exit 'north' leads to unknown room 'town:pub'"),
                files.at(TOWN, 16, "exit 'south' to 'town:square' has no way back: its 'north' exit leads to "
                        + "'town:pub' (line 5) (or mark this exit {to: square, oneWay: true})"),
                files.at(TOWN, 17, "exit 'west' leads to unknown room 'castle:gate' (there is no zone 'castle' in world.yaml)"));
    }

    @Test
    void unknownDirectionsListTheAllowedOnes() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("exits: {}", "exits: {sideways: edge, Up: edge}"));
        assertThat(files.problems()).containsExactly(
                files.at(WOODS, 10, "unknown direction 'sideways'; allowed: north, south, east, west, northeast, "
                        + "southwest, northwest, southeast, up, down, in, out"),
                files.at(WOODS, 10, "unknown direction 'Up'; directions are lower case: 'up'"));
    }

    @Test
    void exitsWithoutAWayBackAreReportedUnlessOneWay() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("down: {to: burrow, oneWay: true}", "down: burrow"));
        assertThat(files.problems()).containsExactly(files.at(WOODS, 6,
                "exit 'down' to 'woods:burrow' has no way back: 'woods:burrow' has no 'up' exit; add 'up: edge' at "
                        + "line 7 (or mark this exit {to: burrow, oneWay: true})"));
    }

    @Test
    void exitMappingsAreChecked() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("down: {to: burrow, oneWay: true}",
                "down: {to: burrow, oneWay: maybe, via: rope}\n    up: {oneWay: true}"));
        assertThat(files.problems()).containsExactly(
                files.at(WOODS, 6, "unknown key 'via' in exit 'down'; allowed keys: to, oneWay"),
                files.at(WOODS, 6, "'oneWay' must be true or false, not a string"),
                files.at(WOODS, 6, "exit 'down' to 'woods:burrow' has no way back: 'woods:burrow' has no 'up' exit; "
                        + "add 'up: edge' at line 8 (or mark this exit {to: burrow, oneWay: true})"),
                files.at(WOODS, 7, "exit 'up' is missing 'to'"));
    }

    @Test
    void duplicateKeysAreReported() {
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("    south: square", "    south: square\n    south: square"));
        assertThat(files.problems()).containsExactly(files.at(TOWN, 17, "duplicate direction 'south' (first at line 16)"));
    }

    @Test
    void unknownZonesAndMissingZoneFilesAreReportedInWorldYaml() {
        files.write("world.yaml", """
                name: Test World
                start: town:square
                zones:
                  - town
                  - woods
                  - castle
                  - Bad Zone
                  - town
                """);
        files.delete("zones/woods/rooms.yaml");
        assertThat(files.problems()).containsExactly(
                files.at("world.yaml", 5, "zone 'woods' is missing the file zones/woods/rooms.yaml"),
                files.at("world.yaml", 6, "unknown zone 'castle': there is no directory zones/castle"),
                files.at("world.yaml", 7, "malformed zone name 'Bad Zone': use lower-case letters, digits, '-' and '_'"),
                files.at("world.yaml", 8, "zone 'town' is listed twice (first at line 4)"));
    }

    @Test
    void anUnknownStartRoomIsReported() {
        files.write("world.yaml", WorldFiles.WORLD.replace("town:square", "town:station"));
        assertThat(files.problems()).containsExactly(files.at("world.yaml", 2, "'start' is unknown room 'town:station'"));
    }

    @Test
    void propertiesMustBeJsonCompatible() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("  exits: {}", """
                  exits: {}
                  properties:
                    opened: 2024-05-01
                    depth: .inf
                    huge: 123456789012345678901234567890
                    odd: !thing 3
                    name: Burrow
                    fine: [1, 0x10, "2024-05-01", {a: yes}]
                    1: one
                """));
        assertThat(files.problems()).containsExactly(
                files.at(WOODS, 12, "properties.opened is a date, which JSON cannot hold; put it in quotes"),
                files.at(WOODS, 13, "properties.depth is .inf, which JSON cannot hold"),
                files.at(WOODS, 14, "properties.huge is 123456789012345678901234567890, too large for a 64-bit number; "
                        + "put it in quotes"),
                files.at(WOODS, 15, "properties.odd is tagged !thing, which JSON cannot hold; use strings, numbers, "
                        + "true/false, null, lists and mappings"),
                files.at(WOODS, 16, "property 'name' is reserved: the room's own field sets it"),
                files.at(WOODS, 18, "property name must be a string, not a number (put it in quotes)"));
    }

    @Test
    void selfReferencingPropertiesAreReportedOnce() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("  exits: {}", """
                  exits: {}
                  properties: &p {loop: *p}
                """));
        assertThat(files.problems()).singleElement().asString().startsWith(files.at(WOODS, 11, "properties.loop.loop"))
                .endsWith("is nested deeper than 32 levels (or refers to itself)");
    }

    @Test
    void nestedPropertiesAreConverted() {
        files.write(WOODS, WorldFiles.WOODS_ROOMS.replace("  exits: {}", """
                  exits: {}
                  properties:
                    fine: [1, 0x10, "2024-05-01", {a: yes, b: ~}]
                """));
        RoomData burrow = WorldDataLoader.load(dir).room(EntityId.of("woods:burrow")).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object> fine = (List<Object>) burrow.properties().get("fine");
        assertThat(fine).hasSize(4).startsWith(1L, 16L, "2024-05-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) fine.get(3);
        assertThat(last).containsExactly(Map.entry("a", true), new AbstractMap.SimpleEntry<>("b", null));
    }

    @Test
    void everyProblemIsCollectedAndLoadListsThemAll() {
        files.write("world.yaml", WorldFiles.WORLD + "extra: 1\n");
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("north: inn", "nowhere: inn"));
        files.write("zones/woods/zone.yaml", "name: [\n");
        assertThat(files.problems()).hasSize(4);
        assertThatThrownBy(() -> WorldDataLoader.load(dir))
                .isInstanceOfSatisfying(WorldDataException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.getMessage()).startsWith("world data in " + dir + " has 4 problems:")
                            .contains(files.at("world.yaml", 4, "unknown key 'extra'"))
                            .contains(dir.resolve(TOWN) + ":5: unknown direction 'nowhere'")
                            .contains(dir.resolve(TOWN) + ":16: exit 'south' to 'town:square' has no way back")
                            .contains(dir.resolve("zones/woods/zone.yaml") + ":2: YAML syntax error");
                });
    }

    @Test
    void garbageNeverCrashes() {
        for (String garbage : List.of("\t- x", "[[[", "- &a [*a]", "? [a]: b", "--- a\n--- b", "\u0000", "!!binary AAAA",
                "- *undefined", "x: &a {y: *a}")) {
            files.write(TOWN, garbage);
            assertThat(files.problems()).as(garbage).isNotEmpty()
                    .anySatisfy(p -> assertThat(p).startsWith(dir.resolve(TOWN) + ":"));
        }
    }
}
