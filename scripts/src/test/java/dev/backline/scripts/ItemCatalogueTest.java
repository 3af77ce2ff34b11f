package dev.backline.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backline.content.ItemTemplateData;
import dev.backline.content.WorldData;
import dev.backline.content.WorldDataLoader;
import dev.backline.script.testing.TestPlayer;
import dev.backline.script.testing.TestWorld;
import dev.backline.world.EntityId;
import dev.backline.world.EntitySpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every item template of the reference world works with the reference pack: it can be looked at, an item
 * with a slot can be equipped (so its slot is one the pack knows), one with a {@code use} can be used,
 * and none of it raises a script error. New templates are covered without touching this test.
 */
class ItemCatalogueTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyTemplateCanBeLookedAtEquippedAndUsedAsItsPropertiesSay() {
        WorldData data = WorldDataLoader.load(REPO.resolve("world-data"));
        assertThat(data.templates()).as("the reference catalogue").hasSizeGreaterThanOrEqualTo(10);
        try (TestWorld world = TestWorld.builder().world(data::populate).startRoom(data.startRoom())
                .scripts(REPO.resolve("scripts")).build()) {
            TestPlayer alice = world.join("Alice");
            int n = 0;
            for (ItemTemplateData template : data.templates()) {
                EntityId id = EntityId.of("test:item-" + n++);
                world.submit(s -> s.world().create(EntitySpec.of(id, "item").withTemplate(template.id())
                        .withContainer(alice.id()).withProperty("owner", alice.id().value())));
                world.tick();
                String name = template.name().replaceFirst("^(a|an) ", "");
                assertThat(alice.say("look " + name)).as("look at %s", template.id())
                        .startsWith(template.description().strip().substring(0, 20));
                if (template.properties().containsKey("slot")) {
                    assertThat(alice.say("equip " + name)).as("equip %s", template.id()).doesNotContain("can't equip")
                            .doesNotContain("don't have");
                    assertThat(world.shard().world().get(id).property("equipped")).isEqualTo(template.properties().get("slot"));
                }
                if (template.properties().get("use") instanceof Map<?, ?> use) {
                    if (use.get("repairs") instanceof Map<?, ?> repairs) {
                        ItemTemplateData mended = data.templates().stream()
                                .filter(t -> repairs.get("skill").equals(t.properties().get("skill"))).findFirst().orElseThrow();
                        world.submit(s -> s.world().create(EntitySpec.of(EntityId.of("test:worn-" + id.localName()), "item")
                                .withTemplate(mended.id()).withContainer(alice.id()).withProperty("condition", 10)));
                    }
                    assertThat(alice.say("use " + name)).as("use %s", template.id()).doesNotContain("can't use")
                            .doesNotContain("You have nothing that needs");
                }
                world.submit(s -> s.world().find(id).ifPresent(e -> s.world().remove(id)));
                world.tick();
            }
            assertThat(world.scripts().faults().recent()).as("script errors").isEmpty();
        }
    }
}
