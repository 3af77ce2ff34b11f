package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntitySnapshotTest {
    private static final EntityId BOX = EntityId.of("item:box");

    @Test
    void keepsThePropertiesInTheEntitysOrderAndEqualsAnyMapWithTheSameEntries() {
        World world = new World();
        world.create(EntitySpec.of(BOX, "item").withProperty("zeta", 1).withProperty("alpha", List.of("a"))
                .withProperty("mid", Map.of("k", true)));

        Map<String, Object> properties = world.get(BOX).snapshot().properties();

        assertThat(properties.keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(properties).isEqualTo(Map.of("zeta", 1L, "alpha", List.of("a"), "mid", Map.of("k", true)));
        assertThat(properties.hashCode()).isEqualTo(Map.of("zeta", 1L, "alpha", List.of("a"), "mid", Map.of("k", true)).hashCode());
        assertThat(properties.get("alpha")).isEqualTo(List.of("a"));
        assertThat(properties.get("nope")).isNull();
        assertThat(properties.containsKey("mid")).isTrue();
    }

    @Test
    void isACopyThatCannotBeChanged() {
        World world = new World();
        world.create(EntitySpec.of(BOX, "item").withProperty("n", 1));
        EntitySnapshot before = world.get(BOX).snapshot();
        world.setProperty(BOX, "n", 2);

        assertThat(before.properties()).containsEntry("n", 1L);
        assertThatThrownBy(() -> before.properties().put("n", 3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.properties().entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesAnOrdinaryMapItIsGiven() {
        Map<String, Object> mutable = new LinkedHashMap<>(Map.of("a", 1L));
        EntitySnapshot snapshot = new EntitySnapshot(BOX, "item", null, null, Set.of(), mutable);
        mutable.put("b", 2L);

        assertThat(snapshot.properties()).containsOnlyKeys("a");
    }
}
