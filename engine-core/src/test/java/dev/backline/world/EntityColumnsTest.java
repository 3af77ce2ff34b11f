package dev.backline.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityColumnsTest {
    private static final EntityId HALL = EntityId.of("test:hall");

    private final World world = new World();

    @BeforeEach
    void populate() {
        world.create(EntitySpec.of(HALL, "room"));
        npc("npc:b", Map.of("energy", 40L, "mood", 0.5));
        npc("npc:a", Map.of("energy", 90.25));
        npc("npc:c", Map.of("energy", "tired", "mood", 1L));
        world.drainChanges();
    }

    private void npc(String id, Map<String, Object> props) {
        world.create(EntitySpec.of(EntityId.of(id), "npc").withContainer(HALL).withProperties(props));
    }

    private EntityColumns herd() {
        return world.columns("npc", List.of("energy", "mood"), new double[] {100, 7});
    }

    private Object prop(String id, String key) {
        return world.get(EntityId.of(id)).property(key);
    }

    @Test
    void rowsAreTheEntitiesOfTheKindByIdAndReadTheirPropertiesOrTheDefault() {
        EntityColumns herd = herd();
        assertThat(herd.open()).isEqualTo(3);
        assertThat(List.of(herd.id(0), herd.id(1), herd.id(2)))
                .containsExactly(EntityId.of("npc:a"), EntityId.of("npc:b"), EntityId.of("npc:c"));
        assertThat(herd.get(0, 0)).isEqualTo(90.25);
        assertThat(herd.get(1, 0)).as("a missing property reads as the default").isEqualTo(7);
        assertThat(herd.get(0, 1)).isEqualTo(40);
        assertThat(herd.get(0, 2)).as("a property that is not a number").isNaN();
        assertThat(herd.row(EntityId.of("npc:c"))).isEqualTo(2);
        assertThat(herd.row(HALL)).isEqualTo(-1);
    }

    @Test
    void settleWritesOnlyChangedValuesBackAndTheWorldTracksThemForPersistence() {
        EntityColumns herd = herd();
        herd.open();
        herd.set(0, 1, 39.5);
        herd.set(1, 0, 3);
        EntityColumns.Settlement settled = herd.settle();

        assertThat(settled.changed()).isEqualTo(2);
        assertThat(prop("npc:b", "energy")).isEqualTo(39.5);
        assertThat(prop("npc:a", "mood")).as("whole numbers are stored as setProp stores them").isEqualTo(3L);
        assertThat(prop("npc:c", "energy")).as("untouched").isEqualTo("tired");
        assertThat(world.drainChanges().changed()).extracting(s -> s.id().value())
                .containsExactlyInAnyOrder("npc:a", "npc:b");
        assertThat(herd.settle().changed()).as("nothing changed since").isZero();
        assertThat(world.drainChanges().changed()).isEmpty();
    }

    @Test
    void propertiesChangedByOtherMeansAreLoadedAgainAtTheNextOpen() {
        EntityColumns herd = herd();
        herd.open();
        herd.settle();
        world.setProperty(EntityId.of("npc:a"), "energy", 12);
        herd.open();
        assertThat(herd.get(0, 0)).isEqualTo(12);
    }

    @Test
    void aChangeByOtherMeansDuringTheCallIsKeptAndSeenAtTheNextOpen() {
        EntityColumns herd = herd();
        herd.open();
        herd.set(0, 0, 80);
        world.setProperty(EntityId.of("npc:a"), "mood", 2);
        herd.settle();
        assertThat(world.get(EntityId.of("npc:a")).properties()).containsEntry("energy", 80L).containsEntry("mood", 2L);
        herd.open();
        assertThat(herd.get(1, 0)).isEqualTo(2);
    }

    @Test
    void entitiesCreatedAndRemovedBetweenOpensGainAndLoseTheirRows() {
        EntityColumns herd = herd();
        herd.open();
        int generation = herd.generation();
        npc("npc:d", Map.of("energy", 5L));
        world.create(EntitySpec.of(EntityId.of("item:e"), "item").withProperty("energy", 1L));
        assertThat(herd.count()).as("until the next open").isEqualTo(3);
        assertThat(herd.open()).isEqualTo(4);
        assertThat(herd.id(3)).isEqualTo(EntityId.of("npc:d"));
        assertThat(herd.get(0, 3)).isEqualTo(5);
        assertThat(herd.generation()).as("room to grow: same buffers").isEqualTo(generation);

        herd.set(0, 0, 1);
        world.remove(EntityId.of("npc:a"));
        assertThat(herd.settle().changed()).as("a removed entity is not written").isZero();
        assertThat(herd.open()).isEqualTo(3);
        assertThat(herd.generation()).as("fresh buffers after removals").isGreaterThan(generation);
        assertThat(List.of(herd.id(0), herd.id(1), herd.id(2)))
                .containsExactly(EntityId.of("npc:b"), EntityId.of("npc:c"), EntityId.of("npc:d"));
        assertThat(herd.get(0, 0)).isEqualTo(40);
        assertThat(herd.row(EntityId.of("npc:a"))).isEqualTo(-1);
    }

    @Test
    void manyArrivalsGrowTheBuffers() {
        EntityColumns herd = herd();
        herd.open();
        for (int i = 0; i < 200; i++) {
            npc("npc:x" + i, Map.of("energy", (long) i));
        }
        assertThat(herd.open()).isEqualTo(203);
        assertThat(herd.buffer(0).capacity()).isGreaterThanOrEqualTo(203 * Double.BYTES);
        assertThat(herd.get(0, 202)).isEqualTo(199);
    }

    @Test
    void aValueThatIsNotFiniteIsRefusedAndThePropertyKeepsItsValue() {
        EntityColumns herd = herd();
        herd.open();
        herd.set(0, 0, Double.NaN);
        herd.set(0, 1, Double.POSITIVE_INFINITY);
        herd.set(1, 1, 4);
        EntityColumns.Settlement settled = herd.settle();

        assertThat(settled.refused()).isEqualTo(2);
        assertThat(settled.firstRefusal()).isEqualTo("npc:a energy is NaN, and only finite numbers are stored; "
                + "the property keeps 90.25");
        assertThat(prop("npc:a", "energy")).isEqualTo(90.25);
        assertThat(prop("npc:b", "energy")).isEqualTo(40L);
        assertThat(prop("npc:b", "mood")).as("the row's finite change is kept").isEqualTo(4L);
        assertThat(herd.get(0, 1)).as("the column gets the property's value back").isEqualTo(40);
        assertThat(herd.settle().refused()).as("reported once").isZero();
    }

    @Test
    void aNaNReadFromAPropertyThatIsNotANumberIsNotWrittenBack() {
        EntityColumns herd = herd();
        herd.open();
        assertThat(herd.settle().refused()).isZero();
        assertThat(prop("npc:c", "energy")).isEqualTo("tired");
    }

    @Test
    void badDeclarationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> world.columns("npc", List.of(), new double[0]))
                .hasMessageContaining("need 1 to 64 properties");
        assertThatThrownBy(() -> world.columns("npc", List.of("a", "a"), new double[] {0, 0}))
                .hasMessageContaining("'a' is named twice");
        assertThatThrownBy(() -> world.columns("npc", List.of(""), new double[] {0}))
                .hasMessageContaining("cannot name a property");
        assertThatThrownBy(() -> world.columns("npc", List.of("a"), new double[] {Double.NaN}))
                .hasMessageContaining("the default of 'a' is NaN");
    }

    @Test
    void closedColumnsNoLongerFollowTheWorld() {
        EntityColumns herd = herd();
        herd.open();
        herd.close();
        npc("npc:z", Map.of());
        assertThatThrownBy(herd::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aBulkWriteAddsPropertiesAnEntityDidNotHaveYet() {
        EntityColumns herd = herd();
        herd.open();
        herd.set(1, 0, 1.5);
        herd.set(0, 0, 2.5);
        herd.settle();
        assertThat(world.get(EntityId.of("npc:a")).properties()).containsExactly(
                Map.entry("energy", 2.5), Map.entry("mood", 1.5));
    }
}
