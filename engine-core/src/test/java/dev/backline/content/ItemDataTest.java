package dev.backline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.world.Entity;
import dev.backline.world.EntityId;
import dev.backline.world.World;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item catalogues and the items rooms place: loaded into the world, kept on restart, every problem with file:line. */
class ItemDataTest {
    private static final String GEAR = "items/gear.yaml";
    private static final String TOWN = "zones/town/rooms.yaml";
    private static final String GEAR_ITEMS = """
            - id: lute
              name: a dented lute
              description: It has seen taverns.
              tags: [instrument]
              properties:
                slot: hands
                modifiers: [{target: music, flat: 1}]
            - id: bread
              name: a loaf of bread
              description: Yesterday's.
            """;
    private static final String PLACED = """
              items:
                - gear:lute
                - {template: gear:bread, count: 2, properties: {stale: true}}
            """;

    @TempDir
    Path dir;
    private WorldFiles files;

    @BeforeEach
    void writeWorldWithItems() {
        files = WorldFiles.valid(dir)
                .write("world.yaml", WorldFiles.WORLD + "items: [gear]\n")
                .write(GEAR, GEAR_ITEMS)
                .write(TOWN, WorldFiles.TOWN_ROOMS.replace("    fountain: {wishes: 3, coins: [1, 2.5], dry: false, owner: null}\n",
                        "    fountain: {wishes: 3, coins: [1, 2.5], dry: false, owner: null}\n" + PLACED));
    }

    @Test
    void templatesAndPlacedItemsLoad() {
        assertThat(files.problems()).isEmpty();
        WorldData data = WorldDataLoader.load(dir);
        assertThat(data.templates()).extracting(t -> t.id().value()).containsExactly("gear:lute", "gear:bread");
        ItemTemplateData lute = data.template(EntityId.of("gear:lute")).orElseThrow();
        assertThat(lute.name()).isEqualTo("a dented lute");
        assertThat(lute.tags()).containsExactly("instrument");
        assertThat(lute.properties()).containsEntry("slot", "hands");
        assertThat(lute.where()).isEqualTo(SourceLocation.of(dir.resolve(GEAR), 1));
        assertThat(data.items()).extracting(i -> i.id().value()).containsExactly(
                "town:square/lute", "town:square/bread", "town:square/bread.2");
        assertThat(data.items().get(1).properties()).containsEntry("stale", true);
        assertThat(data.items()).allSatisfy(i -> assertThat(i.room()).isEqualTo(EntityId.of("town:square")));
    }

    @Test
    void populateCreatesTemplatesAndItemsInTheirRooms() {
        World world = new World();
        WorldDataLoader.load(dir).populate(world);
        Entity lute = world.get(EntityId.of("gear:lute"));
        assertThat(lute.kind()).isEqualTo(ItemTemplateData.KIND);
        assertThat(lute.container()).isEmpty();
        assertThat(lute.property("name")).isEqualTo("a dented lute");
        assertThat(lute.property("modifiers")).isEqualTo(List.of(Map.of("target", "music", "flat", 1L)));
        assertThat(world.contents(EntityId.of("town:square"), ItemPlacement.KIND))
                .extracting(e -> e.id().value(), e -> e.template().map(EntityId::value).orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("town:square/lute", "gear:lute"),
                        org.assertj.core.groups.Tuple.tuple("town:square/bread", "gear:bread"),
                        org.assertj.core.groups.Tuple.tuple("town:square/bread.2", "gear:bread"));
    }

    @Test
    void reconcilePutsBackWhatIsGoneLeavesWhatMovedAndUpdatesTemplates() {
        World world = new World();
        WorldDataLoader.load(dir).populate(world);
        EntityId lute = EntityId.of("town:square/lute");
        EntityId bread = EntityId.of("town:square/bread");
        world.move(lute, EntityId.of("town:inn"));         // someone carried it off
        world.remove(bread);                               // someone ate it
        files.write(GEAR, GEAR_ITEMS.replace("a dented lute", "a polished lute"));

        WorldData.Reconciled result = WorldDataLoader.load(dir).reconcile(world);

        assertThat(result.itemsPlaced()).isEqualTo(1);
        assertThat(result.templatesChanged()).isEqualTo(1);
        assertThat(world.get(lute).container()).contains(EntityId.of("town:inn"));
        assertThat(world.get(bread).container()).contains(EntityId.of("town:square"));
        assertThat(world.get(EntityId.of("gear:lute")).property("name")).isEqualTo("a polished lute");
        assertThat(WorldDataLoader.load(dir).reconcile(world)).isEqualTo(new WorldData.Reconciled(0, 0, 0, 0));
    }

    @Test
    void catalogueProblemsHaveFileAndLine() {
        files.write(GEAR, """
                - id: lute
                  name: a lute
                  description: Fine.
                  colour: brown
                - id: Lute!
                  name: x
                  description: y
                - id: lute
                  name: again
                  description: twice
                - id: other:drum
                  name: a drum
                  description: Loud.
                - id: horn
                  name: a horn
                  description: Brass.
                  properties: {name: Horn}
                - id: flute
                  description: Thin.
                """);
        assertThat(files.problems()).containsExactly(
                files.at(GEAR, 4, "unknown key 'colour' in an item template; allowed keys: id, name, description, tags, properties"),
                files.at(GEAR, 5, "malformed item template id 'Lute!': use lower-case letters, digits, '-', '_' and '.', like 'battered-telecaster'"),
                files.at(GEAR, 8, "duplicate item template id 'gear:lute'"),
                files.at(GEAR, 11, "item template id 'other:drum' names catalogue 'other' but it is in 'gear'; write 'drum'"),
                files.at(GEAR, 17, "property 'name' is reserved: the item template's own field sets it"),
                files.at(GEAR, 18, "an item template is missing 'name'"),
                files.at(TOWN, 12, "unknown item template 'gear:bread' (items/gear.yaml does not declare 'bread')"));
    }

    @Test
    void catalogueListProblemsAreReportedInWorldYaml() {
        files.write("world.yaml", WorldFiles.WORLD + "items: [gear, gear, town, Bad, missing]\n");
        assertThat(files.problems()).containsExactly(
                files.at("world.yaml", 4, "catalogue 'gear' is listed twice (first at line 4)"),
                files.at("world.yaml", 4, "catalogue 'town' has the name of a zone; their ids would clash: rename one"),
                files.at("world.yaml", 4, "malformed catalogue name 'Bad': use lower-case letters, digits, '-' and '_'"),
                files.at("world.yaml", 4, "unknown item catalogue 'missing': there is no file items/missing.yaml"));
    }

    @Test
    void placementProblemsHaveFileAndLine() {
        files.write(TOWN, WorldFiles.TOWN_ROOMS.replace("    fountain: {wishes: 3, coins: [1, 2.5], dry: false, owner: null}\n",
                "    fountain: {wishes: 3, coins: [1, 2.5], dry: false, owner: null}\n" + """
                  items:
                    - lute
                    - gear:harp
                    - tools:hammer
                    - {template: gear:lute, count: 0}
                    - {template: gear:lute, colour: red}
                """));
        assertThat(files.problems()).containsExactly(
                files.at(TOWN, 11, "item template id 'lute' must be a full id like 'instruments:busted-acoustic' (catalogue:name)"),
                files.at(TOWN, 12, "unknown item template 'gear:harp' (items/gear.yaml does not declare 'harp')"),
                files.at(TOWN, 13, "unknown item template 'tools:hammer' (there is no catalogue 'tools' in the 'items' list of world.yaml)"),
                files.at(TOWN, 14, "'count' must be a whole number from 1 to 100, not a number '0'"),
                files.at(TOWN, 15, "unknown key 'colour' in an item entry; allowed keys: template, count, properties"));
    }

    @Test
    void aWorldWithoutCataloguesStillLoads() {
        WorldFiles.valid(dir.resolve("plain"));
        WorldData data = WorldDataLoader.load(dir.resolve("plain"));
        assertThat(data.templates()).isEmpty();
        assertThat(data.items()).isEmpty();
    }
}
